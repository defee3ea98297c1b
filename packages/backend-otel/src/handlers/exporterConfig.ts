import {
  MonitorConfigError,
  type ConfigFieldError,
  type MonitorFaultHandler,
} from '@lexigram/monitor-core';
import type { OtlpExporterOptions, OtlpProtocol } from '../config/resolveOtlpOptions.js';

/**
 * What an `otlp` handler accepts besides `type`: core's `OpenTelemetryConfig` fields
 * (`endpoint`, `headers`, `insecure`, `timeoutMs`, `compression`, `batchSize`,
 * `exportIntervalMs`), `protocol`, a full signal `url`, TLS `certificate` / `clientKey` /
 * `clientCertificate` (PEM text), and for metrics `temporality` and `serviceName`.
 */
export interface OtlpHandlerConfig {
  readonly type: string;
  readonly endpoint?: string;
  readonly url?: string;
  readonly headers?: Record<string, string>;
  readonly insecure?: boolean;
  /** PEM of the CA (or self-signed certificate) that signs the collector's certificate. */
  readonly certificate?: string;
  /** PEM client key and certificate for mutual TLS. */
  readonly clientKey?: string;
  readonly clientCertificate?: string;
  readonly timeoutMs?: number;
  readonly compression?: 'gzip' | 'none';
  readonly protocol?: OtlpProtocol;
  readonly batchSize?: number;
  readonly exportIntervalMs?: number;
  readonly temporality?: 'cumulative' | 'delta';
  readonly serviceName?: string;
  readonly onError?: MonitorFaultHandler;
}

const KNOWN = new Set([
  'type',
  'endpoint',
  'url',
  'headers',
  'insecure',
  'certificate',
  'clientKey',
  'clientCertificate',
  'timeoutMs',
  'compression',
  'protocol',
  'batchSize',
  'exportIntervalMs',
  'temporality',
  'serviceName',
  'onError',
]);

/**
 * Exporter options from a handler config. `endpoint` is the collector's base URL (the signal
 * path is appended), `url` the full signal URL; `OTEL_EXPORTER_OTLP_*` variables still apply as
 * the specification ranks them.
 *
 * @throws MonitorConfigError naming unknown or mistyped fields.
 */
export function exporterOptionsFromConfig(
  config: Readonly<Record<string, unknown>>,
): OtlpExporterOptions & {
  temporality?: 'cumulative' | 'delta';
  serviceName?: string;
} {
  const errors: ConfigFieldError[] = [];
  for (const key of Object.keys(config)) {
    if (!KNOWN.has(key))
      errors.push({ path: key, message: 'unknown field: remove it or check its spelling' });
  }
  const c = config as unknown as OtlpHandlerConfig;
  const expect = (key: keyof OtlpHandlerConfig, type: string, what: string): void => {
    const value = c[key];
    if (value !== undefined && typeof value !== type)
      errors.push({ path: key, message: `must be ${what}` });
  };
  expect('endpoint', 'string', 'a URL such as http://localhost:4318');
  expect('url', 'string', 'a URL such as http://localhost:4318/v1/traces');
  expect('timeoutMs', 'number', 'a positive number of milliseconds');
  expect('insecure', 'boolean', 'true or false');
  expect('serviceName', 'string', 'a string');
  expect('certificate', 'string', 'PEM text');
  expect('clientKey', 'string', 'PEM text');
  expect('clientCertificate', 'string', 'PEM text');
  expect('onError', 'function', 'a function receiving MonitorFault');
  if (c.headers !== undefined && (typeof c.headers !== 'object' || c.headers === null)) {
    errors.push({ path: 'headers', message: 'must be an object of header names to values' });
  }
  if (c.temporality !== undefined && c.temporality !== 'cumulative' && c.temporality !== 'delta') {
    errors.push({ path: 'temporality', message: 'must be "cumulative" or "delta"' });
  }
  if (errors.length > 0) throw new MonitorConfigError(errors, { source: 'otlp exporter config' });
  return {
    ...(c.url === undefined ? {} : { url: c.url }),
    ...(c.onError === undefined ? {} : { onError: c.onError }),
    ...(c.insecure === undefined ? {} : { insecure: c.insecure }),
    ...(c.certificate === undefined ? {} : { certificate: c.certificate }),
    ...(c.clientKey === undefined ? {} : { clientKey: c.clientKey }),
    ...(c.clientCertificate === undefined ? {} : { clientCertificate: c.clientCertificate }),
    ...(c.temporality === undefined ? {} : { temporality: c.temporality }),
    ...(c.serviceName === undefined ? {} : { serviceName: c.serviceName }),
    config: {
      ...(c.endpoint === undefined ? {} : { endpoint: c.endpoint }),
      ...(c.headers === undefined ? {} : { headers: c.headers }),
      ...(c.timeoutMs === undefined ? {} : { timeoutMs: c.timeoutMs }),
      ...(c.compression === undefined ? {} : { compression: c.compression }),
      ...(c.protocol === undefined ? {} : { protocol: c.protocol }),
    },
  };
}
