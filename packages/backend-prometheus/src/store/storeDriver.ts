import type { MetricRow } from './metricRow.js';

/** A point read back by `queryRange`. */
export interface StoredPoint {
  readonly timeMs: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** What a metric store needs from a database. */
export interface StoreDriver {
  /** Create the table and index when missing. */
  ensureSchema(): Promise<void>;
  /** Insert `rows` in one transaction: all or none. */
  insert(rows: readonly MetricRow[]): Promise<void>;
  /** Delete rows older than `beforeMs`; the number deleted. */
  deleteOlderThan(beforeMs: number): Promise<number>;
  /** Rows of sample `name` with `fromMs <= time <= toMs`, oldest first. */
  select(name: string, fromMs: number, toMs: number): Promise<MetricRow[]>;
  /** Release the connection (and persist, for a file). */
  close(): Promise<void>;
}
