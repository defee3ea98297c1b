import type { MetricRow } from './metricRow.js';
import { loadOptionalPeer, type ModuleImporter } from './loadOptionalPeer.js';
import type { StoreDriver } from './storeDriver.js';

interface PgClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
  release(): void;
}
interface PgPool {
  connect(): Promise<PgClient>;
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
  on(event: 'error', listener: (error: Error) => void): void;
  on(
    event: 'connect',
    listener: (client: { on(e: 'error', l: (error: Error) => void): void }) => void,
  ): void;
  end(): Promise<void>;
}
type PgModule = { Pool: new (config: Record<string, unknown>) => PgPool };

/** Rows per INSERT statement (4 parameters each, well under PostgreSQL's 65535). */
const ROWS_PER_STATEMENT = 1000;

/** The server store: PostgreSQL through `pg`'s connection pool. */
export class PostgresDriver implements StoreDriver {
  private constructor(
    private readonly pool: PgPool,
    private readonly table: string,
  ) {}

  /**
   * A pool for `databaseUrl`; loads `pg` on first use. Idle-connection errors (the server went
   * away) are handed to `onPoolError` instead of crashing the process.
   */
  static async open(
    databaseUrl: string,
    table: string,
    options: {
      timeoutMs?: number;
      onPoolError?: (error: Error) => void;
      importer?: ModuleImporter;
    },
  ): Promise<PostgresDriver> {
    const pg = await loadOptionalPeer<PgModule>('pg', 'postgres', options.importer);
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 2,
      connectionTimeoutMillis: options.timeoutMs ?? 5000,
      query_timeout: options.timeoutMs ?? 5000,
    });
    const onError = (error: Error): void => options.onPoolError?.(error);
    pool.on('error', onError);
    // A checked-out client whose server goes away emits 'error' itself; unhandled, that would
    // crash the process. The failing query rejects as well and is handled by the store.
    pool.on('connect', (client) => client.on('error', onError));
    return new PostgresDriver(pool, table);
  }

  async ensureSchema(): Promise<void> {
    await this.pool.query(
      `CREATE TABLE IF NOT EXISTS ${this.table} (time_ms BIGINT NOT NULL, name TEXT NOT NULL, labels TEXT NOT NULL, value DOUBLE PRECISION)`,
    );
    await this.pool.query(
      `CREATE INDEX IF NOT EXISTS ${this.table}_name_time ON ${this.table} (name, time_ms)`,
    );
  }

  async insert(rows: readonly MetricRow[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
        const params: unknown[] = [];
        const values = batch.map((r, i) => {
          params.push(r.timeMs, r.name, r.labels, r.value);
          const p = i * 4;
          return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4})`;
        });
        await client.query(
          `INSERT INTO ${this.table} (time_ms, name, labels, value) VALUES ${values.join(', ')}`,
          params,
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async deleteOlderThan(beforeMs: number): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE time_ms < $1`, [
      beforeMs,
    ]);
    return result.rowCount ?? 0;
  }

  async select(name: string, fromMs: number, toMs: number): Promise<MetricRow[]> {
    const result = await this.pool.query(
      `SELECT time_ms, labels, value FROM ${this.table} WHERE name = $1 AND time_ms >= $2 AND time_ms <= $3 ORDER BY time_ms`,
      [name, fromMs, toMs],
    );
    return (result.rows as { time_ms: string; labels: string; value: number | string }[]).map(
      (r) => ({ timeMs: Number(r.time_ms), name, labels: r.labels, value: Number(r.value) }),
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
