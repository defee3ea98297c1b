/**
 * Every README code block runs. The TypeScript and JavaScript blocks of the root README and of
 * each package README (found under packages/*) run in a fresh folder whose node_modules holds
 * only what the README's `npm install` line names, linked to the built packages: a block that
 * imports something its install line forgot fails. TypeScript blocks are type-checked (strict,
 * nodenext, against the built declarations) and run through tsx; each block must exit by itself
 * within the timeout and print something a reader would see. What a reader supplies (a database,
 * a request) is declared above the block as a `<!-- readme-test: prelude ... -->` comment.
 * Blocks tagged ts/typescript or js/javascript run; shell, YAML, text and output blocks do not.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseReadme, signalHandlerProblems, type ReadmeBlock } from './support/readmeBlocks.js';
import { run } from './support/run.js';
import { ROOT, publishedPackages } from './support/workspace.js';

const packages = publishedPackages();
const readmes = [join(ROOT, 'README.md'), ...packages.map((p) => join(p.dir, 'README.md'))];
const work = mkdtempSync(join(tmpdir(), 'lexigram-readme-'));
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;
const tsc = require.resolve('typescript/bin/tsc');

/** Where the workspace has a package installed: ours from packages/, the rest from any node_modules. */
function packageDir(name: string): string | undefined {
  const ours = packages.find((p) => p.manifest.name === name);
  if (ours) return ours.dir;
  for (const base of [ROOT, ...packages.map((p) => p.dir)]) {
    const dir = join(base, 'node_modules', ...name.split('/'));
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return undefined;
}

interface Case {
  readonly readme: string;
  readonly block: ReadmeBlock;
  readonly file: string;
  readonly setupProblems: string[];
}

const cases: Case[] = [];
for (const readme of readmes) {
  const { blocks, installed } = parseReadme(readme);
  const id = relative(ROOT, dirname(readme)).replace(/[\\/]/g, '-') || 'root';
  const dir = join(work, id);
  const setupProblems: string[] = [];
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const name of installed) {
    const source = packageDir(name);
    if (!source) {
      setupProblems.push(`${name} (from the install line) is not in the workspace`);
      continue;
    }
    if (name.startsWith('@lexigram/') && !existsSync(join(source, 'dist', 'index.js'))) {
      setupProblems.push(`${name} is not built: run \`pnpm build\` first`);
    }
    const link = join(dir, 'node_modules', ...name.split('/'));
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(source, link, 'dir');
  }
  for (const block of blocks) {
    // A JavaScript block that uses require() and no import is CommonJS.
    const commonJs =
      block.language === 'js' && /\brequire\(/.test(block.code) && !/^import /m.test(block.code);
    const extension = block.language === 'ts' ? 'mts' : commonJs ? 'cjs' : 'mjs';
    const file = join(dir, `block-${block.line}.${extension}`);
    writeFileSync(file, `${block.prelude}\n${block.code}\n`);
    cases.push({ readme: relative(ROOT, readme), block, file, setupProblems });
  }
}

let typeErrors = '';

beforeAll(async () => {
  // Node's types for every block, as a TypeScript user has them (`types: ['node']` below).
  mkdirSync(join(work, 'node_modules', '@types'), { recursive: true });
  symlinkSync(packageDir('@types/node')!, join(work, 'node_modules', '@types', 'node'), 'dir');
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2023'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
      },
      include: ['*/block-*.mts'],
    }),
  );
  const result = await run('node', [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], {
    cwd: work,
    allowFailure: true,
    timeoutMs: 120_000,
  });
  typeErrors = result.stdout;
}, 150_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

it('finds code blocks to run', () => {
  expect(cases.length).toBeGreaterThan(packages.length);
});

describe.each(cases.map((c) => [`${c.readme}:${c.block.line} (${c.block.language})`, c] as const))(
  '%s',
  (_name, c) => {
    it('has what it imports on the install line, and no signal handler that blocks exit', () => {
      expect(c.setupProblems).toEqual([]);
      expect(signalHandlerProblems(c.block.code)).toEqual([]);
    });

    if (c.block.language === 'ts') {
      it('type-checks', () => {
        const mine = relative(work, c.file);
        const errors = typeErrors.split('\n').filter((l) => l.startsWith(mine));
        expect(errors).toEqual([]);
        // tsc checks types only once every file parses and the options hold: a syntax or config
        // error anywhere hides the rest.
        const blocking = typeErrors
          .split('\n')
          .filter((l) => / error TS1\d{3}:/.test(l) || /^error TS/.test(l));
        expect(blocking).toEqual([]);
      });
    }

    it('runs to its end and prints something', async () => {
      const args = c.block.language === 'ts' ? ['--import', tsxLoader, c.file] : [c.file];
      const result = await run('node', args, { cwd: work, allowFailure: true, timeoutMs: 30_000 });
      expect({ status: result.status, stderr: result.stderr }).toEqual({
        status: 0,
        stderr: expect.any(String),
      });
      expect(result.stdout.trim()).not.toBe('');
    }, 40_000);
  },
);
