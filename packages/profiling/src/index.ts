/**
 * @lexigram/monitor-profiling: runtime profiling for Node.js services. A sampling
 * `PerformanceMonitor` (CPU, memory, event loop, handles, GC), function profiling, summaries,
 * runtime metrics published to any metrics collector, and on-demand CPU profiles and heap
 * snapshots, all on Node's own instruments.
 *
 * @packageDocumentation
 */

// Configuration
export {
  PerformanceMonitorConfigSchema,
  parsePerformanceMonitorConfig,
  type PerformanceMonitorConfig,
  type PerformanceMonitorConfigInput,
} from './config/performanceMonitorConfig.js';
export {
  RuntimeMetricsConfigSchema,
  parseRuntimeMetricsConfig,
  type RuntimeMetricsConfig,
  type RuntimeMetricsConfigInput,
} from './config/runtimeMetricsConfig.js';

// Data model
export { PerformanceMonitorState } from './model/performanceMonitorState.js';
export { GcKind, type GcCountsByKind } from './model/gcKind.js';
export type { PerformanceSnapshot } from './model/performanceSnapshot.js';
export type { PerformanceMetrics } from './model/performanceMetrics.js';
export type { FunctionProfileResult } from './model/functionProfileResult.js';

// Sampling monitor
export {
  PerformanceMonitor,
  type PerformanceMonitorOptions,
} from './monitor/performanceMonitor.js';
export { monitorAsyncOperation } from './monitor/monitorAsyncOperation.js';
export { getPerformanceSummary, type PerformanceSummary } from './summary/getPerformanceSummary.js';

// Function profiling
export { profileAsyncFunction } from './profile/profileAsyncFunction.js';
export { getErrorProfile } from './profile/errorProfiles.js';
export { profiled, profiledFunction, type ProfiledOptions } from './profile/profiled.js';

// Publishing to a metrics collector
export {
  RuntimeMetricsPublisher,
  type RuntimeMetricsPublisherOptions,
} from './publish/runtimeMetricsPublisher.js';

// On-demand profiles
export {
  captureCpuProfile,
  captureCpuProfileWhile,
  type CaptureCpuProfileOptions,
  type CpuProfileCapture,
  type CpuProfileOptions,
} from './ondemand/cpuProfile.js';
export type {
  CpuProfile,
  CpuProfileCallFrame,
  CpuProfileNode,
} from './ondemand/cpuProfileFormat.js';
export {
  takeHeapSnapshot,
  type HeapSnapshotResult,
  type TakeHeapSnapshotOptions,
} from './ondemand/heapSnapshot.js';
export {
  checkHeapSnapshotMemory,
  readMemory,
  type MemoryHeadroom,
  type MemoryProbe,
  type MemoryReadings,
  type MemorySource,
  type MemorySources,
} from './ondemand/memoryHeadroom.js';
export type { OutputLocation } from './ondemand/outputPath.js';
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
export { monitorContribution } from './monitorContribution.js';
