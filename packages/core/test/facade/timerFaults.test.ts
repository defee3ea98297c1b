import fc from 'fast-check';
import {
  InvalidMetricError,
  ObservabilityService,
  setMonitorDiagnostics,
  type HistogramProtocol,
  type Labels,
  type MetricsCollectorProtocol,
  type MonitorFault,
} from '@lexigram/monitor-core';

/** A meter whose histogram enforces a label schema fixed at first use, like a real collector. */
function strictMeter(options: { refuseName?: boolean } = {}) {
  const observed: { value: number; unit: string | undefined }[] = [];
  let schema: string | undefined;
  const meter = {
    createHistogram(name: string, _d?: string, opts?: { unit?: string }): HistogramProtocol {
      if (options.refuseName) throw new InvalidMetricError(`bad name ${name}`);
      return {
        observe(value: number, labels?: Labels) {
          const keys = Object.keys(labels ?? {})
            .sort()
            .join(',');
          schema ??= keys;
          if (keys !== schema) throw new InvalidMetricError(`labels ${keys} != ${schema}`);
          observed.push({ value, unit: opts?.unit });
        },
      } as unknown as HistogramProtocol;
    },
  } as unknown as MetricsCollectorProtocol;
  return { meter, observed };
}

describe('ObservabilityService.timer / startTimer never replace the outcome (F11)', () => {
  let faults: MonitorFault[];
  beforeEach(() => {
    faults = [];
    setMonitorDiagnostics((fault) => void faults.push(fault));
  });
  afterEach(() => setMonitorDiagnostics(undefined));

  it('the case of the findings note', async () => {
    const { meter } = strictMeter();
    const obs = new ObservabilityService({ meter });
    obs.timer('checkout', () => 1, { route: '/a' });
    await expect(obs.timer('checkout', async () => 'ORDER-42', { region: 'eu' })).resolves.toBe(
      'ORDER-42',
    );
    const declined = new Error('payment declined');
    expect(() =>
      obs.timer(
        'checkout',
        () => {
          throw declined;
        },
        { region: 'eu' },
      ),
    ).toThrow(declined);
    expect(obs.startTimer('checkout', { region: 'eu' })()).toBeGreaterThanOrEqual(0);
    expect(faults.length).toBeGreaterThanOrEqual(3);
  });

  it('for any outcome and any recording fault, the caller sees the outcome', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('return', 'throw', 'resolve', 'reject'),
        fc.constantFrom('badLabels', 'badName', 'none'),
        async (outcome, fault) => {
          const { meter } = strictMeter({ refuseName: fault === 'badName' });
          const obs = new ObservabilityService({ meter });
          if (fault === 'badLabels') obs.timer('m', () => 0, { a: '1' });
          const labels = fault === 'badLabels' ? { b: '2' } : undefined;
          const error = new Error('app');
          const fn = (): unknown => {
            if (outcome === 'return') return 'value';
            if (outcome === 'throw') throw error;
            if (outcome === 'resolve') return Promise.resolve('value');
            return Promise.reject(error);
          };
          let seen: unknown;
          try {
            seen = await obs.timer('m', fn, labels);
          } catch (e) {
            seen = e;
          }
          expect(seen).toBe(outcome === 'return' || outcome === 'resolve' ? 'value' : error);
          expect(() => obs.startTimer('m', labels)()).not.toThrow();
        },
      ),
    );
  });

  it('records seconds with unit s, so a 30 ms call lands in a finite default bucket', () => {
    const { meter, observed } = strictMeter();
    const obs = new ObservabilityService({ meter });
    jest.useFakeTimers(); // the timer reads the (faked) monotonic clock: exactly 30 ms pass
    try {
      obs.timer('work', () => jest.advanceTimersByTime(30));
    } finally {
      jest.useRealTimers();
    }
    expect(observed[0]!.unit).toBe('s');
    expect(observed[0]!.value).toBeCloseTo(0.03, 9);
    const seconds = obs.startTimer('work')();
    expect(observed[1]!.value).toBe(seconds);
  });
});
