import {
  MonitorConfigError,
  type ConfigFieldError,
  type MonitorFaultHandler,
  type OpenTelemetryConfig,
} from '@lexigram/monitor-core';
import type { RetryOptions } from '../transport/retryingTransport.js';
import {
  resolveInsecure,
  resolveTls,
  type OtlpTlsOptions,
  type ResolvedTls,
} from './resolveTls.js';

/** OTLP/HTTP encodings: protobuf (the OTLP default) or JSON. */
export type OtlpProtocol = 'http/protobuf' | 'http/json';

/** The signal an exporter sends, which picks its URL path and its environment variables. */
export type OtlpSignal = 'traces' | 'metrics';

/**
 * Options shared by the OTLP exporters. Anything left out comes from the `OTEL_EXPORTER_OTLP_*`
 * environment variables (signal-specific before generic), then from `config` (core's
 * `OpenTelemetryConfig`), then from the OTLP defaults.
 */
export interface OtlpExporterOptions extends OtlpTlsOptions {
  /**
   * Full URL of the signal (`http://collector:4318/v1/traces`), used as is. To give the
   * collector's base URL instead, set `config.endpoint` or `OTEL_EXPORTER_OTLP_ENDPOINT`.
   */
  url?: string;
  /** Headers sent with every export, e.g. an API key. */
  headers?: Record<string, string>;
  /** Encoding. Default `http/protobuf`. */
  protocol?: OtlpProtocol;
  /** Compression of the body. Default `none`. */
  compression?: 'gzip' | 'none';
  /** Deadline of one export, retries included. Default 10000. */
  timeoutMs?: number;
  /** Exports in flight at once; past it an export is dropped and reported. Default 4. */
  maxConcurrentExports?: number;
  /** Retry and backoff settings. */
  retry?: RetryOptions;
  /**
   * Plain HTTP to a collector off this machine is deliberate: no `OTLP_PLAINTEXT_ENDPOINT`
   * warning. It never turns TLS verification off (the OpenTelemetry specification: for OTLP/HTTP
   * the scheme decides); trust a private or self-signed collector with `certificate` instead.
   * Default false; also `OTEL_EXPORTER_OTLP_[SIGNAL_]INSECURE` and core's `config.insecure`.
   */
  insecure?: boolean;
  /** Core's OpenTelemetry section: `endpoint`, `headers`, `timeoutMs`, `compression`, `insecure`. */
  config?: Partial<OpenTelemetryConfig> & { protocol?: OtlpProtocol };
  /** Environment to read `OTEL_EXPORTER_OTLP_*` from. Default `process.env`; `false` for none. */
  env?: Readonly<Record<string, string | undefined>> | false;
  /** Receives every dropped export and partial success. Default: core's fault channel. */
  onError?: MonitorFaultHandler;
}

/** Options with every value decided. */
export interface ResolvedOtlpOptions {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly protocol: OtlpProtocol;
  readonly compression: 'gzip' | 'none';
  readonly timeoutMs: number;
  readonly maxConcurrentExports: number;
  readonly retry: RetryOptions;
  readonly onError: MonitorFaultHandler | undefined;
  /** Plain HTTP off this machine was acknowledged. */
  readonly insecure: boolean;
  /** Certificates for an `https` URL. */
  readonly tls: ResolvedTls;
}

const DEFAULT_ENDPOINT = 'http://localhost:4318';
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Decide the exporter's settings with the OpenTelemetry specification's precedence: options in
 * code, then the signal-specific variable (`OTEL_EXPORTER_OTLP_TRACES_*`), then the generic one
 * (`OTEL_EXPORTER_OTLP_*`), then core's config, then the defaults. A signal-specific endpoint is
 * used as is; a generic one (and `config.endpoint`) gets `/v1/traces` or `/v1/metrics` appended.
 *
 * @throws MonitorConfigError naming the option or variable that is invalid.
 */
