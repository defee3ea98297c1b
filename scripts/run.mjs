#!/usr/bin/env node
// Entry point of the README's commands (`npm run demo`, `npm test`, `npm run bench`). A fresh
// machine has Node.js and npm only: this makes sure the pinned pnpm is available (globally, or
// in a project-local .tools folder when a global install is not allowed), installs the workspace
// from the lockfile, then runs the requested task with pnpm.
import { spawnSync } from 'node:child_process';
import { delimiter, join, resolve } from 'node:path';

const PNPM_VERSION = '10.34.9';
const TASKS = { demo: 'demo:run', test: 'test:all', bench: 'bench:run' };

const task = process.argv[2];
if (!(task in TASKS)) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(TASKS).join('|')}>`);
  process.exit(2);
}

const root = resolve(import.meta.dirname, '..');
const env = { ...process.env };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, env, ...options });
  return result.status ?? 1;
}

function pnpmVersion() {
  const result = spawnSync('pnpm', ['--version'], { cwd: root, env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

if (pnpmVersion() !== PNPM_VERSION) {
  console.log(`> installing pnpm ${PNPM_VERSION}`);
  const globalOk = run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]) === 0;
  if (!globalOk || pnpmVersion() !== PNPM_VERSION) {
    run('npm', [
      'install',
      '--no-save',
      '--no-package-lock',
      '--prefix',
      join(root, '.tools'),
      `pnpm@${PNPM_VERSION}`,
    ]);
    env.PATH = `${join(root, '.tools', 'node_modules', '.bin')}${delimiter}${env.PATH ?? ''}`;
  }
  if (pnpmVersion() !== PNPM_VERSION) {
    console.error(`Could not install pnpm ${PNPM_VERSION} with npm; install it by hand and retry.`);
    process.exit(1);
  }
}

const frozen = process.env.CI === 'false' ? [] : ['--frozen-lockfile'];
if (run('pnpm', ['install', ...frozen]) !== 0) process.exit(1);
// Extra arguments go to the task, e.g. `npm run bench -- metrics` runs one bench file.
process.exit(run('pnpm', ['run', TASKS[task], ...process.argv.slice(3)]));
