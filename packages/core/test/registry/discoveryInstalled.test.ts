/**
 * Backend discovery as a user meets it: core and a third-party fixture backend are packed as
 * tarballs and installed into a temporary application, once with npm (hoisted node_modules) and
 * once with pnpm (strict, symlinked layout), then the application looks for backends.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// By path: core cannot depend on @lexigram/test-support, which depends on core.
import {
  packTarball,
  runOutsideWorkspace as sh,
} from '../../../../tools/test-support/src/packedInstall.js';

const coreDir = join(__dirname, '..', '..');
const fixtureDir = join(__dirname, '..', 'fixtures', 'backend-fixture');

const APP_SCRIPT = `
import { BackendRegistry, BackendNotAvailableError, createMetricsBackend } from '@lexigram/monitor-core';
const result = {};
const registry = BackendRegistry.withDefaults();
result.found = (await registry.discover({ packages: ['lexigram-monitor-backend-fixture'] }))
  .filter((p) => p.found).map((p) => ({ name: p.packageName, types: p.types, error: p.error ? String(p.error) : undefined }));
try {
  const backend = await createMetricsBackend({ backendType: 'fixture', backendPackages: ['lexigram-monitor-backend-fixture'] });
  backend.recordMetric('hits', 2, 'counter');
  result.backend = backend.constructor.name;
} catch (error) { result.backendError = String(error); }
try { await createMetricsBackend({ backendType: 'prometheus' }); } catch (error) {
  result.missing = { name: error.name, packageName: error.packageName, isBackendError: error instanceof BackendNotAvailableError, message: error.message };
}
console.log(JSON.stringify(result));
`;

const APP_SCRIPT_CJS = `
const { createMetricsBackend } = require('@lexigram/monitor-core');
createMetricsBackend({ backendType: 'fixture', backendPackages: ['lexigram-monitor-backend-fixture'] })
  .then((b) => console.log(JSON.stringify({ backend: b.constructor.name })), (e) => console.log(JSON.stringify({ error: String(e) })));
`;

describe('backend discovery in an installed application', () => {
  let work: string;
  let coreTarball: string;
  let fixtureTarball: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'lexigram-packed-'));
    const packs = join(work, 'packs');
    mkdirSync(packs);
    coreTarball = packTarball(coreDir, packs);
    fixtureTarball = packTarball(fixtureDir, packs, 'npm');
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function makeApp(name: string, withFixture: boolean): string {
    const dir = join(work, name);
    mkdirSync(dir);
    const dependencies: Record<string, string> = {
      '@lexigram/monitor-core': `file:${coreTarball}`,
    };
    if (withFixture) dependencies['lexigram-monitor-backend-fixture'] = `file:${fixtureTarball}`;
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name, private: true, type: 'module', dependencies }),
    );
    writeFileSync(join(dir, 'main.mjs'), APP_SCRIPT);
    writeFileSync(join(dir, 'main.cjs'), APP_SCRIPT_CJS);
    return dir;
  }

  function expectFound(output: string): void {
    const result = JSON.parse(output.trim().split('\n').pop()!);
    expect(result.found).toEqual([
      { name: 'lexigram-monitor-backend-fixture', types: ['fixture'] },
    ]);
    expect(result.backend).toBe('FixtureBackend');
    expect(result.missing).toMatchObject({
      name: 'BackendNotAvailableError',
      packageName: '@lexigram/monitor-backend-prometheus',
      isBackendError: true,
    });
    expect(result.missing.message).toContain('npm install @lexigram/monitor-backend-prometheus');
  }

  it('npm: finds the installed backend and names the missing one', () => {
    const app = makeApp('npm-app', true);
    sh('npm', ['install', '--no-package-lock', '--prefer-offline'], app);
    expectFound(sh('node', ['main.mjs'], app));
    expect(JSON.parse(sh('node', ['main.cjs'], app))).toEqual({ backend: 'FixtureBackend' });
  });

  it('pnpm (strict layout): finds the installed backend and names the missing one', () => {
    const app = makeApp('pnpm-app', true);
    writeFileSync(join(app, 'pnpm-workspace.yaml'), 'packages: []\n');
    sh(
      'pnpm',
      ['install', '--no-frozen-lockfile', '--prefer-offline', '--config.auto-install-peers=true'],
      app,
    );
    expectFound(sh('node', ['main.mjs'], app));
    expect(JSON.parse(sh('node', ['main.cjs'], app))).toEqual({ backend: 'FixtureBackend' });
  });

  it('without the backend installed, asking for it is a BackendNotAvailableError', () => {
    const app = makeApp('bare-app', false);
    sh('npm', ['install', '--no-package-lock', '--prefer-offline'], app);
    const result = JSON.parse(sh('node', ['main.mjs'], app).trim());
    expect(result.found).toEqual([]);
    expect(result.backendError).toMatch(
      /BackendNotAvailableError: Monitoring backend "fixture" is not available/,
    );
  });
});
