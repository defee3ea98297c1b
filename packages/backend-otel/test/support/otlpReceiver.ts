import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';

// The independent decoder: OpenTelemetry's generated protobuf classes of an older release,
// installed under an alias, so what we send is checked by code we did not write.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const root = require('otlp-proto-decoder/build/src/generated/root.js') as ProtoRoot;

interface ProtoType {
  decode(buf: Uint8Array): unknown;
  encode(obj: unknown): { finish(): Uint8Array };
  toObject(msg: unknown, opts: Record<string, unknown>): Record<string, unknown>;
  fromObject(obj: unknown): unknown;
}
interface ProtoRoot {
  opentelemetry: {
    proto: {
      collector: {
        trace: { v1: Record<string, ProtoType> };
        metrics: { v1: Record<string, ProtoType> };
      };
    };
  };
}

const TYPES = {
  traces: {
    request: root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest!,
    response: root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse!,
    rejectedField: 'rejectedSpans',
  },
  metrics: {
    request: root.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest!,
    response: root.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse!,
    rejectedField: 'rejectedDataPoints',
  },
} as const;

/** One request the receiver got, decoded into the OTLP JSON mapping (ids as hex). */
export interface ReceivedRequest {
  readonly signal: 'traces' | 'metrics';
  readonly contentType: string;
  readonly contentEncoding: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The decoded body; int64 fields as strings, bytes ids as lowercase hex. */
  readonly body: Record<string, any>;
  /** The HTTP status the receiver answered; 0 for a reset or a hang. */
  readonly status: number;
  /** `Date.now()` when the body was read. */
  readonly receivedAt: number;
}

/** What the receiver does with the next request(s). */
export type ReceiverFault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'partial'; rejected: number; message: string }
  | { kind: 'reset' }
  | { kind: 'hang' };

/**
 * A real OTLP/HTTP receiver on loopback (`POST /v1/traces`, `POST /v1/metrics`, protobuf or JSON,
 * gzip or not) with switchable faults, standing in for an OpenTelemetry Collector.
 */
export class OtlpReceiver {
  /** Every request that reached a handler, in order (faulty ones included). */
  readonly requests: ReceivedRequest[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private faults: ReceiverFault[] = [];
  private persistent: ReceiverFault | undefined;
  private portNumber = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  /** `tls`: serve HTTPS with this key and certificate (PEM). */
  constructor(private readonly options: { tls?: { key: Buffer; cert: Buffer } } = {}) {}

  /** Listen on `port` (0 for any free one, or the previous port to come back after `stop`). */
  async start(port = this.portNumber): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse): void => void this.handle(req, res);
    const server: Server = this.options.tls
      ? createHttpsServer(this.options.tls, handler)
      : createServer(handler);
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.portNumber = (server.address() as { port: number }).port;
    return this;
  }

  /** Stop listening and cut every connection: the port is refused until `start()` again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** True while listening. */
  get listening(): boolean {
    return this.server !== undefined;
  }

  /** The port listened on (kept after `stop`, so a client sees a refused port). */
  get port(): number {
    return this.portNumber;
  }

  /** `http://127.0.0.1:<port>` (`https` with TLS). */
  get endpoint(): string {
    return `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${this.portNumber}`;
  }

  /** Apply `faults` to the next requests, one each, then answer normally again. */
  failNext(...faults: ReceiverFault[]): void {
    this.faults.push(...faults);
  }

  /** Apply `fault` to every request until `clearFaults()`. */
  failAlways(fault: ReceiverFault): void {
    this.persistent = fault;
  }

  /** Answer normally again. */
  clearFaults(): void {
    this.faults = [];
    this.persistent = undefined;
  }

  /** Requests that were answered 2xx. */
  accepted(signal?: 'traces' | 'metrics'): ReceivedRequest[] {
    return this.requests.filter(
      (r) => r.status >= 200 && r.status < 300 && (signal === undefined || r.signal === signal),
    );
  }

  /** Resolves once `count` requests in total have arrived. */
  waitForRequests(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const signal =
      req.url === '/v1/traces' ? 'traces' : req.url === '/v1/metrics' ? 'metrics' : undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || signal === undefined) {
      res.writeHead(404).end();
      return;
    }
    let raw = Buffer.concat(chunks);
    const contentEncoding = req.headers['content-encoding'];
    if (contentEncoding === 'gzip') raw = gunzipSync(raw);
    const contentType = String(req.headers['content-type'] ?? '');
    const json = contentType.includes('json');
    const body = json ? normalize(JSON.parse(raw.toString('utf8'))) : decodeProtobuf(signal, raw);
    const fault = this.faults.shift() ?? this.persistent;
    const status =
      fault === undefined || fault.kind === 'partial'
        ? 200
        : fault.kind === 'status'
          ? fault.status
          : 0;
    this.requests.push({
      signal,
      contentType,
      contentEncoding,
      headers: req.headers,
      body,
      status,
      receivedAt: Date.now(),
    });
    this.notify();
    if (fault?.kind === 'hang') return; // never answer; the socket stays open until stop()
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, {
        'content-type': 'text/plain',
        ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
      });
      res.end(fault.body ?? `fault ${fault.status}`);
      return;
    }
    const response =
      fault?.kind === 'partial'
        ? {
            partialSuccess: {
              [TYPES[signal].rejectedField]: fault.rejected,
              errorMessage: fault.message,
            },
          }
        : {};
    if (json) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(response));
    } else {
      const type = TYPES[signal].response;
      const bytes = type.encode(type.fromObject(response)).finish();
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(Buffer.from(bytes));
    }
  }

  private notify(): void {
    this.waiters = this.waiters.filter((w) => {
      if (this.requests.length < w.count) return true;
      w.resolve();
      return false;
    });
  }
}

