// Every package (and the repository-level checks in `test/`) runs as its own jest project, on
// one shared transform, so `pnpm test` at the root runs them all in one process pool.
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const root = import.meta.dirname;

// What tsup.shared.ts inlines at build: each package's `src/version.ts` reads its own entry, so
// tests see the version package.json has now (a `changeset version` bump breaks nothing).
/** @type {Record<string, string>} */
const packageVersions = {};
for (const entry of existsSync(join(root, 'packages')) ? readdirSync(join(root, 'packages')) : []) {
  const file = join(root, 'packages', entry, 'package.json');
  if (!existsSync(file)) continue;
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  packageVersions[manifest.name] = manifest.version;
}

/** @param {string} dir @param {string} name */
function project(dir, name) {
  return {
    displayName: name,
    rootDir: dir,
    testEnvironment: 'node',
    globals: { __LEXIGRAM_PACKAGE_VERSIONS__: packageVersions },
    testMatch: ['<rootDir>/test/**/*.test.ts'],
    // Tests run against the TypeScript sources of every workspace package, not their builds.
    testEnvironmentOptions: {
      customExportConditions: ['@lexigram/source', 'node', 'require', 'default'],
    },
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: {
      '^.+\\.tsx?$': ['ts-jest', { tsconfig: join(root, 'tsconfig.jest.json') }],
    },
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  };
}

const projects = [project(root, 'repo')];
for (const group of ['packages', 'examples']) {
  const base = join(root, group);
  if (!existsSync(base)) continue;
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(join(base, entry.name, 'test'))) {
      projects.push(
        project(join(base, entry.name), `${group === 'packages' ? '' : 'example-'}${entry.name}`),
      );
    }
  }
}

/** @type {import('jest').Config} */
export default {
  projects,
  testTimeout: 20000,
  // Jest's default (cores − 1) runs every suite in one worker on a two-core machine, while the
  // longest suites (release, packaging, README blocks) mostly wait on child processes.
  maxWorkers: Math.max(2, availableParallelism() - 1),
};
