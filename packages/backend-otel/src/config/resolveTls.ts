import { readFileSync } from 'node:fs';
import type { ConfigFieldError } from '@lexigram/monitor-core';

/** PEM text, or the contents of a PEM file. */
export type PemInput = string | Buffer;

/** TLS settings of an OTLP/HTTP exporter (the specification's certificate options). */
export interface OtlpTlsOptions {
  /**
   * Trusted certificate(s) to verify the collector's TLS certificate with, e.g. a private CA or a
   * self-signed collector certificate. Default: Node's trusted roots. Environment:
   * `OTEL_EXPORTER_OTLP_[TRACES_|METRICS_]CERTIFICATE` (a file path).
   */
  certificate?: PemInput;
  /** Client private key for mutual TLS (`OTEL_EXPORTER_OTLP_[...]CLIENT_KEY`, a file path). */
  clientKey?: PemInput;
  /** Client certificate chain for mutual TLS (`OTEL_EXPORTER_OTLP_[...]CLIENT_CERTIFICATE`). */
  clientCertificate?: PemInput;
}

/** TLS material for the HTTPS agent; empty when Node's defaults apply. */
export interface ResolvedTls {
  readonly ca?: PemInput;
  readonly key?: PemInput;
  readonly cert?: PemInput;
}

type Pick = (name: string) => { value: string; source: string } | undefined;

/**
 * The certificate options: in code first, then the signal-specific variable, then the generic
 * one. Variables hold file paths; an unreadable file is a config error naming the variable.
 */
export function resolveTls(
  options: OtlpTlsOptions,
  pick: Pick,
  errors: ConfigFieldError[],
): ResolvedTls {
  const read = (name: string, given: PemInput | undefined): PemInput | undefined => {
    if (given !== undefined) return given;
    const fromEnv = pick(name);
    if (!fromEnv) return undefined;
    try {
      return readFileSync(fromEnv.value);
    } catch (error) {
      errors.push({
        path: fromEnv.source,
        message: `cannot read "${fromEnv.value}" (${(error as NodeJS.ErrnoException).code ?? String(error)}): give the path of a PEM file`,
      });
      return undefined;
    }
  };
  const ca = read('CERTIFICATE', options.certificate);
  const key = read('CLIENT_KEY', options.clientKey);
  const cert = read('CLIENT_CERTIFICATE', options.clientCertificate);
  return {
    ...(ca === undefined ? {} : { ca }),
    ...(key === undefined ? {} : { key }),
    ...(cert === undefined ? {} : { cert }),
  };
}

/**
 * `insecure` as given in code, by `OTEL_EXPORTER_OTLP_[SIGNAL_]INSECURE`, or in core's config.
 * The specification applies it to gRPC only: for OTLP/HTTP the URL's scheme decides whether TLS
 * is used, so here it only acknowledges a plain-`http` endpoint off this machine (no warning).
 */
export function resolveInsecure(
  given: boolean | undefined,
  configValue: boolean | undefined,
  pick: Pick,
  errors: ConfigFieldError[],
): boolean {
  if (given !== undefined) return given;
  const fromEnv = pick('INSECURE');
  if (fromEnv) {
    const v = fromEnv.value.toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
    errors.push({ path: fromEnv.source, message: `is "${fromEnv.value}": use true or false` });
  }
  return configValue ?? false;
}

/** True for `localhost`, `127.0.0.0/8` and `::1`: plain HTTP there never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}