/** Decode a protobuf request with the independent decoder into the normalized JSON mapping. */
export function decodeProtobuf(
  signal: 'traces' | 'metrics',
  bytes: Uint8Array,
): Record<string, any> {
  const type = TYPES[signal].request;
  const object = type.toObject(type.decode(bytes), {
    longs: String,
    enums: Number,
    bytes: String,
    defaults: false,
    arrays: true,
  });
  return normalize(object) as Record<string, any>;
}

const ID_FIELDS = new Set(['traceId', 'spanId', 'parentSpanId']);
const INT64_FIELDS = new Set([
  'startTimeUnixNano',
  'endTimeUnixNano',
  'timeUnixNano',
  'intValue',
  'asInt',
  'count',
  'bucketCounts',
  'rejectedSpans',
  'rejectedDataPoints',
]);

/**
 * One shape for both encodings: ids as lowercase hex (protobuf gives base64), int64 fields as
 * decimal strings (JSON may give numbers), and empty ids / zero defaults dropped.
 */
export function normalize(value: any, key?: string): any {
  if (Array.isArray(value)) return value.map((v) => normalize(v, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(value)) {
      const n = normalize(v, k);
      // Empty repeated fields and empty strings are proto3 defaults: absent in either encoding.
      // (A `stringValue` is a oneof member: present even when empty.)
      if (n === undefined || (n === '' && k !== 'stringValue')) continue;
      if (Array.isArray(n) && n.length === 0) continue;
      out[k] = n;
    }
    return out;
  }
  if (key !== undefined && ID_FIELDS.has(key) && typeof value === 'string') {
    if (value === '') return undefined;
    return /^[0-9a-f]+$/.test(value) && (value.length === 32 || value.length === 16)
      ? value
      : Buffer.from(value, 'base64').toString('hex');
  }
  if (key !== undefined && INT64_FIELDS.has(key) && typeof value === 'number') return String(value);
  return value;
}

/**
 * A receiver for the enclosing `describe` block: started before its tests and stopped after
 * them, with the recorded requests and planned faults cleared before each test.
 */
export function useOtlpReceiver(): OtlpReceiver {
  const receiver = new OtlpReceiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.clearFaults();
  });
  return receiver;
}
