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
// `--serve` starts the dashboard demo instead (see ./serve.ts).
const serve = process.argv.includes('--serve');
const filters = process.argv.slice(2).filter((a) => a !== '--serve');
const dir = join(import.meta.dirname, 'sections');
const files = readdirSync(dir)
  .filter((f) => /^\d\d-.*\.ts$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (serve) {
  const { serveDemo } = await import('./serve.js');
  const url = await serveDemo();
  // The listening server keeps the process alive until Ctrl+C.
  console.log(`Dashboard: ${url}  (live traffic running; Ctrl+C to stop)`);
}

for (const file of serve ? [] : files) {
  const section = (await import(pathToFileURL(join(dir, file)).href)) as { default: Section };
  console.log(`\n=== ${section.default.title} ===`);
  await section.default.run();
}
if (!serve) console.log('\nDemo finished.');
