import { createLogger, type CreateLoggerOptions } from '@lexigram/monitor-core';

/** A pino logger, as core's `createLogger` returns and accepts. */
export type SloLogger = ReturnType<typeof createLogger>;

/** Logger options every component of this package accepts. */
export interface LoggerOptions {
  /** Your pino logger; a child bound to this component is used. */
  logger?: SloLogger;
  /** Settings for a logger built with core's `createLogger` when `logger` is not given. */
  logging?: CreateLoggerOptions['config'];
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

/**
 * The logger a component writes to: a child of the user's, or a new one from core. Its level
 * methods never throw: a logger that does (a sync destination hitting EAGAIN, a broken custom
 * logger) loses the line instead of breaking an evaluation loop or a dispatch.
 */
export function componentLogger(options: LoggerOptions, component: string): SloLogger {
  const logger = createLogger({
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.logging ? { config: options.logging } : {}),
    bindings: { component },
  });
  const guarded = Object.create(logger) as Record<string, unknown>;
  for (const level of LEVELS) {
    const method = (logger as unknown as Record<string, unknown>)[level];
    if (typeof method !== 'function') continue;
    guarded[level] = (...args: unknown[]): void => {
      try {
        (method as (...a: unknown[]) => void).apply(logger, args);
      } catch {
        // Nothing left to report to.
      }
    };
  }
  return guarded as unknown as SloLogger;
}
