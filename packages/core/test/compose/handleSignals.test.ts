import {
  createMonitor,
  resetObservability,
  type MonitorContribution,
  type MonitorShutdownReport,
} from '../../src/index.js';

afterEach(() => resetObservability());

describe('Monitor.handleSignals and shutdown deadlines', () => {
  it('SIGTERM drains, flushes and closes in order, then exits 0', async () => {
    const order: string[] = [];
    const part: MonitorContribution = {
      part: 'health',
      setup: (a) => {
        a.onShutdown('close thing', 'close', () => void order.push('close'));
        a.onShutdown('flush thing', 'flush', () => void order.push('flush'));
        a.onShutdown('drain thing', 'drain', async () => {
          order.push('drain');
          await Promise.resolve();
        });
      },
    };
    const monitor = await createMonitor({}, { env: false, discover: false, contributions: [part] });
    let report: MonitorShutdownReport | undefined;
    const exited = new Promise<number>((resolve) => {
      const remove = monitor.handleSignals({
        signals: ['SIGTERM'],
        exit: (code) => {
          remove();
          resolve(code);
        },
        onShutdown: (r) => (report = r),
      });
    });
    process.emit('SIGTERM');
    expect(await exited).toBe(0);
    expect(order).toEqual(['drain', 'flush', 'close']);
    expect(report!.steps.map((s) => `${s.phase}:${s.name}:${s.outcome}`)).toEqual([
      'drain:drain thing:done',
      'flush:flush thing:done',
      'close:close thing:done',
      'close:restore default observability:done',
      'close:backend (final push):done',
    ]);
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('a step that overruns its phase deadline is abandoned; the next phases still run; exit 1', async () => {
    jest.useFakeTimers();
    try {
      const part: MonitorContribution = {
        part: 'middleware',
        setup: (a) => {
          a.onShutdown('in-flight requests finish', 'drain', () => new Promise(() => {}));
          a.onShutdown('after', 'drain', () => {});
          a.onShutdown('flush', 'flush', () => {});
        },
      };
      const monitor = await createMonitor(
        {},
        {
          env: false,
          discover: false,
          contributions: [part],
          shutdown: { drainMs: 1000 },
        },
      );
      const codes: number[] = [];
      const remove = monitor.handleSignals({ signals: ['SIGINT'], exit: (c) => codes.push(c) });
      process.emit('SIGINT');
      await jest.advanceTimersByTimeAsync(1000);
      const report = await monitor.shutdown();
      remove();
      expect(report.steps.map((s) => `${s.phase}:${s.name}:${s.outcome}`)).toEqual([
        'drain:in-flight requests finish:timeout',
        'drain:after:skipped',
        'flush:flush:done',
        'close:restore default observability:done',
        'close:backend (final push):done',
      ]);
      await jest.advanceTimersByTimeAsync(0);
      expect(codes).toEqual([1]);
    } finally {
      jest.useRealTimers();
    }
  });
});
