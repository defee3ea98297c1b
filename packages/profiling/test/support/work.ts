import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Keep the CPU busy on this thread for `ms`. */
export function spin(ms: number): number {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
  return x;
}

/** Allocate and drop about `count` small objects, which makes V8 scavenge. */
export function churn(count: number): number {
  let keep: { i: number; s: string }[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    keep.push({ i, s: `item-${i}` });
    if (keep.length > 10_000) {
      total += keep.length;
      keep = [];
    }
  }
  return total + keep.length;
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lexigram-profiling-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Node's arguments to run `test/fixtures/<name>` from the TypeScript sources, then `args`. */
export function fixtureArgs(name: string, ...args: string[]): string[] {
  return [
    '--conditions=@lexigram/source',
    '--import',
    'tsx',
    join(__dirname, '..', 'fixtures', name),
    ...args,
  ];
}

/** Run `test/fixtures/<name>` in a fresh Node process and return what it printed. */
export function runFixture(name: string, args: string[], timeoutMs: number): string {
  return execFileSync(process.execPath, fixtureArgs(name, ...args), {
    encoding: 'utf8',
    timeout: timeoutMs,
  });
}
