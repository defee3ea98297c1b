import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page's bundled script and style, built into the package's `dist/assets/` folder. */
export interface PageAssets {
  readonly script: Buffer;
  readonly style: Buffer;
}

/**
 * The folder this module was loaded from. CommonJS (the CJS build, tests) and the ESM build
 * (tsup's shim) have `__dirname`; the sources run as raw ESM (tsx, `--conditions
 * @lexigram/source`) do not, and this file cannot name `import.meta` (the CommonJS test
 * transform rejects it), so there V8 is asked which file holds this function.
 */
export function moduleDirectory(): string | undefined {
  if (typeof __dirname === 'string') return __dirname;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- only put back, never called here
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 1;
    Error.prepareStackTrace = (_error, frames) => frames;
    const frames = new Error().stack as unknown as NodeJS.CallSite[] | undefined;
    const file = Array.isArray(frames) ? frames[0]?.getFileName() : undefined;
    if (typeof file !== 'string' || file === '') return undefined;
    return dirname(file.startsWith('file:') ? fileURLToPath(file) : file);
  } catch {
    return undefined;
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}

/**
 * Where the bundled assets may be: next to the built file (`dist/assets`), or, from the sources
 * (`src/server`), in the package's `dist/assets` once it is built.
 */
export function assetDirectories(from: string | undefined = moduleDirectory()): string[] {
  if (from === undefined) return [];
  return [join(from, 'assets'), join(from, '..', '..', 'dist', 'assets')];
}

let cached: PageAssets | undefined;

/**
 * Read the bundled assets once. Undefined when the package was not built (`pnpm build` or
 * `node scripts/bundleAssets.mjs` writes them).
 */
export function loadPageAssets(): PageAssets | undefined {
  if (cached) return cached;
  for (const dir of assetDirectories()) {
    const script = join(dir, 'app.js');
    const style = join(dir, 'app.css');
    if (existsSync(script) && existsSync(style)) {
      cached = { script: readFileSync(script), style: readFileSync(style) };
      return cached;
    }
  }
  return undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The page's HTML: no inline script or style (the Content-Security-Policy forbids them); every
 * URL is relative, so the page works under any mount path.
 */
export function pageHtml(title: string): string {
  const t = escapeHtml(title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${t}</title>
<link rel="stylesheet" href="./app.css">
<script src="./app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><h1>${t}</h1><p id="live" class="live" role="status" aria-live="polite">Connecting…</p></header>
<main id="main" class="grid">
<section class="panel" id="panel-overview" aria-labelledby="h-overview"><h2 id="h-overview">Requests</h2><div class="stats" id="overview-stats"></div><div class="chart" id="chart-rate" role="img" aria-label="Request rate and error rate over time"></div><div class="chart" id="chart-latency" role="img" aria-label="Latency p50, p90 and p99 over time"></div></section>
<section class="panel" id="panel-heatmap" aria-labelledby="h-heatmap"><h2 id="h-heatmap">Latency heatmap</h2><canvas id="heatmap" width="600" height="180" role="img" aria-label="Latency distribution over time"></canvas></section>
<section class="panel" id="panel-routes" aria-labelledby="h-routes"><h2 id="h-routes">Routes</h2><div class="scroll"><table id="routes"><caption class="sr">Busiest routes with request rate, error rate and latency quantiles</caption><thead><tr><th scope="col">Route</th><th scope="col">req/s</th><th scope="col">errors</th><th scope="col">p50</th><th scope="col">p90</th><th scope="col">p99</th></tr></thead><tbody></tbody></table></div></section>
<section class="panel" id="panel-traces" aria-labelledby="h-traces"><h2 id="h-traces">Traces</h2><h3>Slowest</h3><ul id="traces-slowest" class="traces"></ul><h3>Failed</h3><ul id="traces-failed" class="traces"></ul></section>
<section class="panel wide" id="panel-waterfall" aria-labelledby="h-waterfall" hidden><h2 id="h-waterfall" tabindex="-1">Trace</h2><button type="button" id="waterfall-close" class="close" aria-label="Close trace">×</button><div id="waterfall"></div></section>
<section class="panel" id="panel-health" aria-labelledby="h-health"><h2 id="h-health">Health</h2><ul id="health" class="checks"></ul></section>
<section class="panel" id="panel-slos" aria-labelledby="h-slos"><h2 id="h-slos">SLOs</h2><div id="slos"></div></section>
<section class="panel" id="panel-runtime" aria-labelledby="h-runtime"><h2 id="h-runtime">Runtime</h2><div class="stats" id="runtime-stats"></div><div class="chart" id="chart-runtime" role="img" aria-label="CPU and event-loop delay over time"></div></section>
<section class="panel" id="panel-faults" aria-labelledby="h-faults"><h2 id="h-faults">Monitor faults</h2><ul id="faults" class="faults"></ul></section>
</main>
</body>
</html>
`;
}
