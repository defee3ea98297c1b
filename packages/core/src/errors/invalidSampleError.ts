import type { MonitorErrorCode } from './errorCodes.js';
import { InvalidMetricError } from './invalidMetricError.js';

/**
 * A recorded value is invalid: a negative or non-finite latency sample, an event count that is
 * not a whole number, more good events than events. Thrown by the SLO recorders.
 *
 * It extends `InvalidMetricError` for one minor version, so code that caught the error the SLO
 * package threw before keeps working; branch on `INVALID_SAMPLE` from now on.
 */
export class InvalidSampleError extends InvalidMetricError {
  static override readonly code: MonitorErrorCode = 'INVALID_SAMPLE';
}
