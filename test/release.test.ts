/**
 * The release, end to end, as RELEASING.md describes it: in a temporary clone of the working
 * tree, `changeset version` → commit → build → `changeset publish` to a local Verdaccio → install
 * every published package into fresh apps with npm and with pnpm → import and require each one,
 * type-check against them (nodenext, ESM and CJS) and check each reports its new version.
 * Packages are found under packages/*, so a new package is released by this test the day it lands.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeConsumerApp, type Release, type Reported } from './support/consumerApp.js';
import { run } from './support/run.js';
import { cloneWorkingTree, git } from './support/tempClone.js';
import { startVerdaccio, type LocalRegistry } from './support/verdaccio.js';
import { ROOT, publishedPackages } from './support/workspace.js';

const packages = publishedPackages();
const work = mkdtempSync(join(tmpdir(), 'lexigram-release-'));
const clone = join(work, 'clone');
const tsc = require.resolve('typescript/bin/tsc');
const typesNode = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies['@types/node']!;

let registry: LocalRegistry | undefined;
let releases: Release[] = [];

const manifestIn = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, any>;

// Generous limits for a loaded machine; the whole file takes about a minute and a half on two idle cores.
jest.setTimeout(600_000);

beforeAll(async () => {
  const registryReady = startVerdaccio(work);
  cloneWorkingTree(clone);
  await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], {
    cwd: clone,
    env: { ...process.env, CI: 'true' },
  });
  registry = await registryReady;
});

afterAll(async () => {
  await registry?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('pnpm release', () => {
  it('refuses to publish while changesets are not applied', async () => {
    const result = await run('node', ['scripts/release.mjs'], { cwd: clone, allowFailure: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('changesets not applied yet');
  });

  it('refuses to publish from a tree with uncommitted changes', async () => {
    writeFileSync(join(clone, 'stray.txt'), 'not committed\n');
    try {
      const result = await run('node', ['scripts/release.mjs'], { cwd: clone, allowFailure: true });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('uncommitted changes');
      expect(result.stderr).toContain('stray.txt');
    } finally {
      rmSync(join(clone, 'stray.txt'));
    }
  });
});

describe('release to a registry', () => {
  it('changeset version bumps every package and writes its changelog', async () => {
    // One patch for every package on top of the pending changesets, so each is released.
    writeFileSync(
      join(clone, '.changeset', 'release-test.md'),
      `---\n${packages.map((p) => `'${p.manifest.name}': patch`).join('\n')}\n---\n\nRelease test.\n`,
    );
    await run('pnpm', ['exec', 'changeset', 'version'], { cwd: clone });
    const left = readdirSync(join(clone, '.changeset')).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    );
    expect(left).toEqual([]);
    releases = packages.map((p) => ({
      name: p.manifest.name as string,
      version: manifestIn(join(clone, 'packages', p.folder)).version as string,
    }));
    for (const [i, p] of packages.entries()) {
      expect(releases[i]!.version).not.toBe(p.manifest.version);
      const changelog = readFileSync(join(clone, 'packages', p.folder, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toContain(`## ${releases[i]!.version}`);
    }
    git(clone, ['add', '-A']);
    git(clone, ['commit', '-q', '-m', 'Version packages']);
  });

  it('builds and publishes every package, tagging each version', async () => {
    expect(releases).toHaveLength(packages.length);
    await run('pnpm', ['-r', '--filter', './packages/*', 'run', 'build'], {
      cwd: clone,
      timeoutMs: 600_000,
    });
    await run('pnpm', ['exec', 'changeset', 'publish'], { cwd: clone, env: registry!.env() });
    const tags = git(clone, ['tag', '--list']).split('\n').filter(Boolean).sort();
    expect(tags).toEqual(releases.map((r) => `${r.name}@${r.version}`).sort());
    for (const r of releases) {
      const response = await fetch(`${registry!.url}${r.name.replace('/', '%2f')}`);
      const packument = (await response.json()) as { 'dist-tags': { latest: string } };
      expect(packument['dist-tags'].latest).toBe(r.version);
    }
  });

  // Both apps install side by side: the installs wait on the network more than on the CPU.
  const managers = ['npm', 'pnpm'] as const;
  const installs = new Map<string, PromiseSettledResult<unknown>>();
  const appOf = (manager: string) => join(work, `app-${manager}`);

  describe('fresh apps', () => {
    beforeAll(async () => {
      expect(releases).toHaveLength(packages.length);
      const results = await Promise.allSettled(
        managers.map((manager) => {
          writeConsumerApp(appOf(manager), releases, typesNode);
          return run(manager, ['install'], {
            cwd: appOf(manager),
            env: registry!.env(),
            timeoutMs: 300_000,
          });
        }),
      );
      managers.forEach((manager, i) => installs.set(manager, results[i]!));
    });

    it.each(managers)('install every published package with %s', (manager) => {
      const result = installs.get(manager);
      if (result?.status === 'rejected') throw result.reason;
      expect(result?.status).toBe('fulfilled');
    });
  });

  describe.each(managers)('installed with %s into a fresh app', (manager) => {
    const app = appOf(manager);
    const installed = () => installs.get(manager)?.status === 'fulfilled';

    it('gets each published tarball with its changelog, and no workspace: ranges', () => {
      expect(installed()).toBe(true);
      for (const r of releases) {
        const dir = join(app, 'node_modules', ...r.name.split('/'));
        const manifest = manifestIn(dir);
        expect(manifest.version).toBe(r.version);
        expect(JSON.stringify(manifest)).not.toContain('workspace:');
        for (const file of [
          'CHANGELOG.md',
          'README.md',
          'LICENSE',
          'dist/index.js',
          'dist/index.cjs',
        ]) {
          expect([r.name, file, existsSync(join(dir, file))]).toEqual([r.name, file, true]);
        }
        expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toContain(`## ${r.version}`);
      }
    });

    it.each(['esm.mjs', 'cjs.cjs'])('%s loads every package at its new version', async (file) => {
      expect(installed()).toBe(true);
      const { stdout } = await run('node', [file], { cwd: app, timeoutMs: 30_000 });
      const reported = JSON.parse(stdout) as Reported;
      for (const r of releases) {
        expect(reported[r.name]).toEqual({
          name: r.name,
          version: r.version,
          exportCount: expect.any(Number),
        });
        expect(reported[r.name]!.exportCount).toBeGreaterThan(2);
      }
    });

    it('type-checks ESM and CJS consumers (module nodenext)', async () => {
      expect(installed()).toBe(true);
      const result = await run('node', [tsc, '-p', 'tsconfig.json'], {
        cwd: app,
        allowFailure: true,
        timeoutMs: 60_000,
      });
      expect(`${result.stdout}${result.stderr}`).toBe('');
      expect(result.status).toBe(0);
    });
  });
});
