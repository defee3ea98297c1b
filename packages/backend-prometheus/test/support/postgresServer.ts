/**
 * Starts the machine's PostgreSQL (15 on our images) in a temporary directory on a free loopback
 * port, as the `postgres` user when running as root (initdb refuses root). Suites that need it
 * skip with a message when no PostgreSQL is installed, except under `CI=true`.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './prometheusTools.js';

/** Directory holding initdb and pg_ctl, if PostgreSQL is installed. */
export function findPostgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
    }
  }
  return undefined;
}

/** A running PostgreSQL: its URL, and stop / start / destroy. */
export interface PostgresServer {
  readonly url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

function asPostgres(bin: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: 'ignore', timeout: 60_000 });
}

/** Init a cluster and start it. */
export async function startPostgres(bin: string): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'lexigram-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'lexi', '--auth=trust']);
  const start = (): void =>
    asPostgres(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-w',
      '-l',
      join(dir, 'log'),
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
      'start',
    ]);
  const stop = (): void =>
    asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-w', '-m', 'fast', 'stop']);
  start();
  return {
    url: `postgres://lexi@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `describe`, or `describe.skip` with a message when PostgreSQL is not installed (never under CI). */
export function describeWithPostgres(title: string, body: (bin: string) => void): void {
  const bin = findPostgresBin();
  if (bin) {
    describe(title, () => body(bin));
    return;
  }
  const reason =
    'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install it with apt-get install -y postgresql';
  if (process.env.CI === 'true') throw new Error(`CI=true and ${reason}`);
  console.warn(`Skipping "${title}": ${reason}`);
  describe.skip(title, () => undefined);
}
