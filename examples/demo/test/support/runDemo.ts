import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Run the demo (all sections, or those whose file name contains one of `sections`) the way a
 * user does, against the built packages, and return what it printed.
 */
export function runDemo(...sections: string[]): string {
  return execFileSync('pnpm', ['exec', 'tsx', 'src/main.ts', ...sections], {
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
    env: { ...process.env, LEX_ENV: '' },
    timeout: 120_000,
  });
}
