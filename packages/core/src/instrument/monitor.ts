import type { Logger } from 'pino';
import {
  createInstrumenter,
  keepName,
  type AnyFunction,
  type Instrumenter,
} from '../internal/decorator.js';
import { callAndSettle } from '../internal/promises.js';
import { createLogger } from '../logging/createLogger.js';

/** Options of {@link monitor}. */
export interface MonitorOptions {
  /** Operation name in the log events. Default: the function's (or `Class.method`) name. */
  name?: string;
  /** Include the number of positional arguments (never their values). Default false. */
  logArgs?: boolean;
  /** Logger to write to. Default: a logger built from the default logging config. */
  logger?: Logger;
}

let defaultLogger: Logger | undefined;

function fallbackLogger(): Logger {
  // Built lazily so importing core never opens stdout for users who do not call monitor().
  defaultLogger ??= createLogger({ bindings: { component: 'lexigram-monitor' } });
  return defaultLogger;
}

/** Wraps `fn` (named `operation`) with start / end / error log events and timing. */
function wrapWithLogging<F extends AnyFunction>(
  fn: F,
  operation: string,
  options: MonitorOptions,
): F {
  return keepName(
    function (this: unknown, ...args: unknown[]): unknown {
      const log = options.logger ?? fallbackLogger();
      const context: Record<string, unknown> = { operation };
      if (options.logArgs) context.argCount = args.length;
      log.info(context, 'operation_start');
      const start = performance.now();
      return callAndSettle(
        () => (fn as unknown as (this: unknown, ...a: unknown[]) => unknown).apply(this, args),
        (settled) => {
          const durationMs = performance.now() - start;
          if (settled.ok) log.info({ ...context, durationMs }, 'operation_end');
          else log.error({ ...context, durationMs, err: settled.error }, 'operation_error');
        },
        { component: 'core.monitor' },
      );
    } as unknown as F,
    fn,
  );
}

const monitorInstrumenter = createInstrumenter<MonitorOptions, MonitorOptions>({
  normalize: (options) => options ?? {},
  wrap: (fn, name, options) => wrapWithLogging(fn, options.name ?? name, options),
});

/**
 * Wrap `fn` with structured logging and wall-clock timing: it logs `operation_start`, then
 * `operation_end` with `durationMs`, or `operation_error` with `durationMs` and the error when it
 * throws or rejects (the error is rethrown). Sync and async functions keep their shape; a logger
 * that throws never replaces the function's result or error.
 *
 * A lighter alternative to stacking `traced` and `metered` when logs are all you need.
 *
 * @example
 * ```ts
 * const createUser = monitorFunction(async (email: string) => repo.save({ email }), { name: 'users.create' });
 * ```
 */
export function monitorFunction<F extends AnyFunction>(fn: F, options: MonitorOptions = {}): F {
  return monitorInstrumenter(fn, options);
}

/**
 * `monitor` as a standard (TC39) method decorator: `@monitor`, `@monitor()` or
 * `@monitor({ name })` (default name `ClassName.method`), and as a wrapper: `monitor(fn, options)`
 * or `monitor(options)(fn)`, like `traced` and `metered`.
 *
 * @example
 * ```ts
 * class Users { @monitor() async create(email: string) { ... } }
 * ```
 */
export const monitor: Instrumenter<MonitorOptions> = monitorInstrumenter;
