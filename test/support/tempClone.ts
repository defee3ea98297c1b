import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './workspace.js';

const GIT_IDENTITY = [
  '-c',
  'user.name=Release Test',
  '-c',
  'user.email=release-test@example.invalid',
];

/** Runs git in `cwd` with a fixed identity (the machine may have none configured). */
export function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', [...GIT_IDENTITY, ...args], { cwd, encoding: 'utf8' });
}

/**
 * A clone of the working tree as it is now (tracked files plus new files git does not ignore, so
 * uncommitted work is what gets tested) in `dest`, committed as the first commit of a new `main`.
 * Nothing ignored comes along: no node_modules, no dist.
 */
export function cloneWorkingTree(dest: string): void {
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const target = join(dest, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      cpSync(join(ROOT, file), target, { verbatimSymlinks: true });
    } catch (error) {
      // A file deleted but not yet staged is listed by --cached: it is not part of the tree now.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  git(dest, ['init', '-q', '-b', 'main']);
  git(dest, ['add', '-A']);
  git(dest, ['commit', '-q', '-m', 'snapshot of the working tree']);
}
