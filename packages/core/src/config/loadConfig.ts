import { MonitorConfigError } from '../errors/configError.js';
import { configFromEnv } from './envConfig.js';
import {
  MonitorConfigSchema,
  type MonitorConfig,
  type MonitorConfigInput,
} from './monitorConfig.js';
import { fieldErrorsFromZod } from '../internal/zodIssues.js';

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /**
   * Environment to read overrides from (see `configFromEnv`), or `false` to ignore the
   * environment. Default `process.env`.
   */
  env?: Readonly<Record<string, string | undefined>> | false;
}

/**
 * Build the monitor configuration: the reference's defaults, then `input`, then environment
 * variables on top. Bad config throws one {@link MonitorConfigError} that lists every bad field
 * by path (and the environment variable that set it), at start-up rather than later.
 *
 * @example
 * ```ts
 * const config = loadConfig({ backendType: 'prometheus', tracing: { sampleRate: 0.1 } });
 * ```
 */
export function loadConfig(
  input: MonitorConfigInput = {},
  options: LoadConfigOptions = {},
): MonitorConfig {
  const fromEnv = options.env === false ? undefined : configFromEnv(options.env ?? process.env);
  const merged = fromEnv ? deepMerge(input, fromEnv.values) : input;
  const parsed = MonitorConfigSchema.safeParse(merged);
  if (!parsed.success) {
    throw new MonitorConfigError(fieldErrorsFromZod(parsed.error, fromEnv?.sources), {
      source: fromEnv && fromEnv.sources.size > 0 ? 'object and environment' : 'object',
    });
  }
  return parsed.data;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(
  base: Record<string, unknown>,
  override: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}
