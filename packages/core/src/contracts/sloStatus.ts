/** Burn rate of one SLO over one window. */
export interface SloWindowBurnData {
  /** Window length. */
  readonly windowMs: number;
  /** 1 spends the budget exactly by the end of the period; above 1 spends it sooner. */
  readonly burnRate: number;
}

/** Where one SLO stands now. */
export interface SloStatusData {
  readonly name: string;
  /** `availability` or `latency` (free text for other kinds). */
  readonly kind: string;
  /** Target ratio of good events, 0..1 (for example 0.999). */
  readonly objective: number;
  /** Period the error budget covers. */
  readonly periodMs: number;
  readonly good: number;
  readonly bad: number;
  readonly total: number;
  /** Share of the error budget left: 1 untouched, 0 used up, below 0 overspent. */
  readonly budgetRemainingRatio: number;
  /** True once the bad events reach the allowance. */
  readonly exhausted: boolean;
  /** Burn rate over each window of the SLO's burn-rate rules, shortest first. */
  readonly burnRates: readonly SloWindowBurnData[];
  /** Names of the burn-rate rules firing now. */
  readonly firing: readonly string[];
}

/** Reads the status of every registered SLO (what a status page or dashboard shows). */
export interface SloStatusProtocol {
  /** One entry per SLO, in registration order. Never throws. */
  getSloStatus(): readonly SloStatusData[];
}
