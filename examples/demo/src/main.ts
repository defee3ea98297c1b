/**
 * Lexigram Monitor demo. Each file in ./sections shows one package, in file-name order; every
 * section runs on embedded defaults (no server to install) and prints what it does. Command-line
 * arguments pick sections by file name.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Section {
  readonly title: string;
  run(): Promise<void>;
}

// `tsx src/main.ts metrics tracing` runs only the sections whose file name contains an argument.
// With no argument (or `--serve`) the demo is a real monitored service; section names run the
// per-package tours below instead. `--serve` keeps the service running and also serves its
// dashboard (./serve.ts), printing the URLs to open.
const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--serve')) {
  const serve = args.includes('--serve');
  const { runServiceDemo } = await import('./service/runServiceDemo.js');
  const shop = await runServiceDemo(serve);
  if (shop) {
    const { serveDemo } = await import('./serve.js');
    const url = await serveDemo(shop);
    // The listening servers keep the process alive until Ctrl+C.
    console.log(`Dashboard: ${url}  (live traffic running; Ctrl+C to stop)`);
  } else {
    console.log('\nDemo finished.');
  }
} else {
  await runSections(args);
}

async function runSections(filters: string[]): Promise<void> {
  const dir = join(import.meta.dirname, 'sections');
  const files = readdirSync(dir)
    .filter((f) => /^\d\d-.*\.ts$/.test(f))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();

  for (const file of files) {
    const section = (await import(pathToFileURL(join(dir, file)).href)) as { default: Section };
    console.log(`\n=== ${section.default.title} ===`);
    await section.default.run();
  }
  console.log('\nDemo finished.');
}
