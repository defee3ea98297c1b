import {
  getMonitorFaultCounts,
  setMonitorDiagnostics,
  type MonitorFault,
  type ReadableSpanData,
} from '@lexigram/monitor-core';
import { type BatchSpanProcessor, Tracer } from '@lexigram/monitor-tracing';
import { OtlpMetricsExporter } from '../../src/metrics/otlpMetricsExporter.js';
import {
  OtlpSpanExporter,
  type OtlpSpanExporterOptions,
} from '../../src/spans/otlpSpanExporter.js';
import { OtlpExportError } from '../../src/transport/otlpExportPipeline.js';
import { makeCollector } from '../support/metrics.js';
import { OtlpReceiver } from '../support/otlpReceiver.js';
import { makeSpans } from '../support/spans.js';

// The collector fails in every way the OTLP specification names; each case is one test against
// a real HTTP receiver on loopback.
describe('OTLP export when the collector fails', () => {
  const receiver = new OtlpReceiver();
  let spans: readonly ReadableSpanData[];
  let faults: MonitorFault[];
  const open: { shutdown(): Promise<void> }[] = [];

  beforeAll(async () => {
    await receiver.start();
    spans = await makeSpans(3);
  });
  afterAll(async () => {
    await Promise.all(open.map((e) => e.shutdown()));
    await receiver.stop();
  });
  beforeEach(async () => {
    if (receiver.port && !receiver.listening) await receiver.start();
    receiver.requests.length = 0;
    receiver.clearFaults();
    faults = [];
  });

  function exporter(options: Partial<OtlpSpanExporterOptions> = {}): OtlpSpanExporter {
    const e = new OtlpSpanExporter({
      url: `${receiver.endpoint}/v1/traces`,
      env: false,
      timeoutMs: 3000,
      retry: { initialBackoffMs: 20, maxBackoffMs: 100 },
      onError: (fault) => faults.push(fault),
      ...options,
    });
    open.push(e);
    return e;
  }

  it.each([429, 503])('honours Retry-After on %i, then succeeds', async (status) => {
    receiver.failNext({ kind: 'status', status, retryAfter: '1' });
    const e = exporter();
    await e.export(spans);
    expect(receiver.requests.map((r) => r.status)).toEqual([status, 200]);
    // The backoff alone would retry after ~20 ms: the gap shows the header was obeyed.
    const gap = receiver.requests[1]!.receivedAt - receiver.requests[0]!.receivedAt;
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(faults).toEqual([]);
    expect(e.stats()).toMatchObject({ exportedItems: 3, droppedItems: 0 });
  });

  it('gives up at once when Retry-After is past the export deadline', async () => {
    receiver.failNext({ kind: 'status', status: 503, retryAfter: '120' });
    const e = exporter();
    await expect(e.export(spans)).rejects.toBeInstanceOf(OtlpExportError);
    expect(receiver.requests).toHaveLength(1);
    expect(faults.map((f) => f.code)).toEqual(['OTLP_EXPORT_FAILED']);
  });

  it.each([502, 504])('retries %i with backoff until it succeeds', async (status) => {
    receiver.failNext(
      { kind: 'status', status },
      { kind: 'status', status },
      { kind: 'status', status },
    );
    const e = exporter();
    await e.export(spans);
    expect(receiver.requests.map((r) => r.status)).toEqual([status, status, status, 200]);
    expect(faults).toEqual([]);
  });

  it('stops retrying at the export timeout and reports the loss', async () => {
    receiver.failAlways({ kind: 'status', status: 502 });
    const e = exporter({ timeoutMs: 400, retry: { initialBackoffMs: 50, maxBackoffMs: 100 } });
    await expect(e.export(spans)).rejects.toThrow(/502/);
    expect(receiver.requests.length).toBeGreaterThan(1);
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({
      code: 'OTLP_EXPORT_FAILED',
      component: 'backend-otel.otlpSpanExporter',
      details: { dropped: 3, statusCode: 502 },
    });
    expect(e.stats()).toMatchObject({ droppedItems: 3, failedExports: 1 });
  });

  it('does not retry 400 and reports the collector message', async () => {
    receiver.failNext({ kind: 'status', status: 400, body: 'bad span' });
    const e = exporter();
    await expect(e.export(spans)).rejects.toThrow(/400: bad span/);
    expect(receiver.requests).toHaveLength(1);
    expect(faults[0]).toMatchObject({ code: 'OTLP_EXPORT_FAILED', details: { statusCode: 400 } });
  });

  it.each(['http/protobuf', 'http/json'] as const)(
    'reports a partial success (%s) without retrying',
    async (protocol) => {
      receiver.failNext({ kind: 'partial', rejected: 2, message: 'too old' });
      const e = exporter({ protocol });
      await e.export(spans);
      expect(receiver.requests).toHaveLength(1);
      expect(faults).toHaveLength(1);
      expect(faults[0]).toMatchObject({
        code: 'OTLP_PARTIAL_SUCCESS',
        details: { rejected: 2, errorMessage: 'too old' },
      });
      expect(e.stats()).toMatchObject({ exportedItems: 1, droppedItems: 2 });
    },
  );

  it('reports a metrics partial success too', async () => {
    receiver.failNext({ kind: 'partial', rejected: 1, message: 'bad point' });
    const { record, collect } = makeCollector();
    record();
    const e = new OtlpMetricsExporter({
      url: `${receiver.endpoint}/v1/metrics`,
      env: false,
      onError: (fault) => faults.push(fault),
    });
    open.push(e);
    await e.export(await collect());
    expect(faults[0]).toMatchObject({ code: 'OTLP_PARTIAL_SUCCESS', details: { rejected: 1 } });
    expect(e.stats()).toMatchObject({ exportedItems: 4, droppedItems: 1 });
  });

  it('survives a connection reset and retries', async () => {
    receiver.failNext({ kind: 'reset' });
    const e = exporter();
    await e.export(spans);
    expect(receiver.requests.map((r) => r.status)).toEqual([0, 200]);
    expect(faults).toEqual([]);
  });

  it('survives a collector that hangs past the timeout', async () => {
    receiver.failAlways({ kind: 'hang' });
    const e = exporter({ timeoutMs: 300 });
    await expect(e.export(spans)).rejects.toThrow(/no response within/);
    expect(faults[0]).toMatchObject({ code: 'OTLP_EXPORT_FAILED', details: { dropped: 3 } });
    receiver.clearFaults();
    await e.export(spans);
    expect(e.stats()).toMatchObject({ exportedItems: 3, droppedItems: 3 });
  });

  it('survives a refused port and resumes when the collector is back', async () => {
    await receiver.stop();
    const e = exporter({ timeoutMs: 300 });
    await expect(e.export(spans)).rejects.toThrow(/ECONNREFUSED/);
    expect(faults[0]).toMatchObject({ code: 'OTLP_EXPORT_FAILED', details: { dropped: 3 } });
    await receiver.start();
    await e.export(spans);
    expect(receiver.accepted('traces')).toHaveLength(1);
  });

  it('caps exports in flight: past the cap an export is dropped and reported', async () => {
    receiver.failAlways({ kind: 'hang' });
    const e = exporter({ timeoutMs: 2000, maxConcurrentExports: 1 });
    const first = e.export(spans);
    await receiver.waitForRequests(1);
    await expect(e.export(spans)).rejects.toThrow(/Concurrent export limit/);
    expect(faults[0]).toMatchObject({ code: 'OTLP_EXPORT_FAILED', details: { dropped: 3 } });
    receiver.clearFaults();
    await e.shutdown();
    await expect(first).rejects.toThrow();
  });

  it('goes through the process-wide fault channel when no onError is given', async () => {
    const seen: MonitorFault[] = [];
    setMonitorDiagnostics((fault) => seen.push(fault));
    try {
      const before = getMonitorFaultCounts().get('OTLP_EXPORT_FAILED') ?? 0;
      receiver.failNext({ kind: 'status', status: 400 });
      const e = exporter({ onError: undefined });
      await expect(e.export(spans)).rejects.toThrow();
      expect(seen.map((f) => f.code)).toEqual(['OTLP_EXPORT_FAILED']);
      expect(getMonitorFaultCounts().get('OTLP_EXPORT_FAILED')).toBe(before + 1);
    } finally {
      setMonitorDiagnostics(undefined);
    }
  });

  it('shutdown returns by its deadline against a hung collector', async () => {
    receiver.failAlways({ kind: 'hang' });
    const e = exporter({ timeoutMs: 60_000, shutdownTimeoutMs: 200 });
    const pending = e.export(spans);
    await receiver.waitForRequests(1);
    const started = Date.now();
    await e.shutdown();
    // Far below the 60 s export timeout: shutdown aborted the hung request.
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(pending).rejects.toBeInstanceOf(OtlpExportError);
    await expect(e.export(spans)).rejects.toThrow(/shut down/);
    expect(faults.map((f) => f.code)).toContain('OTLP_EXPORT_AFTER_SHUTDOWN');
  });

  it('keeps the tracer bounded while the collector is down, counts every span, and resumes', async () => {
    await receiver.stop();
    const exportErrors: unknown[] = [];
    const e = exporter({ timeoutMs: 200 });
    const tracer = new Tracer({
      serviceName: 'svc',
      exporter: e,
      trackLeaks: false,
      batch: { maxQueueSize: 100, maxExportBatchSize: 50, scheduledDelayMs: 10 },
      onExportError: (error) => exportErrors.push(error),
    });
    const processor = tracer.processor as BatchSpanProcessor;
    let maxQueued = 0;
    for (let i = 0; i < 1000; i++) {
      tracer.startSpan(`op${i}`, { parent: null }).end();
      maxQueued = Math.max(maxQueued, processor.stats().queuedSpans);
    }
    await tracer.forceFlush();
    const down = processor.stats();
    expect(maxQueued).toBeLessThanOrEqual(100);
    // Every span is accounted for: dropped at the full queue, or lost in a failed export.
    expect(down.droppedSpans + down.failedSpans).toBe(1000);
    expect(e.stats().droppedItems).toBe(down.failedSpans);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.every((f) => f.code === 'OTLP_EXPORT_FAILED')).toBe(true);

    await receiver.start();
    for (let i = 0; i < 10; i++) tracer.startSpan(`after${i}`, { parent: null }).end();
    await tracer.shutdown();
    const names = receiver
      .accepted('traces')
      .flatMap((r) => r.body.resourceSpans[0].scopeSpans[0].spans.map((s: any) => s.name));
    expect(names).toHaveLength(10);
    expect(names[0]).toBe('after0');
  });
});
