import {
  PerformanceMonitorError,
  type BoundObserver,
  type CounterProtocol,
  type GaugeProtocol,
  type GaugeSetter,
  type MetricsCollectorProtocol,
  type MonitorFaultHandler,
} from '@lexigram/monitor-core';
import {
  BackgroundLoop,
  reportFault,
  runWithDeadline,
  type Scheduler,
} from '@lexigram/monitor-core/internal';
import {
  parseRuntimeMetricsConfig,
  type RuntimeMetricsConfig,
  type RuntimeMetricsConfigInput,
} from '../config/runtimeMetricsConfig.js';
import { GcKind } from '../model/gcKind.js';
import type { PerformanceSnapshot } from '../model/performanceSnapshot.js';
import { countActiveResourcesByType } from '../sampling/activeResources.js';
import { RuntimeSampler } from '../sampling/runtimeSampler.js';

/** Options of a {@link RuntimeMetricsPublisher} that are not configuration data. */
export interface RuntimeMetricsPublisherOptions {
  /**
   * Receives a window that failed to close (`RUNTIME_METRICS_FAILED`, the error as
   * `fault.error`); publishing goes on. Default: the process-wide fault channel.
   */
  onError?: MonitorFaultHandler;
  /** Timer source of the window loop (tests pass a fake). Default: unref'd Node timers. */
  scheduler?: Scheduler;
}

interface WindowGauges {
  readonly cpuPercent: GaugeProtocol;
  readonly cpuUser: CounterProtocol;
  readonly cpuSystem: CounterProtocol;
  readonly delayP50: GaugeProtocol | undefined;
  readonly delayP99: GaugeProtocol | undefined;
  readonly delayMax: GaugeProtocol | undefined;
  readonly utilization: GaugeProtocol | undefined;
}

/**
 * Publishes the process's runtime figures to a metrics collector (core's
 * `MetricsCollectorProtocol`), measured correctly however often the collector is read:
 *
 * - Memory (`<prefix>memory_rss_bytes`, `heap_used_bytes`, `heap_total_bytes`,
 *   `external_memory_bytes`) and `active_handles{type}` are gauges read live at each collect.
 * - CPU % (`cpu_percent`), event-loop delay (`eventloop_delay_p50_seconds`, `_p99_`, `_max_`)
 *   and `eventloop_utilization_ratio` are gauges holding the last completed window of
 *   `windowMs`. The publisher's own unref'd timer closes each window and resets the delay
 *   histogram; reading never resets anything, so two scrapers, or a scrape every second, see
 *   the same consistent figures.
 * - `cpu_user_seconds_total` and `cpu_system_seconds_total` are counters advanced once per
 *   window.
 * - `gc_duration_seconds{kind}` is a histogram that observes every GC pause as it happens.
 *
 * @example
 * ```ts
 * const publisher = new RuntimeMetricsPublisher(collector, { windowMs: 15_000 }).start();
 * // on shutdown:
 * publisher.stop();
 * ```
 */
export class RuntimeMetricsPublisher {
  /** The configuration, defaults applied. */
  readonly config: RuntimeMetricsConfig;
  private readonly onError: MonitorFaultHandler | undefined;
  private readonly loop: BackgroundLoop;
  private sampler: RuntimeSampler | undefined;
  private window: WindowGauges | undefined;
  private gcByKind: Map<GcKind, BoundObserver> | undefined;
  private readonly seenHandleTypes = new Set<string>();

  /**
   * @param collector Where the instruments are created (get-or-create by name).
   * @throws MonitorConfigError naming each invalid field.
   */
  constructor(
    private readonly collector: MetricsCollectorProtocol,
    config: RuntimeMetricsConfigInput = {},
    options: RuntimeMetricsPublisherOptions = {},
  ) {
    if (!collector || typeof collector.createGauge !== 'function') {
      throw new PerformanceMonitorError(
        'RuntimeMetricsPublisher needs a MetricsCollectorProtocol (e.g. a MetricsCollector from @lexigram/monitor-metrics)',
      );
    }
    this.config = parseRuntimeMetricsConfig(config);
    this.onError = options.onError;
    this.loop = new BackgroundLoop({
      run: () => this.closeWindowSafely(),
      onError: () => undefined, // closeWindowSafely reports its own failures
      component: 'profiling.runtimeMetricsPublisher',
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    });
  }

  /** True between `start` and `stop`. */
  get running(): boolean {
    return this.loop.started;
  }

  /**
   * Create the instruments (first start only) and start measuring; the first window starts now.
   * Starting a running publisher changes nothing.
   */
  start(): this {
    if (this.loop.started) return this;
    this.createInstruments();
    const c = this.config;
    this.sampler = new RuntimeSampler({
      trackEventLoop: c.trackEventLoop,
      eventLoopResolutionMs: c.eventLoopResolutionMs,
      trackGc: c.trackGc,
      trackActiveHandles: false,
      keepRunFigures: false,
      onGcPause: (kind, ms) => this.gcByKind?.get(kind)?.observe(ms / 1000),
    });
    this.sampler.start();
    this.loop.start(c.windowMs, 'windowMs');
    return this;
  }

