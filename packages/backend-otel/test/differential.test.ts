import { OtlpMetricsExporter } from '../src/metrics/otlpMetricsExporter.js';
import { OtlpSpanExporter } from '../src/spans/otlpSpanExporter.js';
import { makeCollector } from './support/metrics.js';
import { sendWithOtelSdk } from './support/otelSdk.js';
import { useOtlpReceiver } from './support/otlpReceiver.js';
import { makeSpans } from './support/spans.js';

const VOLATILE = new Set([
  'traceId',
  'spanId',
  'startTimeUnixNano',
  'endTimeUnixNano',
  'timeUnixNano',
]);

/** Drop what legitimately differs between two runs (ids, times) and fix the order of lists. */
function comparable(value: any, key?: string): any {
  if (Array.isArray(value)) {
    const items = value.map((v) => comparable(v, key));
    if (key === 'attributes' || key === 'filteredAttributes') return items;
    return items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(value)) {
      if (VOLATILE.has(k)) continue;
      if (k === 'parentSpanId') {
        out.hasParent = true;
        continue;
      }
      // proto3: a zero count written explicitly (OpenTelemetry does for resources) means absent.
      if (k.startsWith('dropped') && v === 0) continue;
      // monitor-tracing sets W3C Level 2's "random trace id" flag (0x02), the SDK does not: a
      // difference of the tracers, not of the exporters.
      if (k === 'flags') {
        out[k] = (v as number) & ~0x02;
        continue;
      }
      out[k] = comparable(v, k);
    }
    return out;
  }
  return value;
}

// The same telemetry through OpenTelemetry's own SDK and through our exporters, decoded by the
// independent decoder, must be the same OTLP (ids and timestamps aside).
describe('differential: our exporters vs OpenTelemetry SDK', () => {
  const receiver = useOtlpReceiver();

  it('spans', async () => {
    const spans = await makeSpans(3);
    const resource = Object.fromEntries(
      Object.entries({ ...spans[0]!.resource.attributes, 'service.name': 'checkout' }).map(
        ([k, v]) => [k, String(v)],
      ),
    );
    const exporter = new OtlpSpanExporter({ url: `${receiver.endpoint}/v1/traces`, env: false });
    await exporter.export(spans);
    await exporter.shutdown();
    const ours = receiver.requests.map((r) => r.body);
    receiver.requests.length = 0;

    await sendWithOtelSdk({
      signal: 'traces',
      url: `${receiver.endpoint}/v1/traces`,
      resource,
      scope: spans[0]!.instrumentationScope,
      children: 2,
    });
    // The SDK's simple processor sends one request per span; ours sent one batch.
    const theirs = {
      resourceSpans: [
        {
          ...receiver.requests[0]!.body.resourceSpans[0],
          scopeSpans: [
            {
              ...receiver.requests[0]!.body.resourceSpans[0].scopeSpans[0],
              spans: receiver.requests
                .flatMap((r) => r.body.resourceSpans[0].scopeSpans[0].spans)
                .filter((s: any) => s.name !== 'linked'),
            },
          ],
        },
      ],
    };
    expect(ours).toHaveLength(1);
    expect(comparable(ours[0])).toEqual(comparable(theirs));
  });

  it('metrics', async () => {
    const { record, collect } = makeCollector();
    record();
    record();
    const exporter = new OtlpMetricsExporter({
      url: `${receiver.endpoint}/v1/metrics`,
      serviceName: 'shop',
      env: false,
    });
    // OpenTelemetry JS has no summary instrument: compare the kinds both have.
    const families = (await collect()).filter((f) => f.type !== 'summary');
    await exporter.export(families);
    await exporter.shutdown();
    const ours = receiver.requests[0]!.body;
    receiver.requests.length = 0;

    await sendWithOtelSdk({
      signal: 'metrics',
      url: `${receiver.endpoint}/v1/metrics`,
      resource: { 'service.name': 'shop' },
      scope: { name: '@lexigram/monitor-metrics' },
      rounds: 2,
    });
    const theirs = receiver.requests[0]!.body;
    expect(comparable(ours)).toEqual(comparable(theirs));
  });
});
