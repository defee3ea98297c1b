import { displayValue } from '../internal/format.js';
import { FieldChecker } from '@lexigram/monitor-core/internal';
import type { AlertRecord } from './alertRecord.js';
import { WebhookAlertDispatcher } from './webhookAlertDispatcher.js';
import type { WebhookDispatcherOptions } from './webhookOptions.js';

/** Options of {@link AlertmanagerAlertDispatcher}. */
export interface AlertmanagerAlertDispatcherOptions extends WebhookDispatcherOptions {
  /** Alertmanager's base URL, e.g. `http://alertmanager:9093`; `/api/v2/alerts` is added. */
  url: string;
  /** Labels added to every alert, e.g. `{ service: 'checkout', env: 'prod' }`. */
  labels?: Readonly<Record<string, string>>;
  /** `generatorURL` of every alert, e.g. a dashboard link. */
  generatorUrl?: string;
  /**
   * Sets `endsAt` this long after the alert, so it resolves unless sent again. Default unset:
   * Alertmanager then resolves it after its `resolve_timeout`.
   */
  alertTtlMs?: number;
}

const ALERTS_PATH = '/api/v2/alerts';
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
// Context keys that identify an alert (and so belong in labels); the rest become annotations.
const IDENTITY_KEYS = ['slo', 'rule'] as const;

/**
 * Posts alerts to Prometheus Alertmanager's v2 API (`POST /api/v2/alerts`, a JSON array of
 * postable alerts). Labels identify the alert (`alertname` = the stable title, `severity`,
 * `metric`, `slo`, `rule` and your static labels) so Alertmanager groups and de-duplicates it;
 * the message and the rest of the context go in annotations.
 *
 * @example
 * ```ts
 * const am = new AlertmanagerAlertDispatcher({ url: 'http://alertmanager:9093', labels: { service: 'checkout' } });
 * ```
 */
export class AlertmanagerAlertDispatcher extends WebhookAlertDispatcher {
  private readonly staticLabels: Readonly<Record<string, string>>;
  private readonly generatorUrl: string | undefined;
  private readonly alertTtlMs: number | undefined;

  constructor(options: AlertmanagerAlertDispatcherOptions) {
    super('alertmanager', alertsUrl(options.url), 'url', options);
    const check = new FieldChecker('alertmanager alert dispatcher');
    for (const [name, value] of Object.entries(options.labels ?? {})) {
      if (!LABEL_NAME.test(name)) check.add(`labels.${name}`, 'is not a valid label name');
      if (typeof value !== 'string') check.add(`labels.${name}`, 'must be a string');
    }
    if (options.alertTtlMs !== undefined) check.positive('alertTtlMs', options.alertTtlMs);
    check.throwIfInvalid();
    this.staticLabels = { ...options.labels };
    this.generatorUrl = options.generatorUrl;
    this.alertTtlMs = options.alertTtlMs;
  }

  /** The postable-alerts array for `alert`. */
  protected buildBody(alert: AlertRecord): unknown {
    const labels: Record<string, string> = {
      ...this.staticLabels,
      alertname: alert.title,
      severity: String(alert.severity),
    };
    if (alert.metricName !== undefined) labels.metric = alert.metricName;
    const annotations: Record<string, string> = {
      summary: alert.title,
      description: alert.message,
    };
    for (const [key, value] of Object.entries(alert.context)) {
      if (key === 'message') continue;
      if ((IDENTITY_KEYS as readonly string[]).includes(key) && typeof value === 'string') {
        labels[key] = value;
      } else {
        annotations[labelName(key)] = displayValue(value);
      }
    }
    if (alert.kind === 'metric') {
      annotations.current_value = String(alert.currentValue);
      annotations.threshold = String(alert.threshold);
    }
    const startsAt = alert.createdAt;
    return [
      {
        labels,
        annotations,
        startsAt: startsAt.toISOString(),
        ...(this.alertTtlMs === undefined
          ? {}
          : { endsAt: new Date(startsAt.getTime() + this.alertTtlMs).toISOString() }),
        ...(this.generatorUrl ? { generatorURL: this.generatorUrl } : {}),
      },
    ];
  }
}

function alertsUrl(base: unknown): string {
  if (typeof base !== 'string') return String(base);
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.endsWith(ALERTS_PATH) ? trimmed : `${trimmed}${ALERTS_PATH}`;
}

/** Alertmanager validates annotation names like label names. */
function labelName(key: string): string {
  const name = key.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
