import { createServer } from 'node:net';
import { MonitorConfigError, PerformanceMonitorError } from '@lexigram/monitor-core';
import { RuntimeMetricsPublisher } from '../../src/publish/runtimeMetricsPublisher.js';
import { FakeCollector, FakeScheduler } from '@lexigram/test-support';
import { sleep } from '@lexigram/test-support';
import { churn, spin } from '../support/work.js';

describe('RuntimeMetricsPublisher', () => {
  let publisher: RuntimeMetricsPublisher | undefined;
  afterEach(() => publisher?.stop());

  // A long window so only closeWindow() closes windows in these tests.
  const manual = { windowMs: 3_600_000 };

  it('creates its instruments under the prefix', () => {
    const collector = new FakeCollector();
    publisher = new RuntimeMetricsPublisher(collector, { ...manual, prefix: 'app_' }).start();
    expect([...collector.instruments.keys()].sort()).toEqual([
      'app_active_handles',
      'app_cpu_percent',
      'app_cpu_system_seconds_total',
      'app_cpu_user_seconds_total',
      'app_eventloop_delay_max_seconds',
      'app_eventloop_delay_p50_seconds',
      'app_eventloop_delay_p99_seconds',
      'app_eventloop_utilization_ratio',
      'app_external_memory_bytes',
      'app_gc_duration_seconds',
      'app_heap_total_bytes',
      'app_heap_used_bytes',
      'app_memory_rss_bytes',
    ]);
    expect(collector.instrument('app_gc_duration_seconds').kind).toBe('histogram');
    expect(collector.instrument('app_gc_duration_seconds').options.buckets).toEqual(
      publisher.config.gcDurationBuckets,
    );
    expect(collector.instrument('app_cpu_user_seconds_total').kind).toBe('counter');
  });

  it('reads memory and handles live at each collect', async () => {
    const collector = new FakeCollector();
    publisher = new RuntimeMetricsPublisher(collector, manual).start();
    await collector.collect();
    const rss = collector.instrument('runtime_memory_rss_bytes').get()!;
    const now = process.memoryUsage().rss;
    expect(rss).toBeGreaterThan(now / 2);
    expect(rss).toBeLessThan(now * 2);
    expect(collector.instrument('runtime_heap_used_bytes').get()).toBeGreaterThan(0);

    const handles = collector.instrument('runtime_active_handles');
    const server = createServer().listen(0);
    await new Promise((r) => server.once('listening', r));
    await collector.collect();
    expect(handles.get({ type: 'TCPServerWrap' })).toBe(1);
    await new Promise((r) => server.close(r));
    await sleep(20); // the handle is released after the close callback
    await collector.collect();
    // A type that went away reads 0 instead of keeping its last count.
    expect(handles.get({ type: 'TCPServerWrap' })).toBe(0);
  });

  it('publishes windowed figures per window, whatever the read rate', async () => {
    const collector = new FakeCollector();
    publisher = new RuntimeMetricsPublisher(collector, manual).start();
    const max = collector.instrument('runtime_eventloop_delay_max_seconds');
    const cpu = collector.instrument('runtime_cpu_percent');
    expect(max.get()).toBeUndefined();

    await sleep(120);
    publisher.closeWindow();
    const calmMax = max.get()!;

    // Block the loop inside the second window; reads before it closes still see window 1.
    await sleep(20);
    spin(150);
    await sleep(40);
    for (let i = 0; i < 20; i++) await collector.collect();
    expect(max.get()).toBe(calmMax);
    publisher.closeWindow();
    const blockedMax = max.get()!;
    expect(blockedMax).toBeGreaterThanOrEqual(0.12);
    expect(blockedMax).toBeGreaterThan(calmMax);
    expect(cpu.get()).toBeGreaterThan(5);

    // Many reads never reset the histogram: only closing a window does.
    for (let i = 0; i < 20; i++) await collector.collect();
    expect(max.get()).toBe(blockedMax);
    await sleep(100);
    publisher.closeWindow();
    expect(max.get()).toBeLessThan(blockedMax);
  });

  it('advances the CPU counters by each window', () => {
    const collector = new FakeCollector();
    publisher = new RuntimeMetricsPublisher(collector, manual).start();
    const user = collector.instrument('runtime_cpu_user_seconds_total');
    spin(100);
    const s1 = publisher.closeWindow();
    const after1 = user.get()!;
    expect(after1).toBeCloseTo(s1.cpuUserMs / 1000, 9);
    expect(after1).toBeGreaterThan(0.01);
    spin(50);
    const s2 = publisher.closeWindow();
    expect(user.get()).toBeCloseTo(after1 + s2.cpuUserMs / 1000, 9);
  });

  it('observes every GC pause in seconds, by kind', async () => {
    const collector = new FakeCollector();
    publisher = new RuntimeMetricsPublisher(collector, manual).start();
    churn(2_000_000);
    await sleep(50);
    const gc = collector.instrument('runtime_gc_duration_seconds');
    const minor = gc.observations.get(JSON.stringify([['kind', 'minor']])) ?? [];
    expect(minor.length).toBeGreaterThan(0);
    for (const seconds of minor) {
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(1);
    }
  });

  it('closes windows on its own timer', () => {
    const collector = new FakeCollector();
    const scheduler = new FakeScheduler();
    publisher = new RuntimeMetricsPublisher(collector, { windowMs: 30 }, { scheduler }).start();
    expect(publisher.running).toBe(true);
    const cpu = collector.instrument('runtime_cpu_percent');
    scheduler.advance(29);
    expect(cpu.get()).toBeUndefined();
    scheduler.advance(1);
    expect(cpu.get()).toBeGreaterThanOrEqual(0);
    expect(
      collector.instrument('runtime_eventloop_utilization_ratio').get(),
    ).toBeGreaterThanOrEqual(0);
  });

  it('publishes the partial window on stop, then stops', () => {
    const collector = new FakeCollector();
    publisher = new RuntimeMetricsPublisher(collector, manual).start();
    expect(publisher.start()).toBe(publisher);
    spin(30);
    publisher.stop();
    expect(publisher.running).toBe(false);
    expect(collector.instrument('runtime_cpu_user_seconds_total').get()).toBeGreaterThan(0);
    expect(() => publisher!.closeWindow()).toThrow(PerformanceMonitorError);
    expect(() => publisher!.stop()).not.toThrow();
  });

  it('reuses its instruments across restarts', () => {
    const collector = new FakeCollector();
    publisher = new RuntimeMetricsPublisher(collector, manual).start();
    spin(20);
    publisher.stop();
    const before = collector.instrument('runtime_cpu_user_seconds_total').get()!;
    publisher.start();
    spin(20);
    publisher.closeWindow();
    expect(collector.instrument('runtime_cpu_user_seconds_total').get()!).toBeGreaterThan(before);
  });

  it('creates only what is tracked', () => {
    const collector = new FakeCollector();
    publisher = new RuntimeMetricsPublisher(collector, {
      ...manual,
      trackEventLoop: false,
      trackGc: false,
      trackActiveHandles: false,
    }).start();
    const names = [...collector.instruments.keys()];
    expect(names.some((n) => n.includes('eventloop'))).toBe(false);
    expect(names.some((n) => n.includes('gc_'))).toBe(false);
    expect(names).not.toContain('runtime_active_handles');
    expect(publisher.closeWindow().eventLoopDelayMaxMs).toBe(0);
  });

  it('caps the number of handle types', async () => {
    const collector = new FakeCollector();
    publisher = new RuntimeMetricsPublisher(collector, { ...manual, maxHandleTypes: 2 }).start();
    const server = createServer().listen(0);
    const timer = setTimeout(() => {}, 10_000);
    try {
      await new Promise((r) => server.once('listening', r));
      await collector.collect();
      const series = [...collector.instrument('runtime_active_handles').values.keys()];
      expect(series).toHaveLength(2);
      expect(series).toContain(JSON.stringify([['type', 'other']]));
    } finally {
      clearTimeout(timer);
      server.close();
    }
  });

  it('reports a failing window and keeps going', async () => {
    jest.useFakeTimers({ doNotFake: ['performance', 'hrtime', 'nextTick'] });
    const collector = new FakeCollector();
    const errors: unknown[] = [];
    publisher = new RuntimeMetricsPublisher(
      collector,
      { windowMs: 20 },
      { onError: (fault) => errors.push(fault.error) },
    ).start();
    const gauge = collector.instrument('runtime_cpu_percent');
    gauge.set = () => {
      throw new Error('backend down');
    };
    try {
      await jest.advanceTimersByTimeAsync(60);
    } finally {
      jest.useRealTimers();
    }
    expect(errors).toHaveLength(3);
    expect((errors[0] as Error).message).toBe('backend down');
    expect(publisher.running).toBe(true);
  });

  it('rejects a missing collector and bad config', () => {
    expect(() => new RuntimeMetricsPublisher(undefined as never)).toThrow(PerformanceMonitorError);
    expect(() => new RuntimeMetricsPublisher(new FakeCollector(), { windowMs: 0 })).toThrow(
      MonitorConfigError,
    );
  });
});
