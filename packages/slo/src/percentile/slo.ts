import { FieldChecker } from '@lexigram/monitor-core/internal';
import { formatDurationMs, percentileLabel } from '../internal/format.js';

/** Default measurement window of an {@link SLO}: one hour. */
export const DEFAULT_SLO_WINDOW_MS = 3_600_000;

/** What defines an {@link SLO}. */
export interface SLOOptions {
  /** Unique name, e.g. `api.p99_latency`. */
  readonly name: string;
  /** Metric whose samples are evaluated, e.g. `http.request.duration`. */
  readonly metric: string;
  /** Target percentile as a fraction strictly between 0 and 1, e.g. 0.99 for p99. */
  readonly percentile: number;
  /** Largest acceptable value of that percentile, in milliseconds (> 0). */
  readonly thresholdMs: number;
  /** Rolling window the percentile is measured over; default one hour. */
  readonly windowMs?: number;
  /**
   * Violation when measured / threshold reaches this ratio; default 1 (the moment the threshold
   * is reached). 1.5 tolerates 50 % over the threshold before alerting.
   */
  readonly burnRateThreshold?: number;
  /** Human-readable description. */
  readonly description?: string;
}

/**
 * A percentile service level objective: "the p99 of `http.request.duration` over the last hour
 * stays under 200 ms". Immutable; invalid fields are rejected at construction with a
 * `MonitorConfigError` that names each of them.
 *
 * @example
 * ```ts
 * const slo = new SLO({ name: 'api.p99', metric: 'http.request.duration', percentile: 0.99, thresholdMs: 200 });
 * ```
 */
export class SLO {
  readonly name: string;
  readonly metric: string;
  readonly percentile: number;
  readonly thresholdMs: number;
  readonly windowMs: number;
  readonly burnRateThreshold: number;
  readonly description: string;

  constructor(options: SLOOptions) {
    const check = new FieldChecker(`SLO ${JSON.stringify(options?.name ?? '')}`);
    if (typeof options !== 'object' || options === null) {
      check.add('(root)', 'SLO options must be an object');
      check.throwIfInvalid();
    }
    const windowMs = options.windowMs ?? DEFAULT_SLO_WINDOW_MS;
    const burnRateThreshold = options.burnRateThreshold ?? 1;
    check.nonEmptyString('name', options.name);
    check.nonEmptyString('metric', options.metric);
    check.openFraction('percentile', options.percentile, '0.99 for p99');
    check.positive('thresholdMs', options.thresholdMs);
    check.positive('windowMs', windowMs);
    check.positive('burnRateThreshold', burnRateThreshold);
    if (options.description !== undefined && typeof options.description !== 'string') {
      check.add('description', 'must be a string when given');
    }
    check.throwIfInvalid();

    this.name = options.name;
    this.metric = options.metric;
    this.percentile = options.percentile;
    this.thresholdMs = options.thresholdMs;
    this.windowMs = windowMs;
    this.burnRateThreshold = burnRateThreshold;
    this.description = options.description ?? '';
    Object.freeze(this);
  }

  /** `api.p99: p99 of http.request.duration < 200 ms over 1h`. */
  toString(): string {
    return `${this.name}: ${percentileLabel(this.percentile)} of ${this.metric} < ${this.thresholdMs} ms over ${formatDurationMs(this.windowMs)}`;
  }
}
