import type { MonitorErrorCode } from './errorCodes.js';
import { MonitorError, type MonitorErrorOptions } from './monitorError.js';

/** One invalid field of a configuration object. */
export interface ConfigFieldError {
  /** Dotted path of the field, e.g. `tracing.sampleRate`. */
  readonly path: string;
  /** What is wrong with it and what is expected. */
  readonly message: string;
}

/**
 * Configuration is invalid. One error lists every bad field by path, so a user fixes them all in
 * one go instead of one per start-up.
 */
export class MonitorConfigError extends MonitorError {
  static override readonly code: MonitorErrorCode = 'INVALID_CONFIG';

  /** Every invalid field. */
  readonly fields: readonly ConfigFieldError[];

  constructor(
    fields: readonly ConfigFieldError[],
    options: MonitorErrorOptions & { source?: string } = {},
  ) {
    const where = options.source ? ` (from ${options.source})` : '';
    const list = fields.map((f) => `  - ${f.path || '(root)'}: ${f.message}`).join('\n');
    super(
      `Invalid monitor configuration${where}: ${fields.length} field${fields.length === 1 ? '' : 's'} to fix:\n${list}`,
      options,
    );
    this.fields = fields;
  }
}
