import type {
  BoundObserver,
  CounterProtocol,
  GaugeOptions,
  GaugeProtocol,
  GaugeSetter,
  HistogramOptions,
  HistogramProtocol,
  InstrumentOptions,
  Labels,
  MetricFamily,
  MetricProtocol,
  MetricsCollectorProtocol,
  SummaryProtocol,
} from '@lexigram/monitor-core';

/** Key of a label set, order-independent. */
export function key(labels: Labels = {}): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

/** One counter increment or histogram observation, in the order they happened. */
export interface Recorded {
  readonly metric: string;
  readonly kind: 'counter' | 'histogram';
  readonly value: number;
  readonly labels: Labels;
}

/** A recording instrument: values per label set, and every observation for histograms. */
export class FakeInstrument implements CounterProtocol, GaugeProtocol, HistogramProtocol {
  readonly values = new Map<string, number>();
  readonly observations = new Map<string, number[]>();
  constructor(
    readonly name: string,
    readonly description: string,
    readonly kind: 'counter' | 'gauge' | 'histogram',
    readonly options: GaugeOptions & HistogramOptions = {},
    private readonly log: Recorded[] = [],
  ) {}
  record(value: number, labels?: Labels): void {
    if (this.kind === 'histogram') this.observe(value, labels);
    else if (this.kind === 'counter') this.inc(value, labels);
    else this.set(value, labels);
  }
  set(value: number, labels?: Labels): void {
    this.values.set(key(labels), value);
  }
  inc(value = 1, labels?: Labels): void {
    this.values.set(key(labels), (this.values.get(key(labels)) ?? 0) + value);
    if (this.kind === 'counter') {
      this.log.push({ metric: this.name, kind: 'counter', value, labels: labels ?? {} });
    }
  }
  dec(value = 1, labels?: Labels): void {
    this.inc(-value, labels);
  }
  observe(value: number, labels?: Labels): void {
    this.log.push({ metric: this.name, kind: 'histogram', value, labels: labels ?? {} });
    const k = key(labels);
    const list = this.observations.get(k) ?? [];
    list.push(value);
    this.observations.set(k, list);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one bound handle for every kind
  labels(labels: Labels): any {
    const observe = (v: number) => this.observe(v, labels);
    const bound: BoundObserver & { inc(v?: number): void; set(v: number): void; get(): number } = {
      observe,
      record: observe,
      startTimer: () => () => 0,
      inc: (v = 1) => this.inc(v, labels),
      set: (v: number) => this.set(v, labels),
      get: () => this.values.get(key(labels)) ?? 0,
    };
    return bound;
  }
  startTimer(): () => number {
    return () => 0;
  }
  remove(labels: Labels): boolean {
    return this.values.delete(key(labels));
  }
  reset(): void {
    this.values.clear();
    this.observations.clear();
  }
  /** Value of the series of `labels`. */
  get(labels?: Labels): number | undefined {
    return this.values.get(key(labels));
  }
}

/**
 * A minimal in-memory MetricsCollectorProtocol that records what instrumentation does to it
 * (every instrument created, every increment and observation in order, values per label set),
 * without the metrics package. It runs gauge collect callbacks on `collect()`, as the contract
 * says.
 */
export class FakeCollector implements MetricsCollectorProtocol {
  readonly instruments = new Map<string, FakeInstrument>();
  /** Every counter increment and histogram observation, in order. */
  readonly records: Recorded[] = [];
  /** Every instrument creation, in order. */
  readonly created: { name: string; description?: string; options?: InstrumentOptions }[] = [];
  collectCount = 0;

  private getOrCreate(
    name: string,
    description: string | undefined,
    kind: FakeInstrument['kind'],
    options: GaugeOptions & HistogramOptions = {},
  ): FakeInstrument {
    this.created.push({ name, description, options });
    let i = this.instruments.get(name);
    if (!i) {
      i = new FakeInstrument(name, description ?? '', kind, options, this.records);
      this.instruments.set(name, i);
    }
    return i;
  }
  registerMetric(_metric: MetricProtocol): void {}
  createCounter(name: string, description?: string, options?: InstrumentOptions): CounterProtocol {
    return this.getOrCreate(name, description, 'counter', options);
  }
  createGauge(name: string, description = '', options?: GaugeOptions): GaugeProtocol {
    return this.getOrCreate(name, description, 'gauge', options);
  }
  createHistogram(
    name: string,
    description?: string,
    options?: HistogramOptions,
  ): HistogramProtocol {
    return this.getOrCreate(name, description, 'histogram', options);
  }
  createSummary(): SummaryProtocol {
    throw new Error('not used');
  }
  getMetric(name: string): MetricProtocol | undefined {
    return this.instruments.get(name);
  }
  getAllMetrics(): ReadonlyMap<string, MetricProtocol> {
    return this.instruments;
  }
  increment(name: string, value = 1, labels?: Labels): void {
    this.records.push({ metric: name, kind: 'counter', value, labels: labels ?? {} });
  }
  setGauge(): void {}
  recordHistogram(name: string, value: number, labels?: Labels): void {
    this.records.push({ metric: name, kind: 'histogram', value, labels: labels ?? {} });
  }
  async collect(): Promise<MetricFamily[]> {
    this.collectCount += 1;
    for (const i of this.instruments.values()) {
      const setter: GaugeSetter = { set: (v, labels) => i.set(v, labels) };
      await i.options.collect?.(setter);
    }
    return [];
  }
  /** The instrument `name`, which must exist. */
  instrument(name: string): FakeInstrument {
    const i = this.instruments.get(name);
    if (!i)
      throw new Error(`no instrument ${name}; have ${[...this.instruments.keys()].join(', ')}`);
    return i;
  }
}
