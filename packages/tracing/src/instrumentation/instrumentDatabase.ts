import {
  SpanError,
  SpanKind,
  getObservability,
  type CounterProtocol,
  type HistogramProtocol,
  type MetricsCollectorProtocol,
  type TracerProtocol,
} from '@lexigram/monitor-core';
import { isPromiseLike } from '@lexigram/monitor-core/internal';

/** A database client with `execute` and, optionally, `executeQuery`. */
export interface DatabaseProvider {
  execute(...args: never[]): unknown;
  executeQuery?(...args: never[]): unknown;
}

/** Options of {@link instrumentDatabase}. */
export interface InstrumentDatabaseOptions {
  /** Tracer of the query spans. Default: `getObservability().tracer` at call time. */
  tracer?: TracerProtocol;
  /** Collector of the query metrics. Default: `getObservability().meter` at call time. */
  meter?: MetricsCollectorProtocol;
  /** `db.system.name`, e.g. `postgresql`. */
  system?: string;
  /** `db.namespace`: the database name. */
  namespace?: string;
  /** Longest `db.query.text` recorded; longer statements are cut. Default 1000. */
  maxStatementLength?: number;
}

/** Counter of queries, labeled `operation` and `status` (`ok` / `error`). */
export const DB_QUERIES_METRIC = 'db_queries_total';
/** Histogram of query durations in seconds, labeled `operation` and `status`. */
export const DB_QUERY_DURATION_METRIC = 'db_query_duration_seconds';

const INSTRUMENTED = Symbol.for('@lexigram/monitor-tracing/instrumentDatabase');
const METHODS = ['execute', 'executeQuery'] as const;

/**
 * Instrument a database client in place: each `execute` (and `executeQuery`, when present) call
 * runs in a CLIENT span with the statement (`db.query.text`), the operation (`db.operation.name`,
 * the statement's first word), and status `error` with the exception when the call throws or
 * rejects. Each call is also counted in `db_queries_total` and timed in
 * `db_query_duration_seconds` through the metrics collector. Calling it twice does nothing more.
 *
 * @example
 * ```ts
 * instrumentDatabase(db, { system: 'postgresql', namespace: 'shop' });
 * await db.execute('SELECT * FROM orders WHERE id = $1', [id]); // traced and counted
 * ```
 */
export function instrumentDatabase<P extends DatabaseProvider>(
  provider: P,
  options: InstrumentDatabaseOptions = {},
): P {
  if (provider === null || typeof provider !== 'object' || typeof provider.execute !== 'function') {
    throw new SpanError(
      'instrumentDatabase needs a database provider with an execute() method (and optionally executeQuery()).',
    );
  }
  const marked = provider as P & { [INSTRUMENTED]?: true };
  if (marked[INSTRUMENTED]) return provider;
  const metrics = new QueryMetrics(options.meter);
  for (const method of METHODS) {
    const original = (provider as Record<string, unknown>)[method];
    if (typeof original !== 'function') continue;
    (provider as Record<string, unknown>)[method] = wrapQuery(
      original as (...args: unknown[]) => unknown,
      method,
      options,
      metrics,
    );
  }
  Object.defineProperty(provider, INSTRUMENTED, { value: true });
  return provider;
}

function wrapQuery(
  original: (...args: unknown[]) => unknown,
  method: string,
  options: InstrumentDatabaseOptions,
  metrics: QueryMetrics,
): (...args: unknown[]) => unknown {
  const maxLength = options.maxStatementLength ?? 1000;
  return function (this: unknown, ...args: unknown[]): unknown {
    const statement = statementOf(args[0]);
    const operation = (statement && firstWord(statement)) || method;
    const attributes: Record<string, unknown> = {
      'db.operation.name': operation,
      'code.function.name': method,
    };
    if (statement) attributes['db.query.text'] = statement.slice(0, maxLength);
    if (options.system) attributes['db.system.name'] = options.system;
    if (options.namespace) attributes['db.namespace'] = options.namespace;
    const name = options.namespace ? `${operation} ${options.namespace}` : operation;
    const tracer = options.tracer ?? getObservability().tracer;
    const start = performance.now();
    const done = (status: 'ok' | 'error'): void =>
      metrics.record(operation, status, (performance.now() - start) / 1000);
    return tracer.startActiveSpan(name, { kind: SpanKind.Client, attributes }, () => {
      let result: unknown;
      try {
        result = original.apply(this, args);
      } catch (error) {
        done('error');
        throw error;
      }
      if (!isPromiseLike(result)) {
        done('ok');
        return result;
      }
      return Promise.resolve(result).then(
        (value) => {
          done('ok');
          return value;
        },
        (error: unknown) => {
          done('error');
          throw error;
        },
      );
    });
  };
}

/** Instruments per collector, created on first use; a broken collector never fails a query. */
class QueryMetrics {
  private meter: MetricsCollectorProtocol | undefined;
  private counter: CounterProtocol | undefined;
  private histogram: HistogramProtocol | undefined;

  constructor(private readonly fixed: MetricsCollectorProtocol | undefined) {}

  record(operation: string, status: 'ok' | 'error', seconds: number): void {
    try {
      const meter = this.fixed ?? getObservability().meter;
      if (meter !== this.meter) {
        this.meter = meter;
        const labelNames = ['operation', 'status'];
        this.counter = meter.createCounter(DB_QUERIES_METRIC, 'Database queries executed', {
          labelNames,
        });
        this.histogram = meter.createHistogram(
          DB_QUERY_DURATION_METRIC,
          'Duration of database queries',
          { labelNames, unit: 'seconds' },
        );
      }
      const labels = { operation, status };
      this.counter!.inc(1, labels);
      this.histogram!.observe(seconds, labels);
    } catch {
      // Metrics are best effort: a collector that rejects the instrument must not fail queries.
    }
  }
}

function statementOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    const text =
      (value as { text?: unknown; sql?: unknown }).text ?? (value as { sql?: unknown }).sql;
    if (typeof text === 'string') return text;
  }
  return undefined;
}

function firstWord(statement: string): string {
  const match = /^\s*([A-Za-z]+)/.exec(statement);
  return match ? match[1]!.toUpperCase() : '';
}
