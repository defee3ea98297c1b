import {
  InvalidMetricError,
  MonitorConfigError,
  type MetricProtocol,
} from '@lexigram/monitor-core';
import { BufferedMetricRecorder } from '../../src/buffered/bufferedMetricRecorder.js';
import { MetricsCollector } from '../../src/collector/metricsCollector.js';
import { Counter } from '../../src/instruments/counter.js';
import {
  captureWarnings as captureLogger,
  FakeScheduler,
  flushPromises,
} from '@lexigram/test-support';

/** A metric whose record() fails while `down` is true. */
function flaky(): MetricProtocol & { down: boolean; values: number[] } {
  return {
    name: 'flaky',
    description: '',
    down: true,
    values: [],
    record(value: number) {
      if (this.down) throw new Error('backend down');
      this.values.push(value);
    },
  };
}

describe('BufferedMetricRecorder', () => {
  it('buffers until flush, which returns the count delivered', async () => {
    const m = new MetricsCollector();
    const r = new BufferedMetricRecorder(m);
    r.record('req_total', 1, { method: 'GET' }, 'counter');
    r.record('req_total', 1, { method: 'GET' }, 'counter');
    r.record('q', 3, undefined, 'gauge');
    expect(r.pending).toBe(3);
    expect(await m.collect()).toEqual([]);
    expect(r.flush()).toBe(3);
    expect(r.flush()).toBe(0);
    expect(r.pending).toBe(0);
    expect(r.flushed).toBe(3);
    const families = await m.collect();
    expect(families[0]!.series).toEqual([{ labels: { method: 'GET' }, value: 2 }]);
  });

  it('keeps entries the backend rejects, retries them first, and drops them past maxRetries', () => {
    const metric = flaky();
    const logger = captureLogger();
    const r = new BufferedMetricRecorder({ flaky: metric }, { maxRetries: 2, logger });
    r.record('flaky', 1);
    expect(r.flush()).toBe(0);
    expect(r.pending).toBe(1);
    r.record('flaky', 2);
    expect(r.flush()).toBe(0); // 1 has failed twice, 2 once
    expect(r.pending).toBe(2);
    expect(r.flush()).toBe(0); // 1 is out of retries
    expect(r.dropped).toBe(1);
    expect(r.pending).toBe(1);
    metric.down = false;
    r.record('flaky', 3);
    expect(r.flush()).toBe(2);
    expect(metric.values).toEqual([2, 3]); // order kept: the retried entry first
    expect(logger.warnings).toHaveLength(3);
    expect(logger.warnings[0]!.message).toMatch(/rejected 1 of 1 entries/);
    expect(logger.warnings[2]!.details).toMatchObject({ failed: 2, dropped: 1, pending: 1 });
  });

  it('holds at most maxPendingEntries while the backend is down, dropping the oldest', () => {
    const metric = flaky();
    const r = new BufferedMetricRecorder(
      { flaky: metric },
      { maxBufferSize: 10, maxPendingEntries: 25, maxRetries: 100, logger: captureLogger() },
    );
    for (let i = 0; i < 100; i++) r.record('flaky', i);
    expect(r.pending).toBe(25);
    expect(r.dropped).toBe(75);
    r.flush();
    metric.down = false;
    expect(r.flush()).toBe(25);
    expect(metric.values).toEqual(Array.from({ length: 25 }, (_, i) => 75 + i));
    r.stop();
  });

  it('flushes soon after maxBufferSize entries, not inside record()', async () => {
    const c = new Counter('c_total');
    const r = new BufferedMetricRecorder({ c_total: c }, { maxBufferSize: 5 });
    for (let i = 0; i < 5; i++) r.record('c_total', 1);
    expect(r.pending).toBe(5);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.pending).toBe(0);
    expect(c.labels({}).get()).toBe(5);
  });

  it('starts one unref’d timer however often start() is called', () => {
    const r = new BufferedMetricRecorder({}, { flushIntervalMs: 20 });
    const setIntervalSpy = jest.spyOn(global, 'setInterval');
    try {
      r.start();
      r.start();
      expect(setIntervalSpy).toHaveBeenCalledTimes(1);
      const timer = setIntervalSpy.mock.results[0]!.value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
      expect(r.running).toBe(true);
    } finally {
      setIntervalSpy.mockRestore();
      r.stop();
    }
  });

  it('flushes every flushIntervalMs once started, and on stop', async () => {
    const scheduler = new FakeScheduler();
    const c = new Counter('c_total');
    const r = new BufferedMetricRecorder({ c_total: c }, { flushIntervalMs: 20, scheduler });
    r.start();
    expect(r.running).toBe(true);
    r.record('c_total', 2);
    scheduler.advance(19);
    expect(r.pending).toBe(1);
    scheduler.advance(1);
    expect(r.pending).toBe(0);
    expect(c.labels({}).get()).toBe(2);
    await flushPromises(); // the loop settles its run between ticks, as between real timers
    r.record('c_total', 4);
    scheduler.advance(20);
    expect(c.labels({}).get()).toBe(6);
    r.record('c_total', 3);
    expect(r.stop()).toBe(1);
    expect(r.running).toBe(false);
    expect(scheduler.pending).toBe(0);
    expect(c.labels({}).get()).toBe(9);
  });

  it('stop flushes everything; what the backend still refuses stays pending', () => {
    const metric = flaky();
    const r = new BufferedMetricRecorder({ flaky: metric }, { logger: captureLogger() });
    r.start();
    r.record('flaky', 1);
    expect(r.stop()).toBe(0);
    expect(r.pending).toBe(1);
    metric.down = false;
    expect(r.flush()).toBe(1);
  });

  it('rejects bad input and bad options', () => {
    const r = new BufferedMetricRecorder(new MetricsCollector());
    expect(() => r.record('', 1)).toThrow(InvalidMetricError);
    expect(() => r.record('x', '1' as never)).toThrow(/needs a metric name and a number/);
    expect(() => new BufferedMetricRecorder(null as never)).toThrow(/needs a backend/);
    expect(() => new BufferedMetricRecorder({}, { flushIntervalMs: 0 })).toThrow(
      MonitorConfigError,
    );
    expect(() => new BufferedMetricRecorder({}, { maxBufferSize: 1.5 })).toThrow(/maxBufferSize/);
    expect(() => new BufferedMetricRecorder({}, { maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => new BufferedMetricRecorder({}, { maxPendingEntries: NaN })).toThrow(
      /maxPendingEntries/,
    );
  });
});
