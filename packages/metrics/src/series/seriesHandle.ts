/**
 * A bound handle an instrument hands out for one series. The store keeps at most one per series
 * and detaches it when the series is removed, before the series' slot can be reused.
 */
export interface SeriesHandle {
  /**
   * @internal The series was removed: move its state somewhere of its own, so the handle keeps
   * working without reaching the instrument's slots (nor any series that later takes the slot).
   */
  detach(): void;
  /** @internal The instrument's columns were reallocated (grown): re-read them. */
  refresh(): void;
}
