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

/** A recording instrument: values per label set, and every observation for histograms. */
export class FakeInstrument implements CounterProtocol, GaugeProtocol, HistogramProtocol {
  readonly values = new Map<string, number>();
  readonly observations = new Map<string, number[]>();
  constructor(
    readonly name: string,
    readonly description: string,
    readonly kind: 'counter' | 'gauge' | 'histogram',
    readonly options: GaugeOptions & HistogramOptions = {},
  ) {}
  record(value: number, labels?: Labels): void {
    if (this.kind === 'histogram') this.observe(value, labels);
    else this.set(value, labels);
  }
  set(value: number, labels?: Labels): void {
    this.values.set(key(labels), value);
  }
  inc(value = 1, labels?: Labels): void {
    this.values.set(key(labels), (this.values.get(key(labels)) ?? 0) + value);
  }
  dec(value = 1, labels?: Labels): void {
    this.inc(-value, labels);
  }
  observe(value: number, labels?: Labels): void {
    const k = key(labels);
    const list = this.observations.get(k) ?? [];
    list.push(value);
    this.observations.set(k, list);
  }
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
 * A minimal in-memory MetricsCollectorProtocol that records what a publisher does to it: it
 * runs gauge collect callbacks on `collect()`, as the contract says.
 */
export class FakeCollector implements MetricsCollectorProtocol {
  readonly instruments = new Map<string, FakeInstrument>();
  collectCount = 0;

  private getOrCreate(
    name: string,
    description: string,
    kind: FakeInstrument['kind'],
    options: GaugeOptions & HistogramOptions = {},
  ): FakeInstrument {
    let i = this.instruments.get(name);
    if (!i) {
      i = new FakeInstrument(name, description, kind, options);
      this.instruments.set(name, i);
    }
    return i;
  }
  registerMetric(_metric: MetricProtocol): void {}
  createCounter(name: string, description = '', options?: InstrumentOptions): CounterProtocol {
    return this.getOrCreate(name, description, 'counter', options);
  }
  createGauge(name: string, description = '', options?: GaugeOptions): GaugeProtocol {
    return this.getOrCreate(name, description, 'gauge', options);
  }
  createHistogram(name: string, description = '', options?: HistogramOptions): HistogramProtocol {
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
  increment(): void {}
  setGauge(): void {}
  recordHistogram(): void {}
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
