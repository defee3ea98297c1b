import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DiscoveringHandlerRegistry,
  KNOWN_EXPORTER_PACKAGES,
  discoverExporterHandlers,
  setMonitorDiagnostics,
  type MonitorFault,
} from '@lexigram/monitor-core';

type Config = { type: string; tag?: string };

/** An application folder holding `packages` (name → CommonJS entry source) in node_modules. */
function appDir(packages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexigram-exporters-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"app","private":true}');
  for (const [name, source] of Object.entries(packages)) {
    const pkg = join(dir, 'node_modules', name);
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name, main: './index.cjs' }));
    writeFileSync(join(pkg, 'index.cjs'), source);
  }
  return dir;
}

const EXPORTER_PACKAGE = `
const handler = (kind) => ({ canHandle: (t) => t === 'fixture', create: (c) => kind + ':' + (c.tag ?? '') });
exports.monitorTracingExporters = [handler('tracing')];
exports.monitorMetricsExporters = [handler('metrics')];
`;

describe('DiscoveringHandlerRegistry', () => {
  const dirs: string[] = [];
  const faults: MonitorFault[] = [];
  beforeEach(() => {
    faults.length = 0;
    setMonitorDiagnostics((fault) => faults.push(fault));
  });
  afterEach(() => setMonitorDiagnostics(undefined));
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const app = (packages: Record<string, string>): string => {
    const dir = appDir(packages);
    dirs.push(dir);
    return dir;
  };

  it('knows that otlp comes from the OpenTelemetry backend package', () => {
    expect(KNOWN_EXPORTER_PACKAGES['otlp']).toBe('@lexigram/monitor-backend-otel');
  });

  it('loads the installed package for an unhandled type and uses the handlers of its kind', () => {
    const dir = app({ 'lexigram-exporter-fixture': EXPORTER_PACKAGE });
    const options = { paths: [dir], packages: { fixture: 'lexigram-exporter-fixture' } };
    const tracing = new DiscoveringHandlerRegistry<Config, string>('tracing', options);
    const metrics = new DiscoveringHandlerRegistry<Config, string>('metrics', options);
    expect(tracing.createExporter({ type: 'fixture', tag: 'a' })).toBe('tracing:a');
    expect(metrics.createExporter({ type: 'fixture', tag: 'b' })).toBe('metrics:b');
    expect(tracing.list()).toHaveLength(1);
    expect(tracing.createExporter({ type: 'fixture' })).toBe('tracing:');
    expect(tracing.list()).toHaveLength(1);
    expect(faults).toEqual([]);
  });

  it('asks registered handlers first and does not look a handled type up', () => {
    const registry = new DiscoveringHandlerRegistry<Config, string>('tracing', {
      paths: [app({})],
      packages: { fixture: 'lexigram-exporter-fixture' },
    });
    registry.register({ canHandle: (t) => t === 'fixture', create: () => 'mine' });
    expect(registry.createExporter({ type: 'fixture' })).toBe('mine');
    expect(faults).toEqual([]);
  });

  it('a known type whose package is not installed gives null and one fault naming the package', () => {
    const registry = new DiscoveringHandlerRegistry<Config, string>('metrics', {
      paths: [app({})],
      packages: { ghost: 'lexigram-ghost-exporter' },
    });
    expect(registry.createExporter({ type: 'ghost' })).toBeNull();
    expect(registry.canHandle('ghost')).toBe(false);
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({
      code: 'EXPORTER_NOT_INSTALLED',
      component: 'core.metricsExporterRegistry',
      details: { type: 'ghost', packageName: 'lexigram-ghost-exporter' },
    });
    expect(faults[0]!.message).toContain('npm install lexigram-ghost-exporter');
  });

  it('an unknown type is not looked up at all', () => {
    const registry = new DiscoveringHandlerRegistry<Config, string>('tracing', {
      paths: [app({})],
    });
    expect(registry.createExporter({ type: 'nobody-provides-this' })).toBeNull();
    expect(discoverExporterHandlers('tracing', 'nobody-provides-this')).toBeUndefined();
    expect(faults).toEqual([]);
  });

  it('an installed package that fails to load or lacks the export is reported, not thrown', () => {
    const dir = app({
      'lexigram-broken': "throw new Error('boom at load');",
      'lexigram-empty': 'exports.monitorBackends = [];',
    });
    const registry = new DiscoveringHandlerRegistry<Config, string>('tracing', {
      paths: [dir],
      packages: { broken: 'lexigram-broken', empty: 'lexigram-empty' },
    });
    expect(registry.createExporter({ type: 'broken' })).toBeNull();
    expect(registry.createExporter({ type: 'empty' })).toBeNull();
    expect(faults.map((f) => f.code)).toEqual([
      'EXPORTER_PACKAGE_LOAD_FAILED',
      'EXPORTER_PACKAGE_LOAD_FAILED',
    ]);
    expect(String(faults[0]!.error)).toContain('boom at load');
    expect(faults[1]!.message).toContain('does not export "monitorTracingExporters"');
  });

  it('discover: false asks only registered handlers', () => {
    const dir = app({ 'lexigram-exporter-fixture': EXPORTER_PACKAGE });
    const registry = new DiscoveringHandlerRegistry<Config, string>('tracing', {
      paths: [dir],
      packages: { fixture: 'lexigram-exporter-fixture' },
      discover: false,
    });
    expect(registry.createExporter({ type: 'fixture' })).toBeNull();
    expect(faults).toEqual([]);
  });
});
