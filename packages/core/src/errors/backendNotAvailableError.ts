import type { MonitorErrorCode } from './errorCodes.js';
import { MonitorError, type MonitorErrorOptions } from './monitorError.js';

/**
 * A monitoring backend was asked for but is not installed (or failed to load).
 *
 * The message names the npm package to install.
 */
export class BackendNotAvailableError extends MonitorError {
  static override readonly code: MonitorErrorCode = 'BACKEND_NOT_AVAILABLE';

  /** The backend type that was requested, e.g. `prometheus`. */
  readonly backendType: string;
  /** The npm package that provides it, when known. */
  readonly packageName: string | undefined;

  constructor(
    backendType: string,
    packageName?: string,
    options: MonitorErrorOptions & { message?: string } = {},
  ) {
    super(
      options.message ??
        (packageName
          ? `Monitoring backend "${backendType}" is not available: install it with \`npm install ${packageName}\` (or pnpm add / yarn add) in your application.`
          : `Monitoring backend "${backendType}" is not available: no installed package provides it. Install the backend package and name it in config.backendPackages, or choose another backendType.`),
      options,
    );
    this.backendType = backendType;
    this.packageName = packageName;
  }
}
