import type { MetricsLogger } from '../../src/logging/metricsFaults.js';

/** A logger that keeps every warning, for assertions. */
export function captureLogger(): MetricsLogger & {
  warnings: { details: Record<string, unknown>; message: string }[];
} {
  const warnings: { details: Record<string, unknown>; message: string }[] = [];
  return {
    warnings,
    warn(details, message) {
      warnings.push({ details, message });
    },
  };
}

/** Resolve after `ms` of real time. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
