/**
 * `@lexigram/test-support`: helpers the test suites of every package share (private, never
 * published): a fake metrics collector, log and fault capture, time helpers for virtual-time
 * tests, metric family snapshots, and packed-tarball installs.
 *
 * @packageDocumentation
 */
export { FakeCollector, FakeInstrument, key, type Recorded } from './fakeCollector.js';
export {
  captureWarnings,
  capturePinoLogger,
  type LogRecord,
  type WarningCapture,
} from './captureLogger.js';
export { FakeScheduler } from './fakeScheduler.js';
export {
  flushPromises,
  never,
  pendingUntil,
  settle,
  settleVirtual,
  sleep,
  withFakeTimers,
} from './time.js';
export { packTarball, runOutsideWorkspace } from './packedInstall.js';
export {
  counterFamily,
  gaugeFamily,
  histogramFamily,
  histogramSeries,
  summaryFamily,
  type FamilyText,
} from './metricFamilies.js';
export { collectFaults, lookUpMissingExporter } from './faults.js';
export { configErrorPaths, thrownConfigError } from './configErrors.js';
