import type { Logger } from 'pino';
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

type AnyFn = (this: unknown, ...args: never[]) => unknown;

let defaultLogger: Logger | undefined;

function fallbackLogger(): Logger {
  // Built lazily so importing core never opens stdout for users who do not call monitor().
  defaultLogger ??= createLogger({ bindings: { component: 'lexigram-monitor' } });
  return defaultLogger;
}

/**
 * Wrap `fn` with structured logging and wall-clock timing: it logs `operation_start`, then
 * `operation_end` with `durationMs`, or `operation_error` with `durationMs` and the error when it
 * throws or rejects (the error is rethrown). Sync and async functions keep their shape.
 *
 * A lighter alternative to stacking `traced` and `metered` when logs are all you need.
 *
 * @example
 * ```ts
 * const createUser = monitor(async (email: string) => repo.save({ email }), { name: 'users.create' });
 * ```
 */
export function monitorFunction<F extends AnyFn>(fn: F, options: MonitorOptions = {}): F {
  const operation = options.name ?? (fn.name || 'anonymous');
  const wrapped = function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
    const log = options.logger ?? fallbackLogger();
    const context: Record<string, unknown> = { operation };
    if (options.logArgs) context.argCount = args.length;
    log.info(context, 'operation_start');
    const start = performance.now();
    const fail = (error: unknown): void => {
      log.error(
        { ...context, durationMs: performance.now() - start, err: error },
        'operation_error',
      );
    };
    let result: unknown;
    try {
      result = fn.apply(this, args as never[]);
    } catch (error) {
      fail(error);
      throw error;
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          log.info({ ...context, durationMs: performance.now() - start }, 'operation_end');
          return value;
        },
        (error: unknown) => {
          fail(error);
          throw error;
        },
      ) as ReturnType<F>;
    }
    log.info({ ...context, durationMs: performance.now() - start }, 'operation_end');
    return result as ReturnType<F>;
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped as unknown as F;
}

/**
 * `monitor` as a standard (TC39) method decorator: `@monitor()` or `@monitor({ name })`. The
 * default name is `ClassName.method`.
 *
 * @example
 * ```ts
 * class Users { @monitor() async create(email: string) { ... } }
 * ```
 */
export function monitor(options: MonitorOptions = {}) {
  return function <F extends AnyFn>(method: F, context: ClassMethodDecoratorContext): F {
    const methodName = String(context.name);
    let wrapped: F | undefined;
    return function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
      // The class name is only known from the receiver, so the wrapper is built on first call.
      if (!wrapped) {
        const owner = (context.static ? this : (this as object | undefined)?.constructor) as
          { name?: string } | undefined;
        const name = options.name ?? (owner?.name ? `${owner.name}.${methodName}` : methodName);
        wrapped = monitorFunction(method, { ...options, name });
      }
      return wrapped.apply(this, args as never[]) as ReturnType<F>;
    } as F;
  };
}
