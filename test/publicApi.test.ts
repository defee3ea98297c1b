/**
 * The public API of every published package, from one TypeScript program over all entries:
 * - every export carries TSDoc (following re-exports to their declarations);
 * - the committed API report (`packages/<folder>/api/<folder>.api.md`) matches the surface, so a
 *   change to what a package exports fails here until `pnpm api:update` regenerates the report
 *   and the change commits it (every surface change is visible in review).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeApiReports, type ApiReport } from './support/apiReport.js';
import { ROOT, publishedPackages } from './support/workspace.js';

const folders = publishedPackages()
  .map((p) => p.folder)
  .sort();
let reports: ApiReport[] = [];

beforeAll(() => {
  reports = computeApiReports(ROOT);
}, 240_000);

function reportOf(folder: string): ApiReport {
  const report = reports.find((r) => r.folder === folder);
  if (!report) throw new Error(`no API report computed for packages/${folder}`);
  return report;
}

describe('public API', () => {
  it('is reported for every published package', () => {
    expect(reports.map((r) => r.folder)).toEqual(folders);
  });

  it.each(folders)('%s documents every export', (folder) => {
    expect(reportOf(folder).undocumented).toEqual([]);
  });

  it.each(folders)(
    '%s matches its committed api/<folder>.api.md (else run `pnpm api:update` and commit it)',
    (folder) => {
      const report = reportOf(folder);
      const committed = existsSync(report.file) ? readFileSync(report.file, 'utf8') : '(missing)';
      // jest prints a line diff: the committed report (-) against the current surface (+).
      expect(committed).toBe(report.content);
    },
  );
});

describe('the public API checks', () => {
  function fakeWorkspace(impl: string): string {
    const root = mkdtempSync(join(tmpdir(), 'lexigram-api-'));
    const dir = join(root, 'packages', 'fake');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: '@lexigram/monitor-fake',
        exports: {
          '.': { '@lexigram/source': './src/index.ts' },
          './internal': { '@lexigram/source': './src/internal.ts' },
          './package.json': './package.json',
        },
      }),
    );
    writeFileSync(join(dir, 'src', 'impl.ts'), impl);
    writeFileSync(join(dir, 'src', 'internal.ts'), 'export const hidden = 1;\n');
    writeFileSync(
      join(dir, 'src', 'index.ts'),
      "export { Widget, makeWidget as createWidget } from './impl.js';\n",
    );
    return root;
  }

  const impl = (param: string): string =>
    [
      '/** A widget. */',
      'export class Widget {',
      '  /** @internal */',
      '  secret = 1;',
      '  private hiddenState = 2;',
      `  resize(${param}): number { return this.hiddenState; }`,
      '}',
      'export function makeWidget() { return new Widget(); }',
      'export const notExported = 3;',
      '',
    ].join('\n');

  it('report what a user sees (no @internal, private or unexported detail), see a change and find an undocumented export', () => {
    const root = fakeWorkspace(impl('width: number'));
    try {
      const [before] = computeApiReports(root);
      expect(before?.file).toBe(join(root, 'packages', 'fake', 'api', 'fake.api.md'));
      expect(before?.content).toContain('resize(width: number): number;');
      expect(before?.content).toContain('// exported as createWidget');
      expect(before?.content).toContain('export declare function makeWidget(): Widget;');
      expect(before?.undocumented).toEqual(['createWidget']);
      for (const hidden of ['secret', 'hiddenState', 'notExported', 'hidden = 1', '/internal']) {
        expect(before?.content).not.toContain(hidden);
      }

      writeFileSync(join(root, 'packages', 'fake', 'src', 'impl.ts'), impl('width: string'));
      const [after] = computeApiReports(root);
      expect(after?.content).toContain('resize(width: string): number;');
      expect(after?.content).not.toBe(before?.content);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
