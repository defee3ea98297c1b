import { reportFault } from '@lexigram/monitor-core/internal';
import { isLoopbackHost } from '../config/resolveTls.js';
import type { ResolvedOtlpOptions } from '../config/resolveOtlpOptions.js';

// Once per URL per process: every exporter to the same collector would say the same thing.
const warned = new Set<string>();

/**
 * Report (once per URL) that spans or metrics, and the headers with them (API keys), go in
 * clear text to a collector off this machine, unless `insecure: true` says that is deliberate.
 */
export function warnIfPlaintext(component: string, options: ResolvedOtlpOptions): void {
  if (options.insecure || warned.has(options.url)) return;
  const url = new URL(options.url);
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return;
  warned.add(options.url);
  reportFault(
    {
      code: 'OTLP_PLAINTEXT_ENDPOINT',
      component,
      message: `OTLP endpoint ${options.url} is plain HTTP to another host: telemetry and headers (API keys) travel unencrypted. Use https, or set insecure: true (OTEL_EXPORTER_OTLP_INSECURE=true) if this is deliberate.`,
      details: { url: options.url, headers: Object.keys(options.headers).length },
    },
    options.onError,
  );
}