  /**
   * Publish the figures of the partial window so far, then stop measuring. The live gauges keep
   * answering reads. Stopping a stopped publisher changes nothing.
   */
  stop(): void {
    if (!this.loop.started) return;
    void this.loop.stop();
    this.closeWindowSafely();
    this.sampler?.stop();
    this.sampler = undefined;
  }
  /** The lifecycle every component shares: {@link RuntimeMetricsPublisher.stop}. Never rejects. */
  shutdown(): Promise<void> {
    return runWithDeadline(() => this.stop(), {
      component: 'profiling.runtimeMetricsPublisher',
      ...(this.onError ? { onError: this.onError } : {}),
    });
  }

  /**
   * Close the current window now and publish its figures (the timer does this every
   * `windowMs`). Returns the window's snapshot.
   *
   * @throws PerformanceMonitorError when the publisher is not running.
   */
  closeWindow(): PerformanceSnapshot {
    if (!this.sampler || !this.window) {
      throw new PerformanceMonitorError(
        'RuntimeMetricsPublisher is not running: call start() before closeWindow()',
      );
    }
    const s = this.sampler.sample();
    const w = this.window;
    w.cpuPercent.set(s.cpuPercent);
    w.cpuUser.inc(s.cpuUserMs / 1000);
    w.cpuSystem.inc(s.cpuSystemMs / 1000);
    w.delayP50?.set(s.eventLoopDelayP50Ms / 1000);
    w.delayP99?.set(s.eventLoopDelayP99Ms / 1000);
    w.delayMax?.set(s.eventLoopDelayMaxMs / 1000);
    w.utilization?.set(s.eventLoopUtilization);
    return s;
  }

  private closeWindowSafely(): void {
    try {
      this.closeWindow();
    } catch (error) {
      reportFault(
        {
          code: 'RUNTIME_METRICS_FAILED',
          component: 'profiling.runtimeMetricsPublisher',
          message: 'Publishing runtime metrics failed; retrying each window.',
          error,
        },
        this.onError,
      );
    }
  }

  private createInstruments(): void {
    if (this.window) return;
    const c = this.config;
    const name = (n: string): string => c.prefix + n;
    const col = this.collector;
    const memory = (metric: string, help: string, read: (m: NodeJS.MemoryUsage) => number) =>
      col.createGauge(name(metric), help, {
        unit: 'bytes',
        collect: (g: GaugeSetter) => g.set(read(process.memoryUsage())),
      });
    memory('memory_rss_bytes', 'Resident set size of the process', (m) => m.rss);
    memory('heap_used_bytes', 'V8 heap in use', (m) => m.heapUsed);
    memory('heap_total_bytes', 'V8 heap reserved', (m) => m.heapTotal);
    memory('external_memory_bytes', 'Memory of C++ objects bound to JS objects', (m) => m.external);
    if (c.trackActiveHandles) {
      col.createGauge(name('active_handles'), 'Active handles and requests, per type', {
        labelNames: ['type'],
        collect: (g: GaugeSetter) => this.publishHandles(g),
      });
    }
    const windowGauge = (metric: string, help: string, unit?: string): GaugeProtocol =>
      col.createGauge(name(metric), `${help} (last ${c.windowMs} ms window)`, unit ? { unit } : {});
    const loop = c.trackEventLoop;
    this.window = {
      cpuPercent: windowGauge('cpu_percent', 'CPU used by the process, percent of one core'),
      cpuUser: col.createCounter(name('cpu_user_seconds_total'), 'User-mode CPU time', {
        unit: 'seconds',
      }),
      cpuSystem: col.createCounter(name('cpu_system_seconds_total'), 'Kernel-mode CPU time', {
        unit: 'seconds',
      }),
      delayP50: loop
        ? windowGauge('eventloop_delay_p50_seconds', 'Event-loop delay, median', 'seconds')
        : undefined,
      delayP99: loop
        ? windowGauge('eventloop_delay_p99_seconds', 'Event-loop delay, 99th percentile', 'seconds')
        : undefined,
      delayMax: loop
        ? windowGauge('eventloop_delay_max_seconds', 'Event-loop delay, longest', 'seconds')
        : undefined,
      utilization: loop
        ? windowGauge('eventloop_utilization_ratio', 'Share of time the event loop was busy')
        : undefined,
    };
    if (c.trackGc) {
      const histogram = col.createHistogram(name('gc_duration_seconds'), 'GC pauses', {
        unit: 'seconds',
        labelNames: ['kind'],
        buckets: c.gcDurationBuckets,
      });
      // Bound per kind up front, so observing a pause allocates nothing.
      this.gcByKind = new Map(
        Object.values(GcKind).map((kind) => [kind, histogram.labels({ kind })] as const),
      );
    }
  }

  private publishHandles(g: GaugeSetter): void {
    const counts = countActiveResourcesByType();
    if (!counts) return;
    const max = this.config.maxHandleTypes;
    let other = 0;
    for (const [type, n] of counts) {
      if (this.seenHandleTypes.has(type) || this.seenHandleTypes.size < max - 1) {
        this.seenHandleTypes.add(type);
        g.set(n, { type });
      } else other += n;
    }
    // Types seen before and gone now read 0 rather than keeping their last count.
    for (const type of this.seenHandleTypes) if (!counts.has(type)) g.set(0, { type });
    if (other > 0 || this.seenHandleTypes.size >= max - 1) g.set(other, { type: 'other' });
  }
}
