/**
 * The README's quick start as a user meets it: the packages are packed as tarballs and installed
 * into a copy of examples/quickstart with npm (hoisted) and with pnpm (strict layout), once with
 * only core + metrics and once with every package, then the application runs.
 */
import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packTarball, runOutsideWorkspace as sh } from '../tools/test-support/src/packedInstall.js';

const root = join(__dirname, '..');
const ALL = [
  'core',
  'metrics',
  'tracing',
  'health',
  'profiling',
  'slo',
  'middleware',
  'backend-prometheus',
  'backend-otel',
];

describe('examples/quickstart installed from packed tarballs', () => {
  let work: string;
  const tarballs = new Map<string, string>();

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'lexigram-quickstart-'));
    const packs = join(work, 'packs');
    mkdirSync(packs);
    for (const pkg of ALL) {
      tarballs.set(`@lexigram/monitor-${pkg}`, packTarball(join(root, 'packages', pkg), packs));
    }
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function makeApp(name: string, packages: readonly string[]): string {
    const dir = join(work, name);
    mkdirSync(dir);
    const deps = Object.fromEntries(
      packages.map((p) => [
        `@lexigram/monitor-${p}`,
        `file:${tarballs.get(`@lexigram/monitor-${p}`)}`,
      ]),
    );
    // Our packages depend on core by version; point that at the tarball too.
    const overrides = { '@lexigram/monitor-core': deps['@lexigram/monitor-core'] };
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name,
        private: true,
        type: 'module',
        dependencies: deps,
        overrides,
        pnpm: { overrides },
      }),
    );
    copyFileSync(join(root, 'examples', 'quickstart', 'main.mjs'), join(dir, 'main.mjs'));
    return dir;
  }

  function run(dir: string): Record<string, unknown> {
    return JSON.parse(sh('node', ['main.mjs'], dir).trim().split('\n').pop()!) as Record<
      string,
      unknown
    >;
  }

  const installs: Record<string, (dir: string) => void> = {
    npm: (dir) => void sh('npm', ['install', '--no-package-lock', '--prefer-offline'], dir),
    pnpm: (dir) => {
      writeFileSync(join(dir, 'pnpm-workspace.yaml'), 'packages: []\n');
      sh('pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline'], dir);
    },
  };

  for (const [manager, install] of Object.entries(installs)) {
    it(`${manager}: core + metrics only: metrics wired, everything else a no-op`, () => {
      const dir = makeApp(`${manager}-minimal`, ['core', 'metrics']);
      install(dir);
      const result = run(dir);
      expect(result['installed']).toEqual({
        metrics: true,
        otlp: false,
        tracing: false,
        health: false,
        profiling: false,
        slo: false,
        middleware: false,
      });
      expect(result['body']).toBe('hi');
      expect(result['requestMetric']).toBe(false);
      expect(result['spans']).toBe(0);
    }, 300_000);

    it(`${manager}: every package: traced, measured, health-checked`, () => {
      const dir = makeApp(`${manager}-full`, ALL);
      install(dir);
      const result = run(dir);
      expect(Object.values(result['installed'] as object).every(Boolean)).toBe(true);
      expect(result).toMatchObject({
        body: 'hi',
        metricsStatus: 200,
        healthStatus: 200,
        requestMetric: true,
      });
      expect(result['spans']).toBeGreaterThanOrEqual(1);
      expect(result['shutdown']).toEqual(
        expect.arrayContaining([
          'drain:readiness fails:done',
          'drain:in-flight requests finish:done',
        ]),
      );
    }, 300_000);
  }
});
