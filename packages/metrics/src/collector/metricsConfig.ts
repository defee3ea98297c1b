import {
  MetricsConfigSchema,
  MonitorConfigError,
  type MetricsConfig,
} from '@lexigram/monitor-core';

/**
 * `input` with MetricsConfig's defaults applied, or one {@link MonitorConfigError} listing every
 * bad field (as `metrics.<field>`).
 */
export function parseMetricsConfig(input: Partial<MetricsConfig> | undefined): MetricsConfig {
  const parsed = MetricsConfigSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.flatMap((issue) => {
    const base = ['metrics', ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...base, key].join('.'),
        message: 'unknown field: remove it or check its spelling',
      }));
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
  throw new MonitorConfigError(fields, { source: 'MetricsCollector options' });
}
