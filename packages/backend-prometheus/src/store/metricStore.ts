import type { MonitorFaultHandler } from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import type { MetricFamilySource } from '../exposition/prometheusExposition.js';
import { familiesToRows, type MetricRow } from './metricRow.js';
import type { ModuleImporter } from './loadOptionalPeer.js';
import { PostgresDriver } from './postgresDriver.js';
import { SqlJsDriver } from './sqlJsDriver.js';
import type { StoreDriver, StoredPoint } from './storeDriver.js';

/** Options of {@link MetricStore}. */
export interface MetricStoreOptions {
  /** What is snapshotted every interval. */
  source: MetricFamilySource;
  /** Table name, a plain SQL identifier (default `metrics`). */
  table?: string;
  /** PostgreSQL URL; when unset the store is the SQLite file `dbFile`. */
  databaseUrl?: string;
  /** SQLite file (default `lexigram-metrics.sqlite`). */
  dbFile?: string;
  /** Snapshot interval; 0 disables the timer (call `collectNow()`) (default 60000). */
  intervalMs?: number;
  /** Rows older than this are deleted after each write (default 7 days). */
  retentionMs?: number;
  /** Rows held while the database is unreachable; past it the oldest are dropped (default 100000). */
  maxBufferedRows?: number;
  /** Time budget of one database call (PostgreSQL), and of `stop()`'s final write (default 5000). */
  timeoutMs?: number;
  /** Clock (ms since epoch); default `Date.now`. */
  clock?: () => number;
  /** Receives faults: database down, rows dropped. */
  onError?: MonitorFaultHandler;
  /** Loads the optional drivers (`sql.js`, `pg`); replaced in tests. */
  importer?: ModuleImporter;
}

/** A `queryRange` question: one sample name, labels to match (a subset), a time range. */
export interface RangeQuery {
  /** Sample name as Prometheus shows it, e.g. `orders_created_total`, `lat_seconds_bucket`. */
  readonly name: string;
  /** Only points whose labels include these. */
  readonly labels?: Readonly<Record<string, string>>;
  /** From this time (ms since epoch, inclusive); default 0. */
  readonly from?: number;
  /** To this time (inclusive); default now. */
  readonly to?: number;
}

const COMPONENT = 'backend-prometheus.metricStore';

/**
 * Persists metric snapshots to a database: every `intervalMs` each sample of the source becomes
 * a row (time, name, labels, value) written in one transaction, to an embedded SQLite file
 * (`sql.js`) or to PostgreSQL (`pg`) when `databaseUrl` is set. The schema is created on start,
 * rows past `retentionMs` are deleted, `queryRange` reads points back. While the database is
 * down rows wait in a bounded buffer; what overflows is counted in `droppedRows`, never thrown.
 *
 * @example
 * ```ts
 * const store = new MetricStore({ source: collector, dbFile: 'metrics.sqlite' });
 * await store.start();
 * const points = await store.queryRange({ name: 'orders_created_total', from: Date.now() - 3_600_000 });
 * ```
 */
