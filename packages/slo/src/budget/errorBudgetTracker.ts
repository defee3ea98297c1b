import { InvalidSampleError } from '@lexigram/monitor-core';
import { systemClock, type Clock } from '../internal/clock.js';
import { BurnRateAlert, type ErrorBudget, type WindowBurn } from './burnRateAlert.js';
import { budgetExhausted, burnRateAtLeast, burnRateOf } from './exactRatio.js';
import { RatioSLO, type RatioSLOOptions } from './ratioSlo.js';
import { TwoTierEventCounter, type EventCounterTiers } from './twoTierEventCounter.js';

/** Options of {@link ErrorBudgetTracker}. */
export interface ErrorBudgetTrackerOptions {
  /** Time source; default `Date.now`. */
  clock?: Clock;
  /** Slot layout of the event counter. */
  tiers?: Partial<EventCounterTiers>;
}

/** Default window of {@link ErrorBudgetTracker.burnRate}: one hour. */
export const DEFAULT_BURN_RATE_WINDOW_MS = 3_600_000;

/**
 * Counts good and total events of one {@link RatioSLO} exactly, and answers at any time: the
 * error budget left, the burn rate over any window, and which burn-rate rules fire. Record
 * methods are the hot path: two slot updates, no allocation, no I/O.
 *
 * @example
 * ```ts
 * const checkout = monitor.register({ name: 'checkout', objective: 0.999 });
 * res.statusCode < 500 ? checkout.recordGood() : checkout.recordBad();
 * checkout.errorBudget().remainingRatio; // 0.93
 * ```
 */
export class ErrorBudgetTracker {
  readonly slo: RatioSLO;
  private readonly clock: Clock;
  private readonly counter: TwoTierEventCounter;
  private readonly latencyThresholdMs: number;

  constructor(slo: RatioSLO | RatioSLOOptions, options: ErrorBudgetTrackerOptions = {}) {
    this.slo = slo instanceof RatioSLO ? slo : new RatioSLO(slo);
    this.clock = options.clock ?? systemClock;
    const longest = Math.max(
      this.slo.periodMs,
      ...this.slo.burnRateRules.map((r) => r.longWindowMs),
    );
    this.counter = new TwoTierEventCounter(longest, options.tiers);
    this.latencyThresholdMs = this.slo.thresholdMs ?? Number.NaN;
  }

  /** Count `count` good events (default 1). */
  recordGood(count = 1): void {
    checkCount('recordGood', count);
    this.counter.add(this.clock(), count, count);
  }

  /** Count `count` bad events (default 1). */
  recordBad(count = 1): void {
    checkCount('recordBad', count);
    this.counter.add(this.clock(), 0, count);
  }

  /** Count one event, good or bad. */
  record(good: boolean): void {
    this.counter.add(this.clock(), good ? 1 : 0, 1);
  }

  /** Count `good` good events out of `total` (e.g. from a batch). */
  recordEvents(good: number, total: number): void {
    checkCount('recordEvents', good);
    checkCount('recordEvents', total);
    if (good > total) {
      throw new InvalidSampleError(
        `recordEvents(${good}, ${total}): good events cannot outnumber the total`,
      );
    }
    this.counter.add(this.clock(), good, total);
  }

  /**
   * Count one event of a latency SLO: good when `valueMs` is at most the SLO's `thresholdMs`.
   * Throws on an availability SLO, which has no threshold.
   */
  recordLatency(valueMs: number): void {
    if (!(valueMs >= 0)) {
      throw new InvalidSampleError(
        `recordLatency(${String(valueMs)}): a latency must be a number of milliseconds >= 0`,
      );
    }
    if (this.slo.kind !== 'latency') {
      throw new InvalidSampleError(
        `recordLatency() on SLO ${JSON.stringify(this.slo.name)}: it is an availability SLO; give it a thresholdMs or use recordGood() / recordBad()`,
      );
    }
    this.counter.add(this.clock(), valueMs <= this.latencyThresholdMs ? 1 : 0, 1);
  }

  /** Good, bad and total events over the last `windowMs`, with their burn rate. */
  window(windowMs: number): WindowBurn {
    const counts = this.counter.window(this.clock(), windowMs);
    return { ...counts, burnRate: burnRateOf(counts.bad, counts.total, this.slo.errorBudgetPpm) };
  }

  /** Burn rate over the last `windowMs` (default 1 h): 1 spends the budget exactly by period end. */
  burnRate(windowMs = DEFAULT_BURN_RATE_WINDOW_MS): number {
    return this.window(windowMs).burnRate;
  }

  /** The error budget over the SLO period, now. */
  errorBudget(): ErrorBudget {
    const { good, total, bad } = this.counter.window(this.clock(), this.slo.periodMs);
    const budgetPpm = this.slo.errorBudgetPpm;
    const allowedBad = (total * budgetPpm) / 1_000_000;
    const burnRate = burnRateOf(bad, total, budgetPpm);
    return {
      periodMs: this.slo.periodMs,
      good,
      total,
      bad,
      allowedBad,
      remainingRatio: 1 - burnRate,
      consumedRatio: burnRate,
      exhausted: budgetExhausted(bad, total, budgetPpm),
      burnRate,
    };
  }

  /** The rules firing now: both windows of each at or above its burn rate (exact comparison). */
  firingRules(): BurnRateAlert[] {
    const now = this.clock();
    const budgetPpm = this.slo.errorBudgetPpm;
    const alerts: BurnRateAlert[] = [];
    let budget: ErrorBudget | undefined;
    for (const rule of this.slo.burnRateRules) {
      const long = this.counter.window(now, rule.longWindowMs);
      if (!burnRateAtLeast(long.bad, long.total, budgetPpm, rule.burnRateMilli)) continue;
      const short = this.counter.window(now, rule.shortWindowMs);
      if (!burnRateAtLeast(short.bad, short.total, budgetPpm, rule.burnRateMilli)) continue;
      budget ??= this.errorBudget();
      alerts.push(
        new BurnRateAlert({
          slo: this.slo,
          rule,
          long: { ...long, burnRate: burnRateOf(long.bad, long.total, budgetPpm) },
          short: { ...short, burnRate: burnRateOf(short.bad, short.total, budgetPpm) },
          errorBudget: budget,
          detectedAt: new Date(now),
        }),
      );
    }
    return alerts;
  }

  /** Slots the counter holds (24 bytes each); fixed at construction. */
  get slotCount(): number {
    return this.counter.slotCount;
  }

  /** Forget every event. */
  reset(): void {
    this.counter.clear();
  }
}

function checkCount(method: string, count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new InvalidSampleError(
      `${method}(${String(count)}): event counts must be whole numbers >= 0`,
    );
  }
}
