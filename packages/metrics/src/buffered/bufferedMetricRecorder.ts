import {
  InvalidMetricError,
  type Labels,
  type MetricType,
  type MonitorFaultHandler,
} from '@lexigram/monitor-core';
import {
  BackgroundLoop,
  FieldChecker,
  runWithDeadline,
  type Scheduler,
} from '@lexigram/monitor-core/internal';
import { faultSink, metricsFault, type FaultOptions } from '../logging/metricsFaults.js';
import type { MutableEntry } from './bufferedMetricEntry.js';
import { EntryQueue } from './entryQueue.js';
import { metricSink, type BufferedMetricBackend } from './metricSink.js';
import { describeValue, quoteName } from '@lexigram/monitor-core/internal';

/** Options of {@link BufferedMetricRecorder}. */
export interface BufferedMetricRecorderOptions extends FaultOptions {
  /** Interval of the periodic flush. Default 5000. */
  flushIntervalMs?: number;
  /** Entries that trigger an immediate (scheduled, not inline) flush. Default 1000. */
  maxBufferSize?: number;
  /** Failed deliveries an entry survives before it is dropped. Default 3. */
  maxRetries?: number;
  /** Most entries held while the backend fails; past it the oldest are dropped. Default 10 × maxBufferSize. */
  maxPendingEntries?: number;
  /** Type given to untyped entries when the backend is a `recordMetric` backend. Default `gauge`. */
  defaultType?: MetricType;
  /** Timer source of the periodic flush (tests pass a fake). Default: unref'd Node timers. */
  scheduler?: Scheduler;
}

/**
 * Buffers recordings and delivers them to a backend in batches: every `flushIntervalMs`, soon
 * after `maxBufferSize` entries, and on `stop()`. When the backend throws, the entry is kept and
 * retried on the next flush, up to `maxRetries` times; while the backend stays down at most
 * `maxPendingEntries` are held and the oldest are dropped. Drops are counted in `dropped`. The
 * timer never keeps the process alive, and nothing here throws into the application.
 *
 * @example
 * ```ts
 * const recorder = new BufferedMetricRecorder(collector, { flushIntervalMs: 2000 });
 * recorder.start();
 * recorder.record('request_count', 1, { method: 'GET' }, 'counter');
 * recorder.stop(); // flushes what is left
 * ```
 */
export class BufferedMetricRecorder {
  private readonly queue: EntryQueue<MutableEntry>;
  private readonly deliver: (entry: MutableEntry) => void;
  private readonly flushIntervalMs: number;
  private readonly maxBufferSize: number;
  private readonly maxRetries: number;
  private readonly onError: MonitorFaultHandler | undefined;
  private readonly loop: BackgroundLoop;
  private scheduled: NodeJS.Immediate | undefined;
  private droppedCount = 0;
  private flushedCount = 0;

  constructor(backend: BufferedMetricBackend, options: BufferedMetricRecorderOptions = {}) {
    if (typeof backend !== 'object' || backend === null) {
      throw new InvalidMetricError(
        'BufferedMetricRecorder needs a backend: a metrics collector, a metrics backend, or an object of metrics by name.',
      );
    }
    const check = new FieldChecker('BufferedMetricRecorder options');
    this.flushIntervalMs = check.durationMs('flushIntervalMs', options.flushIntervalMs, {
      fallback: 5000,
    });
    this.maxBufferSize = options.maxBufferSize ?? 1000;
    check.integerAtLeast('maxBufferSize', this.maxBufferSize, 1);
    this.maxRetries = options.maxRetries ?? 3;
    check.integerAtLeast('maxRetries', this.maxRetries, 1);
    const capacity = options.maxPendingEntries ?? this.maxBufferSize * 10;
    check.integerAtLeast('maxPendingEntries', capacity, 1);
    check.throwIfInvalid();
    this.queue = new EntryQueue(capacity);
    this.deliver = metricSink(backend, options.defaultType ?? 'gauge');
    this.onError = faultSink(options);
    this.loop = new BackgroundLoop({
      run: () => this.flush(),
      // flush() never throws; this only guards the loop itself.
      onError: () => undefined,
      component: 'metrics.bufferedMetricRecorder',
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    });
  }

