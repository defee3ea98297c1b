/**
 * @lexigram/monitor-slo: service level objectives for Node.js services. Percentile SLOs over
 * rolling, bounded-memory windows (DDSketch), error-budget SLOs with multi-window multi-burn-rate
 * alerts (Google SRE Workbook), and alert dispatchers for logs, Slack, PagerDuty and
 * Alertmanager, on `@lexigram/monitor-core`'s contracts.
 *
 * @packageDocumentation
 */

// Percentile SLOs
export { SLO, DEFAULT_SLO_WINDOW_MS, type SLOOptions } from './percentile/slo.js';
export { SLOViolation, type SLOViolationInit } from './percentile/sloViolation.js';
export {
  SLOMonitor,
  type SLOMeasurement,
  type SLOMonitorOptions,
} from './percentile/sloMonitor.js';
export {
  RollingQuantileWindow,
  type RollingQuantileWindowOptions,
  type WindowQuantile,
} from './percentile/rollingQuantileWindow.js';

// Error-budget SLOs
export {
  RatioSLO,
  DEFAULT_SLO_PERIOD_MS,
  PPM,
  type RatioSLOKind,
  type RatioSLOOptions,
} from './budget/ratioSlo.js';
export {
  DEFAULT_BURN_RATE_RULES,
  type BurnRateAction,
  type BurnRateRule,
  type BurnRateRuleOptions,
} from './budget/burnRateRule.js';
export {
  BurnRateAlert,
  type BurnRateAlertInit,
  type ErrorBudget,
  type WindowBurn,
} from './budget/burnRateAlert.js';
export {
  ErrorBudgetTracker,
  DEFAULT_BURN_RATE_WINDOW_MS,
  type ErrorBudgetTrackerOptions,
} from './budget/errorBudgetTracker.js';
export { ErrorBudgetMonitor, type ErrorBudgetMonitorOptions } from './budget/errorBudgetMonitor.js';
export {
  TwoTierEventCounter,
  DEFAULT_EVENT_COUNTER_TIERS,
  type EventCounterTiers,
} from './budget/twoTierEventCounter.js';
export { SlotRing, type WindowCounts } from './budget/slotRing.js';

// Alert dispatch
export {
  LoggingAlertDispatcher,
  type LoggingAlertDispatcherOptions,
} from './alerting/loggingAlertDispatcher.js';
export { FanOutAlertDispatcher } from './alerting/fanOutAlertDispatcher.js';
export {
  WebhookAlertDispatcher,
  type WebhookDispatcherStats,
} from './webhook/webhookAlertDispatcher.js';
export type { WebhookDispatcherOptions, WebhookRateLimit } from './webhook/webhookOptions.js';
export { defaultDedupKey, type AlertRecord } from './webhook/alertRecord.js';
export type { RetryPolicy } from './webhook/retryPolicy.js';
export {
  SlackAlertDispatcher,
  type SlackAlertDispatcherOptions,
} from './webhook/slackAlertDispatcher.js';
export {
  PagerDutyAlertDispatcher,
  PAGERDUTY_EVENTS_URL,
  type PagerDutyAlertDispatcherOptions,
} from './webhook/pagerDutyAlertDispatcher.js';
export {
  AlertmanagerAlertDispatcher,
  type AlertmanagerAlertDispatcherOptions,
} from './webhook/alertmanagerAlertDispatcher.js';

// Shared
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
export {
  HistogramSloFeed,
  type HistogramSloFeedOptions,
  type SloStatus,
} from './compose/histogramSloFeed.js';
export { monitorContribution } from './monitorContribution.js';
