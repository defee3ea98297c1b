/**
 * The maintainer workflow's command-line tools start on the Node.js this test runs on. A tool
 * whose new major needs a newer Node (as `@changesets/cli` 3 did: it needs Node 22) installs
 * fine and then exits 1 at start, which nothing else in the test command would notice.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support/workspace.js';

function run(bin: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', bin), args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('dev tools start on this Node.js', () => {
  it('changeset status reads the pending changesets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexigram-changeset-status-'));
    try {
      const out = join(dir, 'plan.json');
      // `--since HEAD` judges only uncommitted work, so the check does not depend on a `main` ref.
      const { status, output } = run('changeset', ['status', '--since', 'HEAD', '--output', out]);
      expect({ status, output }).toEqual({ status: 0, output: expect.any(String) });
      const plan = JSON.parse(readFileSync(out, 'utf8')) as {
        changesets: unknown[];
        releases: { name: string; newVersion: string }[];
      };
      expect(Array.isArray(plan.changesets)).toBe(true);
      for (const release of plan.releases) {
        expect(release.name).toMatch(/^@lexigram\/monitor-/);
        expect(release.newVersion).toMatch(/^\d+\.\d+\.\d+/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Every tool a script in the workflow calls (package.json, turbo tasks, RELEASING.md).
  it.each([
    ['changeset', ['--version'], /^\d+\.\d+\.\d+/m],
    ['tsup', ['--version'], /tsup\/\d+\.\d+/],
    ['turbo', ['--version'], /^\d+\.\d+\.\d+/m],
    ['tsc', ['--version'], /Version \d+\.\d+/],
    ['tsx', ['--version'], /tsx v\d+/],
    ['eslint', ['--version'], /v\d+\.\d+/],
    ['prettier', ['--version'], /^\d+\.\d+\.\d+/m],
    ['publint', ['--version'], /\d+\.\d+\.\d+/],
    ['attw', ['--version'], /\d+\.\d+\.\d+/],
    ['verdaccio', ['--version'], /v?\d+\.\d+\.\d+/],
    // `pnpm mutate` (StrykerJS 10 needs Node 22: 9.x is pinned).
    ['stryker', ['--version'], /\d+\.\d+\.\d+/],
  ] as const)('%s %s', (bin, args, expected) => {
    const { status, output } = run(bin, [...args]);
    expect({ status, output }).toEqual({ status: 0, output: expect.stringMatching(expected) });
  });
});
