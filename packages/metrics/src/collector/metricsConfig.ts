import { MetricsConfigSchema, type MetricsConfig } from '@lexigram/monitor-core';
import { parseOptions } from '@lexigram/monitor-core/internal';

/**
 * `input` with MetricsConfig's defaults applied, or one `MonitorConfigError` listing every bad
 * field (as `metrics.<field>`).
 */
export function parseMetricsConfig(input: Partial<MetricsConfig> | undefined): MetricsConfig {
  return parseOptions(MetricsConfigSchema, input, {
    source: 'MetricsCollector options',
    prefix: 'metrics',
  });
}
