/**
 * `pnpm bench`: runs every `*.bench.ts` in this folder (or those whose name contains one of the
 * command-line arguments), each comparing Lexigram Monitor with its peer in the same process.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const filters = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

console.log(
  `Node ${process.version} on ${process.platform}/${process.arch}; benches: ${files.join(', ') || 'none'}`,
);
for (const file of files) {
  const mod = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
}