export class MetricStore {
  private driver: StoreDriver | undefined;
  private schemaReady = false;
  private buffer: MetricRow[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private readonly clock: () => number;
  private readonly maxBuffered: number;

  constructor(private readonly options: MetricStoreOptions) {
    this.clock = options.clock ?? Date.now;
    this.maxBuffered = options.maxBufferedRows ?? 100_000;
  }

  /** Rows dropped because the buffer was full while the database was unreachable. */
  get droppedRows(): number {
    return this.dropped;
  }

  /** Rows waiting to be written. */
  get bufferedRows(): number {
    return this.buffer.length;
  }

  /**
   * Load the driver, create the schema (a database that is down now is retried on each write)
   * and start the timer.
   *
   * @throws BackendNotAvailableError when the driver package (`sql.js` or `pg`) is missing.
   */
  async start(): Promise<void> {
    if (this.driver) return;
    const o = this.options;
    const table = o.table ?? 'metrics';
    this.driver = o.databaseUrl
      ? await PostgresDriver.open(o.databaseUrl, table, {
          timeoutMs: o.timeoutMs,
          importer: o.importer,
          onPoolError: (error) => this.fault('METRIC_STORE_CONNECTION_LOST', String(error), error),
        })
      : await SqlJsDriver.open(o.dbFile ?? 'lexigram-metrics.sqlite', table, o.importer);
    await this.prepare();
    const interval = o.intervalMs ?? 60_000;
    if (interval > 0) {
      this.timer = setInterval(() => void this.collectNow(), interval);
      this.timer.unref();
    }
  }

  /** Snapshot the source now and write it (with anything buffered). Never rejects. */
  async collectNow(): Promise<void> {
    try {
      const families = await this.options.source.collect();
      this.enqueue(familiesToRows(families, this.clock()));
    } catch (error) {
      this.fault(
        'METRIC_STORE_COLLECT_FAILED',
        `Collecting for the store failed: ${String(error)}`,
        error,
      );
    }
    await this.flush();
  }

  /** Write what is buffered; on failure it stays buffered (bounded). Never rejects. */
  flush(): Promise<void> {
    this.writing ??= this.write().finally(() => {
      this.writing = undefined;
    });
    return this.writing;
  }

  /** Points of one sample name in a time range, oldest first, filtered by labels. */
  async queryRange(query: RangeQuery): Promise<StoredPoint[]> {
    if (!this.driver) throw new Error('MetricStore.queryRange: call start() first');
    const rows = await this.driver.select(query.name, query.from ?? 0, query.to ?? this.clock());
    const want = query.labels ? Object.entries(query.labels) : [];
    const out: StoredPoint[] = [];
    for (const row of rows) {
      const labels = JSON.parse(row.labels) as Record<string, string>;
      if (want.every(([k, v]) => labels[k] === v)) {
        out.push({ timeMs: row.timeMs, labels, value: row.value });
      }
    }
    return out;
  }

  /** Stop the timer, take and write a last snapshot within `timeoutMs`, close the database. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const driver = this.driver;
    if (!driver) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.collectNow(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.options.timeoutMs ?? 5000);
      }),
    ]);
    clearTimeout(timer);
    this.driver = undefined;
    if (this.buffer.length > 0) {
      this.fault(
        'METRIC_STORE_ROWS_LOST',
        `${this.buffer.length} rows could not be written before shutdown and are lost.`,
      );
    }
    await driver
      .close()
      .catch((error: unknown) => this.fault('METRIC_STORE_CLOSE_FAILED', String(error), error));
  }

  private enqueue(rows: MetricRow[]): void {
    for (const row of rows) this.buffer.push(row);
    const excess = this.buffer.length - this.maxBuffered;
    if (excess > 0) {
      this.buffer.splice(0, excess);
      this.dropped += excess;
      this.fault(
        'METRIC_STORE_BUFFER_FULL',
        `The metric store buffer is full (${this.maxBuffered} rows) while the database is unreachable; the ${excess} oldest rows were dropped.`,
      );
    }
  }

  private async prepare(): Promise<boolean> {
    if (this.schemaReady) return true;
    try {
      await this.driver!.ensureSchema();
      this.schemaReady = true;
    } catch (error) {
      this.fault(
        'METRIC_STORE_UNAVAILABLE',
        `Could not create the metrics table: ${String(error)}`,
        error,
      );
    }
    return this.schemaReady;
  }

  private async write(): Promise<void> {
    const driver = this.driver;
    if (!driver || this.buffer.length === 0 || !(await this.prepare())) return;
    const rows = this.buffer;
    this.buffer = [];
    try {
      await driver.insert(rows);
    } catch (error) {
      // Put them back in front of anything enqueued meanwhile, still within the bound.
      this.buffer = rows.concat(this.buffer);
      this.enqueue([]);
      this.fault(
        'METRIC_STORE_UNAVAILABLE',
        `Writing ${rows.length} rows failed; they stay buffered: ${String(error)}`,
        error,
      );
      return;
    }
    const retention = this.options.retentionMs ?? 604_800_000;
    try {
      await driver.deleteOlderThan(this.clock() - retention);
    } catch (error) {
      this.fault(
        'METRIC_STORE_RETENTION_FAILED',
        `Deleting old rows failed: ${String(error)}`,
        error,
      );
    }
  }

  private fault(code: string, message: string, error?: unknown): void {
    reportFault({ code, component: COMPONENT, message, error }, this.options.onError);
  }
}
