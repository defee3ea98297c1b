import { request as httpRequest, Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { gzipSync } from 'node:zlib';
import type { ExportResponse, IExporterTransport } from '@opentelemetry/otlp-exporter-base';
import type { ResolvedTls } from '../config/resolveTls.js';

/** Options of {@link OtlpHttpTransport}. */
export interface OtlpHttpTransportOptions {
  /** Full URL of the signal, e.g. `http://localhost:4318/v1/traces`. */
  readonly url: string;
  /** `Content-Type` of the payload: `application/x-protobuf` or `application/json`. */
  readonly contentType: string;
  /** Extra headers sent with every request (auth, tenant). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Compress the body. */
  readonly compression?: 'gzip' | 'none';
  /** Trusted CA and client certificate for an `https` URL. */
  readonly tls?: ResolvedTls;
}

/** Responses larger than this are cut off: a collector answers with a small status message. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** Status codes the OTLP specification says to retry. */
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** Network errors worth another attempt: the collector may be restarting. */
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);

/** An HTTP answer the exporter will not retry (4xx other than 429, oversize bodies, ...). */
export class OtlpHttpError extends Error {
  /** HTTP status, when there was a response. */
  readonly statusCode: number | undefined;
  /** The response body, cut to 1 KiB, for the fault report. */
  readonly body: string | undefined;

  constructor(message: string, statusCode?: number, body?: string) {
    super(message);
    this.name = 'OtlpHttpError';
    this.statusCode = statusCode;
    this.body = body;
  }
}

/**
 * One OTLP/HTTP POST per `send`, on a keep-alive agent, with a hard deadline: the request is
 * aborted when `timeoutMillis` passes, whether the collector is silent before the response or in
 * the middle of it. `node:http` is imported statically (unlike OpenTelemetry's own transport) so
 * the exporter also runs in hosts without dynamic `import()` support, such as jest's CommonJS VM.
 */
export class OtlpHttpTransport implements IExporterTransport {
  private readonly url: URL;
  private readonly headers: Record<string, string>;
  private readonly gzip: boolean;
  private readonly agent: HttpAgent;
  private readonly requestFn: typeof httpRequest;
  private readonly inFlight = new Set<() => void>();

  constructor(options: OtlpHttpTransportOptions) {
    this.url = new URL(options.url);
    const secure = this.url.protocol === 'https:';
    this.requestFn = secure ? httpsRequest : httpRequest;
    this.agent = secure
      ? new HttpsAgent({ keepAlive: true, maxSockets: 8, ...options.tls })
      : new HttpAgent({ keepAlive: true, maxSockets: 8 });
    this.gzip = options.compression === 'gzip';
    this.headers = {
      ...options.headers,
      'Content-Type': options.contentType,
      'User-Agent': 'lexigram-monitor-otlp',
      ...(this.gzip ? { 'Content-Encoding': 'gzip' } : {}),
    };
  }

  /** Send one payload; never rejects, the outcome is in the response. */
  send(data: Uint8Array, timeoutMillis: number): Promise<ExportResponse> {
    return new Promise<ExportResponse>((resolve) => {
      let settled = false;
      const body = this.gzip ? gzipSync(data) : data;
      const finish = (response: ExportResponse): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.inFlight.delete(abort);
        resolve(response);
      };
      const req = this.requestFn(this.url, {
        method: 'POST',
        agent: this.agent,
        headers: { ...this.headers, 'Content-Length': String(body.byteLength) },
      });
      const abort = (): void => {
        finish({ status: 'failure', error: new OtlpHttpError('export aborted by shutdown') });
        req.destroy();
      };
      this.inFlight.add(abort);
      const timer = setTimeout(
        () => {
          finish({
            status: 'retryable',
            error: new OtlpHttpError(`no response within ${timeoutMillis} ms`),
          });
          req.destroy();
        },
        Math.max(1, timeoutMillis),
      );
      timer.unref();
      req.on('response', (res) => readResponse(res, finish));
      req.on('error', (error: NodeJS.ErrnoException) => {
        const retryable = error.code !== undefined && RETRYABLE_NETWORK_CODES.has(error.code);
        finish(retryable ? { status: 'retryable', error } : { status: 'failure', error });
      });
      req.end(body);
    });
  }

  /** Abort requests in flight and close idle sockets. */
  shutdown(): void {
    for (const abort of [...this.inFlight]) abort();
    this.agent.destroy();
  }
}

function readResponse(res: IncomingMessage, finish: (response: ExportResponse) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) {
      finish({ status: 'failure', error: new OtlpHttpError('response body too large') });
      res.destroy();
      return;
    }
    chunks.push(chunk);
  });
  res.on('error', (error) => finish({ status: 'retryable', error }));
  res.on('end', () => {
    const status = res.statusCode ?? 0;
    const data = Buffer.concat(chunks);
    if (status >= 200 && status < 300) {
      finish({ status: 'success', data });
    } else if (RETRYABLE_STATUS.has(status)) {
      const retryInMillis = parseRetryAfter(res.headers['retry-after']);
      finish({
        status: 'retryable',
        error: new OtlpHttpError(`collector answered ${status}`, status),
        ...(retryInMillis === undefined ? {} : { retryInMillis }),
      });
    } else {
      const text = data.subarray(0, 1024).toString('utf8');
      finish({
        status: 'failure',
        error: new OtlpHttpError(`collector answered ${status}`, status, text),
      });
    }
  });
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms; undefined when absent or invalid. */
export function parseRetryAfter(
  header: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
