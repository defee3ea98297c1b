/**
 * The semantic-convention names the middleware records, as the real Prometheus backend exposes
 * them (dots become `_`, the unit a suffix) and as an OTLP exporter would see them (verbatim).
 */
import { createServer, type Server } from 'node:http';
import type { HistogramFamily } from '@lexigram/monitor-core';
import { PrometheusExposition } from '@lexigram/monitor-backend-prometheus';
import { instrumentNodeHttp } from '../../src/index.js';
import { close, createTelemetry, listen, until } from '../support/telemetry.js';

describe('metric names: OpenTelemetry in the snapshot, Prometheus in the exposition', () => {
  const t = createTelemetry();
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const exposition = new PrometheusExposition({ sources: [t.metricsCollector] });
    server = createServer(
      instrumentNodeHttp((_req, res) => res.end('ok'), {
        tracer: t.tracer,
        metricsCollector: t.metricsCollector,
        exposition,
      }),
    );
    base = await listen(server);
  });
  afterAll(async () => close(server));

  it('the snapshot holds http.server.request.duration with dotted labels and seconds', async () => {
    await fetch(`${base}/a`);
    await until(async () => (await t.requestCount('GET', '_UNMATCHED', 200)) === 1, 'count');
    const families = await t.metricsCollector.collect();
    const duration = families.find(
      (f) => f.name === 'http.server.request.duration',
    ) as HistogramFamily;
    expect(duration.type).toBe('histogram');
    expect(duration.unit).toBe('seconds');
    expect(duration.series[0]!.buckets.map((b) => b.upperBound)).toEqual([
      0.005,
      0.01,
      0.025,
      0.05,
      0.075,
      0.1,
      0.25,
      0.5,
      0.75,
      1,
      2.5,
      5,
      7.5,
      10,
      Infinity,
    ]);
    expect(duration.series[0]!.labels).toEqual({
      'http.request.method': 'GET',
      'http.response.status_code': '200',
      'http.route': '_UNMATCHED',
    });
    const active = families.find((f) => f.name === 'http.server.active_requests')!;
    expect(active.type).toBe('gauge');
    expect(active.series[0]!.labels).toEqual({ 'http.request.method': 'GET' });
  });

  it('/metrics exposes http_server_request_duration_seconds labelled http_route', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('# TYPE http_server_request_duration_seconds histogram\n');
    expect(text).toContain(
      'http_server_request_duration_seconds_count{http_request_method="GET",http_response_status_code="200",http_route="_UNMATCHED"} 1\n',
    );
    expect(text).toMatch(
      /http_server_request_duration_seconds_bucket\{http_request_method="GET",http_response_status_code="200",http_route="_UNMATCHED",le="10"\} 1\n/,
    );
    expect(text).toContain('# TYPE http_server_active_requests gauge\n');
    expect(text).toContain('http_server_active_requests{http_request_method="GET"} 0\n');
    expect(text).not.toMatch(/http\.server/);
  });
});
