import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Run `command` for a test that installs packed tarballs into a temporary application (npm,
 * pnpm, node), quietly, returning its stdout; throws with its stderr when it fails. Imports
 * nothing of ours, so core's own tests can use it by path (core cannot depend on this package).
 */
export function runOutsideWorkspace(command: string, args: string[], cwd: string): string {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_loglevel: 'error',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  // pnpm's bin shims put the workspace's hoisted node_modules on NODE_PATH: the temporary
  // application would then resolve every workspace package from there, installed or not.
  delete env.NODE_PATH;
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
}

/**
 * Pack the package in `dir` into `destination` and return the tarball's path. `pnpm` (the
 * default) rewrites `workspace:` ranges, exactly what gets published; `npm` packs a package
 * outside the workspace (a fixture).
 */
export function packTarball(dir: string, destination: string, manager: 'pnpm' | 'npm' = 'pnpm') {
  const before = new Set(readdirSync(destination));
  runOutsideWorkspace(manager, ['pack', '--pack-destination', destination], dir);
  const added = readdirSync(destination).filter((f) => !before.has(f) && f.endsWith('.tgz'));
  if (added.length !== 1) throw new Error(`${manager} pack in ${dir} wrote ${added.join(', ')}`);
  return join(destination, added[0]!);
}
