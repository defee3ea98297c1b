import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { MetricRow } from './metricRow.js';
import { loadOptionalPeer, type ModuleImporter } from './loadOptionalPeer.js';
import type { StoreDriver } from './storeDriver.js';

interface SqlJsStatement {
  run(params?: unknown[]): void;
  bind(params?: unknown[]): boolean;
  step(): boolean;
  get(): unknown[];
  free(): void;
}
interface SqlJsDatabase {
  run(sql: string, params?: unknown[]): void;
  prepare(sql: string): SqlJsStatement;
  getRowsModified(): number;
  export(): Uint8Array;
  close(): void;
}
type InitSqlJs = () => Promise<{ Database: new (data?: Uint8Array) => SqlJsDatabase }>;

/**
 * The embedded store: SQLite compiled to WebAssembly (`sql.js`, no native build), kept in
 * memory and written to `file` after every change (to a temporary file, then renamed, so a
 * crash never leaves half a file).
 */
export class SqlJsDriver implements StoreDriver {
  private constructor(
    private readonly db: SqlJsDatabase,
    private readonly file: string,
    private readonly table: string,
  ) {}

  /** Open (or create) the database file; loads `sql.js` on first use. */
  static async open(file: string, table: string, importer?: ModuleImporter): Promise<SqlJsDriver> {
    const init = await loadOptionalPeer<InitSqlJs>('sql.js', 'sqlite', importer);
    const SQL = await init();
    const db = new SQL.Database(existsSync(file) ? readFileSync(file) : undefined);
    return new SqlJsDriver(db, file, table);
  }

  async ensureSchema(): Promise<void> {
    this.db.run(
      `CREATE TABLE IF NOT EXISTS ${this.table} (time_ms INTEGER NOT NULL, name TEXT NOT NULL, labels TEXT NOT NULL, value REAL)`,
    );
    this.db.run(
      `CREATE INDEX IF NOT EXISTS ${this.table}_name_time ON ${this.table} (name, time_ms)`,
    );
    this.persist();
  }

  async insert(rows: readonly MetricRow[]): Promise<void> {
    const stmt = this.db.prepare(
      `INSERT INTO ${this.table} (time_ms, name, labels, value) VALUES (?, ?, ?, ?)`,
    );
    this.db.run('BEGIN');
    try {
      for (const r of rows) stmt.run([r.timeMs, r.name, r.labels, encode(r.value)]);
      this.db.run('COMMIT');
    } catch (error) {
      this.db.run('ROLLBACK');
      throw error;
    } finally {
      stmt.free();
    }
    this.persist();
  }

  async deleteOlderThan(beforeMs: number): Promise<number> {
    this.db.run(`DELETE FROM ${this.table} WHERE time_ms < ?`, [beforeMs]);
    const deleted = this.db.getRowsModified();
    if (deleted > 0) this.persist();
    return deleted;
  }

  async select(name: string, fromMs: number, toMs: number): Promise<MetricRow[]> {
    const stmt = this.db.prepare(
      `SELECT time_ms, labels, value FROM ${this.table} WHERE name = ? AND time_ms >= ? AND time_ms <= ? ORDER BY time_ms`,
    );
    const rows: MetricRow[] = [];
    try {
      stmt.bind([name, fromMs, toMs]);
      while (stmt.step()) {
        const [timeMs, labels, value] = stmt.get() as [number, string, number | string | null];
        rows.push({ timeMs, name, labels, value: decode(value) });
      }
    } finally {
      stmt.free();
    }
    return rows;
  }

  async close(): Promise<void> {
    this.persist();
    this.db.close();
  }

  private persist(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, this.db.export());
    renameSync(tmp, this.file);
  }
}

// SQLite stores NaN as NULL; ±Infinity survive as REAL.
function encode(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

function decode(value: number | string | null): number {
  return value === null ? NaN : Number(value);
}
