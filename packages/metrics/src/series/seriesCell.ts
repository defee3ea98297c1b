import type { Labels } from '@lexigram/monitor-core';

/** What every series of every instrument holds, as {@link SeriesStore} manages it. */
export interface SeriesCell {
  /** The series' own labels (constant labels not included), frozen. */
  readonly labels: Labels;
  /** @internal Own labels merged with the constant labels, built at first collect; frozen. */
  exportLabels: Labels | undefined;
  /** @internal Zero the series (the instrument's `reset()`). */
  reset(): void;
}
