import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { HistogramFamily, GaugeFamily, ReadableSpanData } from '@lexigram/monitor-core';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { InMemorySpanExporter, Tracer } from '@lexigram/monitor-tracing';

/** A real tracer (exporting each span on end) and a real collector, with readers for assertions. */
export function createTelemetry(serviceName = 'svc') {
  const exporter = new InMemorySpanExporter();
  const tracer = new Tracer({ serviceName, exporter, processor: 'simple', trackLeaks: false });
  const metricsCollector = new MetricsCollector();
  return {
    tracer,
    metricsCollector,
    exporter,
    spans: (): readonly ReadableSpanData[] => exporter.getFinishedSpans(),
    serverSpans: (): ReadableSpanData[] =>
      exporter.getFinishedSpans().filter((s) => s.kind === 'server'),
    /** Count of the duration histogram series with these labels (0 when absent). */
    async requestCount(method: string, route: string, status: number | string): Promise<number> {
      const family = (await metricsCollector.collect()).find(
        (f) => f.name === 'http.server.request.duration',
      ) as HistogramFamily | undefined;
      const series = family?.series.find(
        (s) =>
          s.labels['http.request.method'] === method &&
          s.labels['http.route'] === route &&
          s.labels['http.response.status_code'] === String(status),
      );
      return series?.count ?? 0;
    },
    /** Every (method, route, status) label triple recorded. */
    async recordedSeries(): Promise<string[]> {
      const family = (await metricsCollector.collect()).find(
        (f) => f.name === 'http.server.request.duration',
      ) as HistogramFamily | undefined;
      return (family?.series ?? [])
        .map(
          (s) =>
            `${s.labels['http.request.method']} ${s.labels['http.route']} ${s.labels['http.response.status_code']}`,
        )
        .sort();
    },
    async activeRequests(method: string): Promise<number> {
      const family = (await metricsCollector.collect()).find(
        (f) => f.name === 'http.server.active_requests',
      ) as GaugeFamily | undefined;
      return family?.series.find((s) => s.labels['http.request.method'] === method)?.value ?? 0;
    },
  };
}

/** Listen on a loopback port; resolves the base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Close a server and its idle keep-alive sockets. */
export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Wait until `predicate` holds, polling on the event loop (no fixed sleeps in assertions). */
export async function until(
  predicate: () => boolean | Promise<boolean>,
  what: string,
): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Attributes of the span's one `exception` event (fails unless there is exactly one). */
export function exceptionOf(span: ReadableSpanData): Record<string, unknown> {
  const events = span.events.filter((e) => e.name === 'exception');
  expect(events).toHaveLength(1);
  return events[0]!.attributes;
}

/** An error a request handler threw: its class, message, and the test file it was thrown in. */
export interface ThrownError {
  readonly type: string;
  readonly message: string;
  readonly file: string;
}

/**
 * The server span of the request to `urlPath` recorded `error`: its class as `error.type`, an
 * error status with its message, and one `exception` event with a stack from `error.file`.
 */
export function expectErrorSpan(
  t: ReturnType<typeof createTelemetry>,
  urlPath: string,
  error: ThrownError,
): void {
  const span = t.serverSpans().find((s) => s.attributes['url.path'] === urlPath)!;
  expect(span.attributes['error.type']).toBe(error.type);
  expect(span.status).toEqual({ code: 'error', message: error.message });
  expect(exceptionOf(span)).toEqual({
    'exception.type': error.type,
    'exception.message': error.message,
    'exception.stacktrace': expect.stringContaining(error.file),
  });
}
