import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assetDirectories, loadPageAssets, moduleDirectory } from '../../src/server/pageAssets.js';

// The bundled assets are found from wherever the package is loaded: its built ESM and CJS files
// (next to them), and its TypeScript sources, under jest's CommonJS transform or run as raw ESM
// (tsx, `--conditions @lexigram/source`), where there is no `__dirname`.
const PACKAGE_DIR = resolve(__dirname, '..', '..');
const ROOT = resolve(PACKAGE_DIR, '..', '..');
const DIST_ASSETS = join(PACKAGE_DIR, 'dist', 'assets');
const BUILT = existsSync(join(PACKAGE_DIR, 'dist', 'index.js')) && existsSync(DIST_ASSETS);

/** Run `code` in a fresh node process from the repository root; its stdout. */
function node(args: string[], code: string): string {
  return execFileSync(process.execPath, [...args, '-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  }).trim();
}

// Loads the package through `entry`, serves it on a port and fetches the script: its status
// and whether the body is the bundled file.
const serveScript = (load: string) => `
${load}
const { createServer } = require('node:http');
const dashboard = createDashboard({ enabled: true });
const server = createServer((req, res) => void dashboard.handler(req, res));
server.listen(0, '127.0.0.1', async () => {
  const response = await fetch('http://127.0.0.1:' + server.address().port + '/app.js');
  const body = Buffer.from(await response.arrayBuffer());
  const built = require('node:fs').readFileSync(${JSON.stringify(join(DIST_ASSETS, 'app.js'))});
  console.log(JSON.stringify({ status: response.status, same: body.equals(built) }));
  server.close();
  await dashboard.close();
});`;

describe('page assets lookup', () => {
  it('from the sources under jest (CommonJS): the package dist/assets', () => {
    expect(moduleDirectory()).toBe(join(PACKAGE_DIR, 'src', 'server'));
    expect(assetDirectories()).toContain(DIST_ASSETS);
    expect(assetDirectories(join(PACKAGE_DIR, 'dist'))[0]).toBe(DIST_ASSETS);
    if (BUILT) {
      expect(loadPageAssets()?.script.equals(readFileSync(join(DIST_ASSETS, 'app.js')))).toBe(true);
    }
  });

  const whenBuilt = BUILT || process.env['CI'] === 'true' ? it : it.skip;
  if (!BUILT) {
    console.warn('dashboard not built: the dist cases of pageAssets.test.ts need `pnpm build`');
  }

  it('from the sources run as raw ESM (tsx): the package dist/assets, without __dirname', () => {
    const url = (file: string) => new URL(`file://${join(PACKAGE_DIR, 'src', file)}`).href;
    // One process: the lookup's answer, then (once built) the script served from the sources.
    const out = node(
      ['--conditions=@lexigram/source', '--import', 'tsx', '--input-type=module'],
      `const m = await import(${JSON.stringify(url('server/pageAssets.ts'))});
console.log(JSON.stringify({ dirname: typeof __dirname, dirs: m.assetDirectories() }));
${
  BUILT
    ? serveScript(`import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { createDashboard } = await import(${JSON.stringify(url('index.ts'))});`)
    : ''
}`,
    );
    const [lookup, served] = out.split('\n');
    const { dirname, dirs } = JSON.parse(lookup!) as { dirname: string; dirs: string[] };
    expect(dirname).toBe('undefined');
    expect(dirs.map((d) => resolve(d))).toContain(DIST_ASSETS);
    if (BUILT) expect(JSON.parse(served!)).toEqual({ status: 200, same: true });
  });

  whenBuilt('from the ESM build: serves the bundled script', () => {
    const entry = new URL(`file://${join(PACKAGE_DIR, 'dist', 'index.js')}`).href;
    const out = node(
      ['--input-type=module'],
      serveScript(`import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { createDashboard } = await import(${JSON.stringify(entry)});`),
    );
    expect(JSON.parse(out)).toEqual({ status: 200, same: true });
  });

  whenBuilt('from the CJS build: serves the bundled script', () => {
    const entry = join(PACKAGE_DIR, 'dist', 'index.cjs');
    const out = node(
      [],
      `(async () => {${serveScript(`const { createDashboard } = require(${JSON.stringify(entry)});`)}})();`,
    );
    expect(JSON.parse(out)).toEqual({ status: 200, same: true });
  });
});
