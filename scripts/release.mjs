#!/usr/bin/env node
// `pnpm release`: publish what `changeset version` prepared, and nothing else. It refuses to run
// from a tree with uncommitted changes or with changesets not yet applied, runs every test and
// package check, and only then calls `changeset publish` (which tags each published version).
// The whole process is in RELEASING.md.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed; nothing was published.`);
}

const status = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
if (status.status !== 0) fail(`cannot read the git status: ${status.stderr.trim()}`);
if (status.stdout.trim() !== '') {
  fail(
    `the working tree has uncommitted changes; commit or stash them first, so what is published is a commit:\n${status.stdout}`,
  );
}

const pending = readdirSync(join(root, '.changeset')).filter(
  (f) => f.endsWith('.md') && f !== 'README.md',
);
if (pending.length > 0) {
  fail(
    `changesets not applied yet (${pending.join(', ')}): run \`pnpm version-packages\`, review and commit the bumped versions and changelogs, then release.`,
  );
}

// `test` installs from the lockfile and runs build, typecheck, lint, the repository checks and
// every jest project (the release test and the README code blocks among them).
run('pnpm', ['run', 'test']);
run('pnpm', ['run', 'package-check']);
run('pnpm', ['exec', 'changeset', 'publish']);
console.log('release: published; now push the commit and its tags: git push --follow-tags');
