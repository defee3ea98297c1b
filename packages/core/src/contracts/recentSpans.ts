import type { ReadableSpanData } from '../model/spanData.js';

/**
 * Reads the latest finished spans a tracer keeps in its bounded in-memory store, for live views
 * such as the dashboard. Implementations copy nothing on the hot path: the store is the one the
 * tracer already keeps, and reading it is what costs.
 */
export interface RecentSpansProtocol {
  /**
   * Finished spans, newest first, at most `limit` (default: all kept). Never throws; an empty
   * list when the tracer keeps no spans.
   */
  getRecentSpans(limit?: number): readonly ReadableSpanData[];
}
