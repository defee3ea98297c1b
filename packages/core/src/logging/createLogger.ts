import { pino, type DestinationStream, type Logger } from 'pino';
import { LoggingConfigSchema, type LoggingConfig } from '../config/sectionSchemas.js';
import { parseOptions } from '../internal/parseOptions.js';
import { REDACTED, redactDeep } from './redact.js';
import { createTextStream } from './textStream.js';

/** Trace identifiers of the active span, as a tracer supplies them. */
export interface TraceContextIds {
  readonly traceId: string;
  readonly spanId: string;
}

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** Logging settings; defaults apply to what is left out. */
  config?: Partial<LoggingConfig>;
  /**
   * Returns the active span's ids (a tracer's log-correlation hook). When set and
   * `includeTraceContext` is on, every line gets `trace_id` and `span_id`.
   */
  traceContext?: () => TraceContextIds | undefined;
  /** Use this pino logger instead of building one (a child with `bindings` is returned). */
  logger?: Logger;
  /** Where lines go; default stdout. */
  destination?: DestinationStream | NodeJS.WritableStream;
  /** Fields bound to every line, e.g. `{ component: 'monitor' }`. */
  bindings?: Record<string, unknown>;
}

/**
 * A structured pino logger built from {@link LoggingConfig}: level, JSON or text lines,
 * `redactFields` replaced by `[REDACTED]` at any depth, and `trace_id` / `span_id` of the active
 * span when a tracer supplies them. Invalid settings throw a `MonitorConfigError` listing each
 * bad field (`logging.level`, ...).
 *
 * @example
 * ```ts
 * const log = createLogger({ config: { level: 'debug', format: 'text' } });
 * log.info({ user: { password: 'x' } }, 'signed in'); // password is [REDACTED]
 * ```
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  if (options.logger) return options.logger.child(options.bindings ?? {});
  // Bad settings are one MonitorConfigError (code INVALID_CONFIG) naming each field.
  const config = parseOptions(LoggingConfigSchema, options.config, {
    source: 'createLogger config',
    prefix: 'logging',
  });
  const fields = new Set(config.redactFields.map((f) => f.toLowerCase()));
  const traceContext = config.includeTraceContext ? options.traceContext : undefined;

  const destination =
    config.format === 'text'
      ? createTextStream(
          (options.destination as NodeJS.WritableStream | undefined) ?? process.stdout,
        )
      : (options.destination ?? pino.destination(1));

  const logger = pino(
    {
      level: config.enabled ? config.level : 'silent',
      base: options.bindings ?? {},
      formatters: {
        level: (label, number) => ({ level: config.format === 'text' ? number : label }),
        bindings: (bindings) => redactDeep(bindings, fields) as Record<string, unknown>,
        log: (object) => redactDeep(object, fields) as Record<string, unknown>,
      },
      mixin: traceContext
        ? () => {
            const ids = safe(traceContext);
            return ids ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
          }
        : undefined,
      timestamp: pino.stdTimeFunctions.epochTime,
      // pino's own redaction covers child bindings, which `formatters` never see; the deep,
      // case-insensitive pass above covers everything nested in log objects.
      redact:
        fields.size > 0 ? { paths: redactPaths(config.redactFields), censor: REDACTED } : undefined,
    },
    destination,
  );
  return logger;
}

function safe(fn: () => TraceContextIds | undefined): TraceContextIds | undefined {
  try {
    return fn();
  } catch {
    return undefined; // a broken tracer must never break logging
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** pino redact paths for `fields` at the top level and one level down. */
function redactPaths(fields: readonly string[]): string[] {
  const paths: string[] = [];
  for (const field of fields) {
    const key = IDENTIFIER.test(field) ? field : `[${JSON.stringify(field)}]`;
    paths.push(key, IDENTIFIER.test(field) ? `*.${field}` : `*${key}`);
  }
  return paths;
}
