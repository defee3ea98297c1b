/**
 * `exporterType: 'otlp'` as a user meets it: core, tracing, metrics and this package are packed
 * as tarballs and installed into a temporary application with pnpm (strict, symlinked layout:
 * tracing and metrics cannot see this package, only the application can), then the application
 * asks the tracing and metrics registries for `otlp` without registering anything and ships a
 * span and a counter to a receiver it runs itself. Once as ESM, once as CommonJS.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// By path, as core's discovery test does: the helpers import nothing of ours.
import {
  packTarball,
  runOutsideWorkspace,
} from '../../../../tools/test-support/src/packedInstall.js';

const packagesDir = join(__dirname, '..', '..', '..');
const PACKED = ['core', 'tracing', 'metrics', 'backend-otel'];

const APP_BODY = `
const received = [];
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => { received.push(req.url); res.writeHead(200, { 'content-type': 'application/json' }).end('{}'); });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const endpoint = 'http://127.0.0.1:' + server.address().port;
const faults = [];
setMonitorDiagnostics((f) => faults.push(f.code));
const tracing = TracingExporterRegistry.withDefaults();
const metrics = MetricsExporterRegistry.withDefaults();
const spanExporter = tracing.createExporter({ type: 'otlp', endpoint });
const metricsExporter = metrics.createExporter({ type: 'otlp', endpoint });
const tracer = new Tracer({ serviceName: 'app', exporter: spanExporter, trackLeaks: false });
tracer.startSpan('hello', { parent: null }).end();
await tracer.shutdown();
const collector = new MetricsCollector();
collector.createCounter('hits_total', 'Hits').inc(2);
await new PeriodicMetricsExporter({ producer: collector, exporter: metricsExporter }).stop();
server.close();
console.log(JSON.stringify({
  span: spanExporter && spanExporter.constructor.name,
  metrics: metricsExporter && metricsExporter.constructor.name,
  received: received.sort(),
  faults,
}));
`;

const APP_ESM = `
import { createServer } from 'node:http';
import { setMonitorDiagnostics } from '@lexigram/monitor-core';
import { Tracer, TracingExporterRegistry } from '@lexigram/monitor-tracing';
import { MetricsCollector, MetricsExporterRegistry, PeriodicMetricsExporter } from '@lexigram/monitor-metrics';
${APP_BODY}`;

const APP_CJS = `
const { createServer } = require('node:http');
const { setMonitorDiagnostics } = require('@lexigram/monitor-core');
const { Tracer, TracingExporterRegistry } = require('@lexigram/monitor-tracing');
const { MetricsCollector, MetricsExporterRegistry, PeriodicMetricsExporter } = require('@lexigram/monitor-metrics');
(async () => {${APP_BODY}})();
`;

describe('otlp exporters in an installed application', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'lexigram-otlp-installed-'));
    const packs = join(work, 'packs');
    mkdirSync(packs);
    const deps: Record<string, string> = {};
    for (const pkg of PACKED) {
      deps[`@lexigram/monitor-${pkg}`] = `file:${packTarball(join(packagesDir, pkg), packs)}`;
    }
    const overrides = { '@lexigram/monitor-core': deps['@lexigram/monitor-core'] };
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'app',
        private: true,
        type: 'module',
        dependencies: deps,
        pnpm: { overrides },
      }),
    );
    writeFileSync(join(app, 'pnpm-workspace.yaml'), 'packages: []\n');
    writeFileSync(join(app, 'main.mjs'), APP_ESM);
    writeFileSync(join(app, 'main.cjs'), APP_CJS);
    runOutsideWorkspace('pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline'], app);
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const expected = {
    span: 'OtlpSpanExporter',
    metrics: 'OtlpMetricsExporter',
    received: ['/v1/metrics', '/v1/traces'],
    faults: [],
  };

  it('ESM: both registries create otlp exporters that ship to the endpoint', () => {
    const out = runOutsideWorkspace('node', ['main.mjs'], join(work, 'app'));
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual(expected);
  }, 60_000);

  it('CommonJS: the same', () => {
    const out = runOutsideWorkspace('node', ['main.cjs'], join(work, 'app'));
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual(expected);
  }, 60_000);
});
