import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A Verdaccio registry on loopback, started by {@link startVerdaccio}. */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** An npm user config naming the registry, with the dummy token npm wants before it publishes. */
  readonly npmrc: string;
  /** Environment for npm / pnpm commands that should use this registry only. */
  env(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts Verdaccio (the workspace's devDependency) with its storage under `dir`: `@lexigram/*`
 * lives only here (never fetched from npmjs), every other package is proxied from the npm
 * registry. Anyone may publish; npm still needs a token line, so the config carries a dummy one.
 */
export async function startVerdaccio(dir: string, readyTimeoutMs = 30_000): Promise<LocalRegistry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(dir, 'verdaccio.yaml');
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      'uplinks:',
      '  npmjs:',
      '    url: https://registry.npmjs.org/',
      '    timeout: 60s',
      'packages:',
      "  '@lexigram/*':",
      '    access: $all',
      '    publish: $all',
      "  '**':",
      '    access: $all',
      '    publish: $all',
      '    proxy: npmjs',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: pretty, level: error }',
      '',
    ].join('\n'),
  );
  const npmrc = join(dir, 'npmrc');
  writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=release-test-dummy\n`);

  const bin = require.resolve('verdaccio/bin/verdaccio');
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '--config', config, '--listen', `127.0.0.1:${port}`],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited at start:\n${output}`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`verdaccio did not answer on ${url} within ${readyTimeoutMs} ms:\n${output}`);
    }
    await sleep(100);
  }

  return {
    url,
    npmrc,
    env(base = process.env) {
      const env: NodeJS.ProcessEnv = {};
      // Settings a parent `pnpm run` exported would otherwise point the child elsewhere.
      for (const [key, value] of Object.entries(base)) {
        if (!/^npm_config_/i.test(key)) env[key] = value;
      }
      return {
        ...env,
        NPM_CONFIG_USERCONFIG: npmrc,
        npm_config_registry: url,
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
      };
    },
    stop,
  };
}
