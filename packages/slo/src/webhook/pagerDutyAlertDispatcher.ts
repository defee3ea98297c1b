import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { AlertSeverity } from '@lexigram/monitor-core';
import { FieldChecker } from '@lexigram/monitor-core/internal';
import type { AlertRecord } from './alertRecord.js';
import { WebhookAlertDispatcher } from './webhookAlertDispatcher.js';
import type { WebhookDispatcherOptions } from './webhookOptions.js';

/** PagerDuty Events API v2 endpoint. */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/** Options of {@link PagerDutyAlertDispatcher}. */
export interface PagerDutyAlertDispatcherOptions extends WebhookDispatcherOptions {
  /** Integration (routing) key of an Events API v2 integration. Keep it secret. */
  routingKey: string;
  /** Events endpoint; default {@link PAGERDUTY_EVENTS_URL} (EU accounts use events.eu.pagerduty.com). */
  url?: string;
  /** `payload.source`: the affected system; default this host's name. */
  source?: string;
  /** `payload.component`, e.g. `checkout-api`. */
  component?: string;
  /** `payload.group`, e.g. `prod-eu`. */
  group?: string;
  /** `payload.class`; default `slo` for SLO alerts, `metric threshold`, or `alert`. */
  eventClass?: string;
  /** `client` shown in PagerDuty; default `Lexigram Monitor`. */
  client?: string;
  /** `client_url`, e.g. a dashboard link. */
  clientUrl?: string;
}

// Events API v2 limits: summary 1024 characters, dedup_key 255.
const SUMMARY_MAX = 1024;
const DEDUP_KEY_MAX = 255;

/**
 * Triggers PagerDuty incidents through the Events API v2. Each event carries a `dedup_key`
 * derived from the alert's de-duplication key, so PagerDuty folds repeats of one alert into one
 * incident even after the local de-duplication window has passed.
 *
 * Severity maps to PagerDuty's four: `critical` → critical, `high` / `error` → error, `medium` /
 * `warning` → warning, `low` / `info` → info (anything else → warning).
 *
 * @example
 * ```ts
 * const pagerDuty = new PagerDutyAlertDispatcher({ routingKey: process.env.PD_ROUTING_KEY! });
 * ```
 */
export class PagerDutyAlertDispatcher extends WebhookAlertDispatcher {
  private readonly routingKey: string;
  private readonly fields: Omit<PagerDutyAlertDispatcherOptions, keyof WebhookDispatcherOptions>;

  constructor(options: PagerDutyAlertDispatcherOptions) {
    super('pagerduty', options.url ?? PAGERDUTY_EVENTS_URL, 'url', options);
    const check = new FieldChecker('pagerduty alert dispatcher');
    check.nonEmptyString('routingKey', options.routingKey);
    check.throwIfInvalid();
    this.routingKey = options.routingKey;
    this.fields = options;
  }

  /** The Events API v2 trigger event for `alert`. */
  protected buildBody(alert: AlertRecord): unknown {
    const o = this.fields;
    return {
      routing_key: this.routingKey,
      event_action: 'trigger',
      dedup_key: pagerDutyDedupKey(this.dedupKeyOf(alert)),
      payload: {
        summary: truncate(`${alert.title}: ${alert.message}`, SUMMARY_MAX),
        source: o.source ?? hostname(),
        severity: pagerDutySeverity(alert.severity),
        timestamp: alert.createdAt.toISOString(),
        ...(o.component ? { component: o.component } : {}),
        ...(o.group ? { group: o.group } : {}),
        class: o.eventClass ?? eventClass(alert),
        custom_details: {
          ...alert.context,
          message: alert.message,
          severity: alert.severity,
          ...(alert.kind === 'metric'
            ? {
                metric_name: alert.metricName,
                current_value: alert.currentValue,
                threshold: alert.threshold,
              }
            : {}),
        },
      },
      client: o.client ?? 'Lexigram Monitor',
      ...(o.clientUrl ? { client_url: o.clientUrl } : {}),
    };
  }
}

/** PagerDuty's severity for ours. */
export function pagerDutySeverity(
  severity: AlertSeverity,
): 'critical' | 'error' | 'warning' | 'info' {
  switch (String(severity).toLowerCase()) {
    case 'critical':
    case 'fatal':
      return 'critical';
    case 'high':
    case 'error':
      return 'error';
    case 'low':
    case 'info':
      return 'info';
    default:
      return 'warning';
  }
}

/** A key within PagerDuty's 255 characters: as is when it fits, else its SHA-256. */
export function pagerDutyDedupKey(key: string): string {
  return key.length <= DEDUP_KEY_MAX ? key : createHash('sha256').update(key).digest('hex');
}

function eventClass(alert: AlertRecord): string {
  if (typeof alert.context.slo === 'string') return 'slo';
  return alert.kind === 'metric' ? 'metric threshold' : 'alert';
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
