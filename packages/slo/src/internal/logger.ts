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

/** The logger a component writes to: a child of the user's, or a new one from core. */
export function componentLogger(options: LoggerOptions, component: string): SloLogger {
  return createLogger({
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.logging ? { config: options.logging } : {}),
    bindings: { component },
  });
}