  /** Entries waiting to be delivered. */
  get pending(): number {
    return this.queue.size;
  }

  /** Entries dropped so far: evicted while the backend was down, or out of retries. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Entries delivered so far. */
  get flushed(): number {
    return this.flushedCount;
  }

  /** True while the periodic flush runs. */
  get running(): boolean {
    return this.loop.started;
  }

  /** Start the periodic flush (idempotent). */
  start(): void {
    if (this.loop.started) return;
    this.loop.start(this.flushIntervalMs, 'flushIntervalMs');
  }

  /**
   * Buffer one recording. `type` routes it on a collector (`increment` / `setGauge` /
   * `recordHistogram`); without it the backend's metric `name` records it.
   */
  record(name: string, value: number, labels?: Labels, type?: MetricType): void {
    if (typeof name !== 'string' || name === '' || typeof value !== 'number') {
      throw new InvalidMetricError(
        `BufferedMetricRecorder.record needs a metric name and a number, got ${quoteName(name)} and ${describeValue(value)}.`,
      );
    }
    const entry: MutableEntry = {
      name,
      value,
      labels,
      type,
      monotonicMs: performance.now(),
      attempts: 0,
    };
    this.droppedCount += this.queue.push(entry);
    if (this.queue.size >= this.maxBufferSize) this.scheduleFlush();
  }

  /**
   * Deliver every buffered entry now; returns how many were delivered. Entries the backend
   * rejects stay for the next flush (until they run out of retries). Never throws.
   */
  flush(): number {
    if (this.scheduled !== undefined) {
      clearImmediate(this.scheduled);
      this.scheduled = undefined;
    }
    const batch = this.queue.drain();
    if (batch.length === 0) return 0;
    const retry: MutableEntry[] = [];
    let delivered = 0;
    let failures = 0;
    let outOfRetries = 0;
    let firstError: unknown;
    for (const entry of batch) {
      try {
        this.deliver(entry);
        delivered++;
      } catch (error) {
        failures++;
        firstError ??= error;
        entry.attempts++;
        if (entry.attempts > this.maxRetries) outOfRetries++;
        else retry.push(entry);
      }
    }
    const evicted = this.queue.prepend(retry);
    this.droppedCount += outOfRetries + evicted;
    this.flushedCount += delivered;
    if (failures > 0) {
      metricsFault(
        this.onError,
        'bufferedMetricRecorder',
        'FLUSH_FAILED',
        `BufferedMetricRecorder: the backend rejected ${failures} of ${batch.length} entries; they are retried on the next flush (up to ${this.maxRetries} times). Check the backend and the metric names.`,
        { failed: failures, dropped: outOfRetries + evicted, pending: this.queue.size },
        firstError,
      );
    }
    return delivered;
  }

  /** Stop the periodic flush and deliver everything buffered; returns how many were delivered. */
  stop(): number {
    void this.loop.stop();
    return this.flush();
  }

  /**
   * The lifecycle every component shares: stop the periodic flush and deliver everything
   * buffered (delivery is synchronous, so this never waits on a timer). Never rejects.
   */
  shutdown(): Promise<void> {
    return runWithDeadline(() => void this.stop(), {
      component: 'metrics.bufferedMetricRecorder',
      ...(this.onError ? { onError: this.onError } : {}),
    });
  }

  private scheduleFlush(): void {
    if (this.scheduled !== undefined) return;
    // Flush on the next turn, not inside record(): the hot path never does the delivery work.
    this.scheduled = setImmediate(() => {
      this.scheduled = undefined;
      this.flush();
    });
    this.scheduled.unref();
  }
}
