#!/usr/bin/env node
// `pnpm mutate <package> [files...] [-- stryker options]`: mutation-test one package's core logic
// with StrykerJS (config: stryker/<package>.config.mjs). Files, relative to the package folder or
// to the repository, replace the config's `mutate` list for a quick look at one file. Reports go
// to reports/mutation/<package>/ (gitignored). Not part of the test command: a run takes minutes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const configs = readdirSync(join(root, 'stryker'))
  .filter((file) => file.endsWith('.config.mjs') && file !== 'jest.config.mjs')
  .map((file) => file.slice(0, -'.config.mjs'.length))
  .sort();

const args = process.argv.slice(2);
const dashes = args.indexOf('--');
const own = dashes === -1 ? args : args.slice(0, dashes);
const passThrough = dashes === -1 ? [] : args.slice(dashes + 1);
const [name, ...files] = own;

if (name === undefined || !configs.includes(name)) {
  console.error(
    `usage: pnpm mutate <package> [files...] [-- stryker options]\npackages: ${configs.join(', ')}`,
  );
  process.exit(2);
}

const packageDir = join('packages', name);
const mutate = files.map((file) => {
  const fromRoot = existsSync(join(root, file)) ? file : join(packageDir, file);
  if (!existsSync(join(root, fromRoot))) {
    console.error(`pnpm mutate: no such file ${file} (give it relative to ${packageDir}/)`);
    process.exit(2);
  }
  return relative(root, join(root, fromRoot)).split('\\').join('/');
});

// A few tests load the package's build (`dist/`), and the TypeScript checker type-checks them:
// build it (with its dependencies) when such a test exists and the build does not.
function testsLoadDist(dir) {
  return readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory()
      ? testsLoadDist(join(dir, entry.name))
      : entry.name.endsWith('.ts') &&
        readFileSync(join(dir, entry.name), 'utf8').includes('/dist/'),
  );
}
const testDir = join(root, packageDir, 'test');
if (!existsSync(join(root, packageDir, 'dist')) && existsSync(testDir) && testsLoadDist(testDir)) {
  const manifest = JSON.parse(readFileSync(join(root, packageDir, 'package.json'), 'utf8'));
  const build = spawnSync('pnpm', ['turbo', 'run', 'build', `--filter=${manifest.name}...`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const stryker = join(root, 'node_modules', '.bin', 'stryker');
const result = spawnSync(
  stryker,
  [
    'run',
    join('stryker', `${name}.config.mjs`),
    ...(mutate.length > 0 ? ['--mutate', mutate.join(',')] : []),
    ...passThrough,
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