export function resolveOtlpOptions(
  signal: OtlpSignal,
  options: OtlpExporterOptions = {},
): ResolvedOtlpOptions {
  const env = options.env === false ? {} : (options.env ?? process.env);
  const config = options.config ?? {};
  const upper = signal.toUpperCase();
  const errors: ConfigFieldError[] = [];
  const pick = (name: string): { value: string; source: string } | undefined => {
    for (const variable of [`OTEL_EXPORTER_OTLP_${upper}_${name}`, `OTEL_EXPORTER_OTLP_${name}`]) {
      const value = env[variable]?.trim();
      if (value) return { value, source: variable };
    }
    return undefined;
  };

  const url = resolveUrl(signal, options.url, env, config.endpoint, errors);

  const protocolEnv = pick('PROTOCOL');
  const protocol =
    options.protocol ??
    (protocolEnv?.value as OtlpProtocol | undefined) ??
    config.protocol ??
    'http/protobuf';
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    errors.push({
      path: options.protocol !== undefined ? 'protocol' : (protocolEnv?.source ?? 'protocol'),
      message: `is "${String(protocol)}": use "http/protobuf" or "http/json" (grpc is not supported by this exporter)`,
    });
  }

  const compressionEnv = pick('COMPRESSION');
  const compression =
    options.compression ??
    (compressionEnv?.value as 'gzip' | 'none' | undefined) ??
    config.compression ??
    'none';
  if (compression !== 'gzip' && compression !== 'none') {
    errors.push({
      path:
        options.compression !== undefined
          ? 'compression'
          : (compressionEnv?.source ?? 'compression'),
      message: `is "${String(compression)}": use "gzip" or "none"`,
    });
  }

  const timeoutEnv = pick('TIMEOUT');
  let timeoutMs = options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (options.timeoutMs === undefined && timeoutEnv) timeoutMs = Number(timeoutEnv.value);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    errors.push({
      path: options.timeoutMs === undefined && timeoutEnv ? timeoutEnv.source : 'timeoutMs',
      message: `is ${String(options.timeoutMs ?? timeoutEnv?.value)}: use a positive number of milliseconds`,
    });
  }

  const maxConcurrentExports = options.maxConcurrentExports ?? 4;
  if (!Number.isInteger(maxConcurrentExports) || maxConcurrentExports < 1) {
    errors.push({ path: 'maxConcurrentExports', message: 'must be a positive integer' });
  }

  const headersEnv = pick('HEADERS');
  const headers = {
    ...config.headers,
    ...(headersEnv ? parseHeaders(headersEnv.value, headersEnv.source, errors) : {}),
    ...options.headers,
  };

  const insecure = resolveInsecure(options.insecure, config.insecure, pick, errors);
  const tls = resolveTls(options, pick, errors);

  if (errors.length > 0) {
    throw new MonitorConfigError(errors, { source: `OTLP ${signal} exporter options` });
  }
  return {
    url,
    headers,
    protocol,
    compression,
    timeoutMs,
    maxConcurrentExports,
    retry: options.retry ?? {},
    onError: options.onError,
    insecure,
    tls,
  };
}

function resolveUrl(
  signal: OtlpSignal,
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  configEndpoint: string | undefined,
  errors: ConfigFieldError[],
): string {
  const specific = `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_ENDPOINT`;
  const candidates: [string | undefined, string, boolean][] = [
    [explicit, 'url', false],
    [env[specific]?.trim() || undefined, specific, false],
    [env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || undefined, 'OTEL_EXPORTER_OTLP_ENDPOINT', true],
    [configEndpoint, 'config.endpoint', true],
    [DEFAULT_ENDPOINT, 'default', true],
  ];
  for (const [value, source, appendPath] of candidates) {
    if (value === undefined) continue;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      errors.push({
        path: source,
        message: `is "${value}": use a URL such as http://localhost:4318`,
      });
      return value;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      errors.push({ path: source, message: `is "${value}": the scheme must be http or https` });
      return value;
    }
    if (!appendPath) return parsed.href;
    const base = parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
    return `${base}v1/${signal}`;
  }
  return DEFAULT_ENDPOINT;
}

/** `k1=v1,k2=v2` with percent-encoded values, as `OTEL_EXPORTER_OTLP_HEADERS` is written. */
export function parseHeaders(
  raw: string,
  source: string,
  errors: ConfigFieldError[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of raw.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      errors.push({ path: source, message: `entry "${part.trim()}" is not key=value` });
      continue;
    }
    try {
      out[decodeURIComponent(part.slice(0, eq).trim())] = decodeURIComponent(
        part.slice(eq + 1).trim(),
      );
    } catch {
      errors.push({
        path: source,
        message: `entry "${part.trim()}" is not valid percent-encoding`,
      });
    }
  }
  return out;
}
