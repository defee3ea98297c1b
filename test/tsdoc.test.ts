/**
 * The public API carries TSDoc: every symbol a package's entry exports has a documentation
 * comment (checked with the TypeScript compiler, following re-exports to their declarations).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { publishedPackages } from './support/workspace.js';

function undocumentedExports(entry: string): string[] {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    customConditions: ['@lexigram/source'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot load ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const docs = symbol.getDocumentationComment(checker);
    const tags = symbol.getJsDocTags(checker);
    if (docs.length === 0 && tags.length === 0) missing.push(exported.getName());
  }
  return missing.sort();
}

describe.each(publishedPackages().map((p) => [p.folder, p] as const))(
  '%s public API',
  (_f, pkg) => {
    it('documents every export', () => {
      expect(undocumentedExports(join(pkg.dir, 'src', 'index.ts'))).toEqual([]);
    });
  },
);

describe('the TSDoc check', () => {
  it('finds an undocumented export, following re-exports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexigram-tsdoc-'));
    try {
      writeFileSync(
        join(dir, 'a.ts'),
        '/** Documented. */\nexport const a = 1;\nexport function b(): void {}\n',
      );
      writeFileSync(join(dir, 'index.ts'), "export { a, b } from './a.js';\n");
      expect(undocumentedExports(join(dir, 'index.ts'))).toEqual(['b']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
