import {
  MonitorConfigSchema,
  type Environment,
  type MonitorConfig,
  type MonitorConfigInput,
} from './monitorConfig.js';
import { fieldErrorsFromZod } from '../internal/zodIssues.js';

/** One finding of {@link validateConfig}. */
export interface ConfigIssue {
  /** `error`: must be fixed for this environment; `warning`: worth a look. */
  readonly severity: 'error' | 'warning';
  /** Dotted path of the field concerned. */
  readonly path: string;
  /** What is wrong and what to do. */
  readonly message: string;
}

/**
 * Judge a configuration for an environment without throwing: schema errors (such as a sample
 * rate outside 0..1) and settings unfit for the environment (debug on in production, a backend
 * section missing for the chosen backend, ...).
 *
 * @param environment Target environment; defaults to `LEX_ENV`, then `config.environment`.
 */
export function validateConfig(
  config: MonitorConfig | MonitorConfigInput,
  environment?: Environment,
): ConfigIssue[] {
  const parsed = MonitorConfigSchema.safeParse(config);
  if (!parsed.success) {
    return fieldErrorsFromZod(parsed.error).map((f) => ({ severity: 'error', ...f }));
  }
  const c = parsed.data;
  const env = environment ?? (process.env.LEX_ENV as Environment | undefined) ?? c.environment;
  const prod = env === 'production';
  const issues: ConfigIssue[] = [];
  const add = (severity: ConfigIssue['severity'], path: string, message: string): void => {
    issues.push({ severity, path, message });
  };

  if (prod && c.debug)
    add('error', 'debug', 'debug mode must be off in production: set debug to false');
  if (prod && !c.enabled)
    add('warning', 'enabled', 'monitoring is disabled in production: nothing will be observed');

  if (c.backendType === 'prometheus' && !c.prometheus) {
    add(
      prod ? 'error' : 'warning',
      'prometheus',
      'backendType is "prometheus" but the prometheus section is missing: add it (defaults would be used: port 9464, path /metrics)',
    );
  }
  if (c.backendType === 'opentelemetry' && !c.opentelemetry) {
    add(
      prod ? 'error' : 'warning',
      'opentelemetry',
      'backendType is "opentelemetry" but the opentelemetry section is missing: add it with the collector endpoint',
    );
  }
  if (prod && c.backendType === 'memory') {
    add(
      'warning',
      'backendType',
      'the memory backend keeps metrics in-process only: choose prometheus or opentelemetry in production',
    );
  }
  if (
    c.opentelemetry &&
    prod &&
    c.opentelemetry.endpoint.startsWith('http://') &&
    !c.opentelemetry.insecure
  ) {
    add(
      'warning',
      'opentelemetry.endpoint',
      'plain-HTTP OTLP endpoint in production: use https or set insecure to true deliberately',
    );
  }

  const t = c.tracing;
  if (t.enabled && t.samplerType === 'probability' && t.sampleRate === 0) {
    add(
      'warning',
      'tracing.sampleRate',
      'probability sampling with sampleRate 0 keeps no traces: use samplerType always_off or raise the rate',
    );
  }
  if (t.samplerType !== 'probability' && t.samplerType !== 'parent_based' && t.sampleRate !== 1) {
    add(
      'warning',
      'tracing.sampleRate',
      `sampleRate is only used by the probability and parent_based samplers, not "${t.samplerType}"`,
    );
  }

  const l = c.logging;
  if (prod && (l.level === 'debug' || l.level === 'trace')) {
    add(
      'warning',
      'logging.level',
      `log level "${l.level}" in production is costly and may leak data: use info or warn`,
    );
  }
  if (prod && l.format === 'text') {
    add('warning', 'logging.format', 'text logs in production are hard to query: use json');
  }
  if (prod && l.redactFields.length === 0) {
    add(
      'warning',
      'logging.redactFields',
      'no fields are redacted in production: list secrets such as password and token',
    );
  }
  if (prod && !c.health.enabled) {
    add(
      'warning',
      'health.enabled',
      'health checks are disabled in production: orchestrators cannot probe the service',
    );
  }
  return issues;
}
