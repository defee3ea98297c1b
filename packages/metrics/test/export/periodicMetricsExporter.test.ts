import type { MetricFamily, MonitorFault } from '@lexigram/monitor-core';
import { MonitorConfigError } from '@lexigram/monitor-core';
import { MetricsCollector } from '../../src/collector/metricsCollector.js';
import type { MetricsExporter } from '../../src/export/metricsExporter.js';
import { PeriodicMetricsExporter } from '../../src/export/periodicMetricsExporter.js';
import { captureWarnings as captureLogger, pendingUntil } from '@lexigram/test-support';

function recording(): MetricsExporter & { batches: MetricFamily[][]; shutdowns: number } {
  const self = {
    batches: [] as MetricFamily[][],
    shutdowns: 0,
    export(families: readonly MetricFamily[]) {
      self.batches.push([...families]);
    },
    shutdown() {
      self.shutdowns++;
    },
  };
  return self;
}

describe('PeriodicMetricsExporter', () => {
  it('starts one unref’d interval timer, however often start() is called', async () => {
    const loop = new PeriodicMetricsExporter({
      producer: new MetricsCollector(),
      exporter: recording(),
      intervalMs: 20,
    });
    const spy = jest.spyOn(global, 'setInterval');
    try {
      loop.start();
      loop.start();
      expect(spy).toHaveBeenCalledTimes(1);
      expect((spy.mock.results[0]!.value as NodeJS.Timeout).hasRef()).toBe(false);
    } finally {
      spy.mockRestore();
      await loop.shutdown();
    }
  });

  it('exports on an interval, and once more on stop', async () => {
    jest.useFakeTimers();
    try {
      const m = new MetricsCollector();
      const c = m.createCounter('ticks_total');
      const exporter = recording();
      const loop = new PeriodicMetricsExporter({ producer: m, exporter, intervalMs: 20 });
      loop.start();
      c.inc();
      await jest.advanceTimersByTimeAsync(19);
      expect(exporter.batches).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(21);
      expect(exporter.batches).toHaveLength(2);
      c.inc(5);
      await loop.stop();
      const last = exporter.batches.at(-1)!;
      expect(last[0]!.series).toEqual([{ labels: {}, value: 6 }]);
      expect(exporter.shutdowns).toBe(1);
      const count = exporter.batches.length;
      await jest.advanceTimersByTimeAsync(60);
      expect(exporter.batches.length).toBe(count);
      await loop.stop();
      loop.start();
      expect(exporter.shutdowns).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('shutdown() resolves by its deadline when the exporter never settles', async () => {
    jest.useFakeTimers();
    try {
      const faults: MonitorFault[] = [];
      const loop = new PeriodicMetricsExporter({
        producer: new MetricsCollector(),
        exporter: { export: () => undefined, shutdown: () => new Promise<void>(() => undefined) },
        shutdownTimeoutMs: 1000,
        onError: (f) => faults.push(f),
      });
      expect(await pendingUntil(loop.shutdown(), 1000)).toBe(true);
      expect(faults.map((f) => f.code)).toEqual(['SHUTDOWN_TIMEOUT']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('reports a failing export through onError', async () => {
    const faults: MonitorFault[] = [];
    const loop = new PeriodicMetricsExporter({
      producer: new MetricsCollector(),
      exporter: {
        export: () => {
          throw new Error('sink down');
        },
        shutdown: () => undefined,
      },
      onError: (f) => faults.push(f),
    });
    await expect(loop.exportNow()).resolves.toBe(false);
    expect(faults).toEqual([
      expect.objectContaining({
        code: 'EXPORT_FAILED',
        component: 'metrics.periodicMetricsExporter',
      }),
    ]);
  });

  it('a failing export is logged and the loop goes on', async () => {
    const logger = captureLogger();
    let calls = 0;
    const exporter: MetricsExporter = {
      export: () => {
        calls++;
        if (calls === 1) throw new Error('sink down');
      },
      shutdown: () => Promise.reject(new Error('close failed')),
    };
    const loop = new PeriodicMetricsExporter({
      producer: new MetricsCollector(),
      exporter,
      logger,
    });
    await expect(loop.exportNow()).resolves.toBe(false);
    await expect(loop.exportNow()).resolves.toBe(true);
    expect(loop.exports).toBe(1);
    await loop.stop();
    expect(logger.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/Periodic metrics export failed/),
      expect.stringMatching(/failed to shut down/),
    ]);
  });

  it('waits twice as many intervals after each failure in a row, and resumes on success', async () => {
    jest.useFakeTimers();
    try {
      let down = true;
      const { loop, attempts } = flakyLoop(10, () => down);
      const start = Date.now();
      loop.start();
      await jest.advanceTimersByTimeAsync(150);
      // Failures at 10, then 1, 2, 4 and 8 intervals later.
      expect(attempts.map((t) => t - start)).toEqual([10, 20, 40, 80]);
      await jest.advanceTimersByTimeAsync(10);
      expect(attempts.map((t) => t - start)).toEqual([10, 20, 40, 80, 160]);
      await expect(loop.exportNow()).resolves.toBe(false); // an explicit export never waits
      expect(attempts).toHaveLength(6);
      down = false;
      await jest.advanceTimersByTimeAsync(320); // the pause after 6 failures: 32 intervals
      expect(attempts).toHaveLength(7);
      expect(loop.exports).toBe(1);
      await jest.advanceTimersByTimeAsync(10); // back to every interval
      expect(attempts).toHaveLength(8);
      await loop.shutdown();
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits at most 30 s between attempts, or one interval when longer', async () => {
    jest.useFakeTimers();
    try {
      for (const [intervalMs, gaps] of [
        [10_000, [10_000, 20_000, 30_000, 30_000]],
        [40_000, [40_000, 40_000, 40_000]],
      ] as const) {
        const { loop, attempts } = flakyLoop(intervalMs, () => true);
        loop.start();
        await jest.advanceTimersByTimeAsync(intervalMs + gaps.reduce((a, b) => a + b, 0));
        const seen = attempts.slice(1).map((t, i) => t - attempts[i]!);
        expect(seen).toEqual(gaps);
        await loop.shutdown();
      }
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not overlap exports', async () => {
    let running = 0;
    let maxRunning = 0;
    const exporter: MetricsExporter = {
      export: async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await Promise.resolve();
        running--;
      },
      shutdown: () => undefined,
    };
    const loop = new PeriodicMetricsExporter({ producer: new MetricsCollector(), exporter });
    const a = loop.exportNow();
    const b = loop.exportNow();
    expect(b).toBe(a);
    await Promise.all([a, b]);
    expect(maxRunning).toBe(1);
  });

  it('validates intervalMs', () => {
    expect(
      () =>
        new PeriodicMetricsExporter({
          producer: new MetricsCollector(),
          exporter: recording(),
          intervalMs: -1,
        }),
    ).toThrow(MonitorConfigError);
    expect(
      () =>
        new PeriodicMetricsExporter({
          producer: new MetricsCollector(),
          exporter: recording(),
          intervalMs: 2 ** 31,
        }),
    ).toThrow(/intervalMs: must be at most 2147483647 ms/);
  });
});

/**
 * A loop exporting every `intervalMs` to an exporter that throws while `isDown()`; `attempts`
 * gets the (fake) time of every export call.
 */
function flakyLoop(
  intervalMs: number,
  isDown: () => boolean,
): { loop: PeriodicMetricsExporter; attempts: number[] } {
  const attempts: number[] = [];
  const loop = new PeriodicMetricsExporter({
    producer: new MetricsCollector(),
    exporter: {
      export: () => {
        attempts.push(Date.now());
        if (isDown()) throw new Error('collector unreachable');
      },
      shutdown: () => undefined,
    },
    intervalMs,
    onError: () => undefined,
  });
  return { loop, attempts };
}
