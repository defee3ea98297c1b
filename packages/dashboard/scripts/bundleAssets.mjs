// Bundles the page (web/app.js, its CSS and uPlot) into dist/assets/app.js and dist/assets/app.css, so
// the published package serves everything itself: no CDN, no network at run time.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: { app: join(root, 'web', 'app.js') },
  outdir: join(root, 'dist', 'assets'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  legalComments: 'none',
  logLevel: 'warning',
});
