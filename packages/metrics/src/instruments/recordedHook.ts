import { monitorHooks, type Labels, type MetricType } from '@lexigram/monitor-core';

/**
 * The process-wide `metricRecorded` hook, read once. Recording code checks `recordedHook.active`
 * (one property read) and only then calls {@link emitRecorded}, so with no listener nothing is
 * built.
 */
export const recordedHook = monitorHooks.metricRecorded;

/** Emit one `metricRecorded` payload. Call only when `recordedHook.active`. */
export function emitRecorded(
  metricName: string,
  value: number,
  metricType: MetricType,
  labels: Labels,
): void {
  recordedHook.emit({ metricName, value, metricType, labels });
}
