import { displayValue } from '../internal/format.js';
import type { AlertRecord } from './alertRecord.js';
import { WebhookAlertDispatcher } from './webhookAlertDispatcher.js';
import type { WebhookDispatcherOptions } from './webhookOptions.js';

/** Options of {@link SlackAlertDispatcher}. */
export interface SlackAlertDispatcherOptions extends WebhookDispatcherOptions {
  /** The incoming webhook URL (`https://hooks.slack.com/services/...`). Keep it secret. */
  webhookUrl: string;
  /** Override the webhook's channel (legacy webhooks only). */
  channel?: string;
  /** Override the poster's name (legacy webhooks only). */
  username?: string;
  /** Override the poster's icon, e.g. `:rotating_light:` (legacy webhooks only). */
  iconEmoji?: string;
}

const EMOJI: Readonly<Record<string, string>> = {
  low: ':information_source:',
  medium: ':warning:',
  high: ':rotating_light:',
  critical: ':fire:',
};

// Block Kit limits: header text 150 chars, section text 3000, a field 2000, at most 10 fields.
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
const MAX_FIELDS = 10;

/**
 * Posts alerts to a Slack channel through an incoming webhook: a `text` fallback (what
 * notifications show) and Block Kit blocks with the title, message, severity and context.
 * Queueing, de-duplication, rate limiting and retries come from {@link WebhookAlertDispatcher}.
 *
 * @example
 * ```ts
 * const slack = new SlackAlertDispatcher({ webhookUrl: process.env.SLACK_WEBHOOK_URL! });
 * const monitor = new SLOMonitor({ dispatcher: slack });
 * ```
 */
export class SlackAlertDispatcher extends WebhookAlertDispatcher {
  private readonly extras: Readonly<Record<string, string>>;

  constructor(options: SlackAlertDispatcherOptions) {
    super('slack', options.webhookUrl, 'webhookUrl', options);
    this.extras = {
      ...(options.channel ? { channel: options.channel } : {}),
      ...(options.username ? { username: options.username } : {}),
      ...(options.iconEmoji ? { icon_emoji: options.iconEmoji } : {}),
    };
  }

  /** The incoming-webhook message for `alert`. */
  protected buildBody(alert: AlertRecord): unknown {
    const emoji = EMOJI[String(alert.severity).toLowerCase()] ?? ':bell:';
    const fields = [
      `*Severity*\n${escape(String(alert.severity))}`,
      ...(alert.kind === 'metric'
        ? [
            `*Metric*\n${escape(alert.metricName ?? '')}`,
            `*Value / threshold*\n${alert.currentValue} / ${alert.threshold}`,
          ]
        : []),
      ...Object.entries(alert.context)
        .filter(([key]) => key !== 'message')
        .map(([key, value]) => `*${escape(key)}*\n${escape(displayValue(value))}`),
    ]
      .slice(0, MAX_FIELDS)
      .map((text) => ({ type: 'mrkdwn', text: truncate(text, FIELD_MAX) }));
    return {
      text: `${emoji} [${String(alert.severity).toUpperCase()}] ${alert.title}: ${alert.message}`,
      blocks: [
        {
          type: 'header',
          text: { type: 'plain_text', text: truncate(`${alert.title}`, HEADER_MAX), emoji: true },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: truncate(`${emoji} ${escape(alert.message)}`, SECTION_MAX),
          },
        },
        { type: 'section', fields },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: `Lexigram Monitor · ${alert.createdAt.toISOString()}` },
          ],
        },
      ],
      ...this.extras,
    };
  }
}

/** Slack's mrkdwn treats `&`, `<` and `>` as control characters. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
