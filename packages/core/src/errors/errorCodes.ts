/**
 * Every `code` an error of Lexigram Monitor carries, across all its packages: branch on it with
 * `isMonitorError(error, code)` without importing the class.
 */
export type MonitorErrorCode =
  | 'MONITOR_ERROR'
  | 'INVALID_CONFIG'
  | 'INVALID_METRIC'
  | 'INVALID_SAMPLE'
  | 'METRIC_NOT_FOUND'
  | 'METRIC_COLLECTION_FAILED'
  | 'BACKEND_NOT_AVAILABLE'
  | 'SPAN_ERROR'
  | 'SPAN_EXPORT_FAILED'
  | 'PERFORMANCE_MONITOR_ERROR'
  | 'HEALTH_CHECK_ERROR'
  | 'INVALID_HEALTH_CHECK'
  | 'HEALTH_CHECK_NOT_FOUND'
  | 'DUPLICATE_HEALTH_CHECK';
