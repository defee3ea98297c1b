import { mkdtempSync, mkdirSync, cpSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BackendNotAvailableError,
  BackendRegistry,
  InMemoryMetricsBackend,
  NoOpMetricsBackend,
  createMetricsBackend,
  loadConfig,
} from '@lexigram/monitor-core';

const coreDir = join(__dirname, '..', '..');
const fixtureDir = join(__dirname, '..', 'fixtures', 'backend-fixture');

/** An app folder whose node_modules holds core and, optionally, the fixture backend. */
function appDir(withFixture: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexigram-discover-'));
  mkdirSync(join(dir, 'node_modules', '@lexigram'), { recursive: true });
  symlinkSync(coreDir, join(dir, 'node_modules', '@lexigram', 'monitor-core'), 'dir');
  if (withFixture)
    cpSync(fixtureDir, join(dir, 'node_modules', 'lexigram-monitor-backend-fixture'), {
      recursive: true,
    });
  writeFileSync(join(dir, 'package.json'), '{"name":"app","private":true}');
  return dir;
}

describe('BackendRegistry', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('has the built-in memory and noop backends', () => {
    const registry = BackendRegistry.withDefaults();
    expect(registry.createBackend(loadConfig({}, { env: false }))).toBeInstanceOf(
      InMemoryMetricsBackend,
    );
    expect(registry.createBackend({ backendType: 'noop' })).toBeInstanceOf(NoOpMetricsBackend);
  });

  it('names the package to install for a known backend that is not installed', () => {
    const registry = BackendRegistry.withDefaults();
    expect(() => registry.createBackend({ backendType: 'prometheus' })).toThrow(
      BackendNotAvailableError,
    );
    expect(() => registry.createBackend({ backendType: 'opentelemetry' })).toThrow(
      /npm install @lexigram\/monitor-backend-otel/,
    );
  });

  it('discovers a backend package installed in the application', async () => {
    const dir = appDir(true);
    dirs.push(dir);
    const registry = BackendRegistry.withDefaults();
    // A package the app did not install is reported as not found. (The known backend packages
    // are not used for this: inside this workspace, pnpm's NODE_PATH makes them resolvable.)
    const found = await registry.discover({
      paths: [dir],
      packages: ['lexigram-monitor-backend-fixture', 'lexigram-monitor-backend-absent'],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { packageName: 'lexigram-monitor-backend-fixture', found: true, types: ['fixture'] },
        { packageName: 'lexigram-monitor-backend-absent', found: false, types: [] },
      ]),
    );
    const backend = registry.createBackend({ backendType: 'fixture' });
    expect(backend.constructor.name).toBe('FixtureBackend');
  });

  it('reports, without throwing, a package that is installed but broken', async () => {
    const dir = appDir(false);
    dirs.push(dir);
    const broken = join(dir, 'node_modules', 'broken-backend');
    mkdirSync(broken);
    writeFileSync(join(broken, 'package.json'), '{"name":"broken-backend","main":"index.js"}');
    writeFileSync(join(broken, 'index.js'), 'throw new Error("cannot load");');
    const registry = BackendRegistry.withDefaults();
    const found = await registry.discover({ paths: [dir], packages: ['broken-backend'] });
    const entry = found.find((f) => f.packageName === 'broken-backend');
    expect(entry?.found).toBe(true);
    expect((entry?.error as Error).message).toContain('cannot load');
  });

  it('createMetricsBackend discovers packages named in config', async () => {
    const dir = appDir(true);
    dirs.push(dir);
    const backend = await createMetricsBackend(
      { backendType: 'fixture', backendPackages: ['lexigram-monitor-backend-fixture'] },
      { paths: [dir] },
    );
    expect(backend.constructor.name).toBe('FixtureBackend');
    await expect(
      createMetricsBackend({ backendType: 'fixture' }, { paths: [appDir(false)] }),
    ).rejects.toThrow(BackendNotAvailableError);
  });
});
