/**
 * `@lexigram/monitor-core/internal`: helpers shared by the Lexigram Monitor packages.
 *
 * **Unstable**: no semver promise; only `@lexigram/monitor-*` packages may import it, and they
 * pin the core version they were built with. Applications use the main entry. See
 * `docs/architecture.md` for what lives here and why.
 *
 * @packageDocumentation
 */
export { reportFault } from '../diagnostics/diagnostics.js';
export { processSingleton } from './processSingleton.js';
export { cleanMessage, toSafeJson } from '../health/sanitize.js';
export { reportTimestamp } from '../health/reportTimestamp.js';
export { describeValue, isPlainObject, quoteName } from './describeValue.js';
export {
  MAX_TIMER_DELAY_MS,
  durationMsSchema,
  durationProblem,
  validateDurationMs,
  type DurationRule,
} from './durations.js';
export { FieldChecker } from './fieldChecker.js';
export { fieldErrorsFromZod, type ZodIssueOptions } from './zodIssues.js';
export { parseOptions, type ParseOptionsContext } from './parseOptions.js';
export {
  isPromiseLike,
  callAndSettle,
  withTimeout,
  type Settlement,
  type SettleFaultOptions,
  type TimedOutcome,
  type WithTimeoutOptions,
} from './promises.js';
export {
  systemScheduler,
  scheduleOnce,
  type Clock,
  type OneShotTimer,
  type Scheduler,
  type TimerHandle,
} from './scheduler.js';
export { BackgroundLoop, type BackgroundLoopOptions } from './backgroundLoop.js';
export {
  ShutdownOnce,
  runWithDeadline,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  type ShutdownRunOptions,
} from './shutdownOnce.js';
export {
  createInstrumenter,
  decorateMethod,
  isMethodDecoratorContext,
  keepName,
  type AnyFunction,
  type DecoratorOrWrapper,
  type Instrumenter,
  type InstrumenterSpec,
} from './decorator.js';
export { RingBuffer } from './ringBuffer.js';
export { InertSpan } from './inertSpan.js';
export {
  activeSpanFn,
  activeSpanOptions,
  type OptionsOrFn,
  type SpanFn,
} from './activeSpanArgs.js';
export { runStepsWithin, type DeadlineStep, type DeadlineStepOutcome } from './runStepsWithin.js';
export { readCapped, type CappedBodySource, type ReadCappedOptions } from './readCapped.js';
export { faultReporter, loggerFaultSink, type ComponentFaultReporter } from './faultReporter.js';
