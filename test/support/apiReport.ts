/**
 * API reports: the public surface of every published package, as the declarations a user of its
 * built `.d.ts` sees, written to `packages/<folder>/api/<folder>.api.md` and checked in. Compiled
 * with one TypeScript program over every package's sources (declaration emit in memory, with
 * `stripInternal` as the build uses), so it needs no build and takes a few seconds.
 *
 * Reported: every entry of a package's `exports` map except `./package.json` and `./internal`
 * (core's unstable subpath: only our own packages import it and it carries no semver promise).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/** One package's report: where it is committed and what it should say. */
export interface ApiReport {
  readonly folder: string;
  readonly name: string;
  readonly file: string;
  readonly content: string;
  /** Exports without a TSDoc comment (`name`, or `subpath:name` for a subpath entry). */
  readonly undocumented: readonly string[];
}

interface Entry {
  readonly subpath: string;
  readonly source: string;
}

interface PackageEntries {
  readonly folder: string;
  readonly name: string;
  readonly entries: readonly Entry[];
}

const SKIPPED_SUBPATHS = new Set(['./package.json', './internal']);

function packageEntries(root: string): PackageEntries[] {
  const base = join(root, 'packages');
  const found: PackageEntries[] = [];
  for (const dir of readdirSync(base, { withFileTypes: true })) {
    const manifestFile = join(base, dir.name, 'package.json');
    if (!dir.isDirectory() || !existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      name: string;
      exports: Record<string, string | Record<string, unknown>>;
    };
    const entries: Entry[] = [];
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (SKIPPED_SUBPATHS.has(subpath) || typeof target !== 'object') continue;
      const source = target['@lexigram/source'];
      if (typeof source !== 'string') continue;
      entries.push({ subpath, source: join(base, dir.name, source) });
    }
    found.push({ folder: dir.name, name: manifest.name, entries });
  }
  return found.sort((a, b) => a.folder.localeCompare(b.folder));
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function statementNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((d) =>
      ts.isIdentifier(d.name) ? [d.name.text] : [],
    );
  }
  if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isModuleDeclaration(statement)) &&
    statement.name &&
    ts.isIdentifier(statement.name)
  ) {
    return [statement.name.text];
  }
  return [];
}

/** A class without its private members: their names are not part of what a user can call. */
function withoutPrivate(statement: ts.Statement): ts.Statement {
  if (!ts.isClassDeclaration(statement)) return statement;
  const members = statement.members.filter(
    (m) =>
      !(m.name && ts.isPrivateIdentifier(m.name)) &&
      !(ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Private),
  );
  return ts.factory.updateClassDeclaration(
    statement,
    statement.modifiers,
    statement.name,
    statement.typeParameters,
    statement.heritageClauses,
    members,
  );
}

/** The emitted declarations of one source file, by top-level name, printed without comments. */
function declarationsByName(dts: string, fileName: string): Map<string, string[]> {
  const file = ts.createSourceFile(fileName, dts, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const byName = new Map<string, string[]>();
  for (const statement of file.statements) {
    for (const name of statementNames(statement)) {
      const printed = printer.printNode(ts.EmitHint.Unspecified, withoutPrivate(statement), file);
      byName.set(name, [...(byName.get(name) ?? []), printed]);
    }
  }
  return byName;
}

function entryReport(
  checker: ts.TypeChecker,
  program: ts.Program,
  entry: Entry,
  emitted: (sourceFile: string) => Map<string, string[]>,
  undocumented: string[],
): string {
  const source = program.getSourceFile(entry.source);
  if (!source) throw new Error(`cannot load ${entry.source}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  const lines: string[] = [];
  for (const exported of [...exports].sort((a, b) => a.getName().localeCompare(b.getName()))) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const exportName = exported.getName();
    const docs = symbol.getDocumentationComment(checker);
    if (docs.length === 0 && symbol.getJsDocTags(checker).length === 0) {
      undocumented.push(entry.subpath === '.' ? exportName : `${entry.subpath}:${exportName}`);
    }
    const declarations = symbol.getDeclarations() ?? [];
    const printed = new Set<string>();
    for (const declaration of declarations) {
      const file = declaration.getSourceFile();
      // A declaration from outside the workspace's sources (node_modules): name it, not its body.
      if (file.isDeclarationFile) {
        printed.add(`export { ${symbol.getName()} } /* from a dependency */;`);
        continue;
      }
      for (const text of emitted(file.fileName).get(symbol.getName()) ?? []) printed.add(text);
    }
    const heading = exportName === symbol.getName() ? '' : `// exported as ${exportName}\n`;
    if (printed.size === 0) lines.push(`${heading}// ${exportName}: no emitted declaration`);
    else lines.push(`${heading}${[...printed].join('\n')}`);
  }
  return lines.join('\n\n');
}

/**
 * Computes every package's report, and which exports lack TSDoc, from one program over all
 * entries (declarations emitted in memory, `stripInternal` on, as the published `.d.ts` are
 * built): one program instead of one per package keeps the repo tests' cost down.
 */
export function computeApiReports(root: string): ApiReport[] {
  const packages = packageEntries(root);
  const rootNames = packages.flatMap((p) => p.entries.map((e) => e.source));
  const program = ts.createProgram(rootNames, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
    types: ['node'],
    customConditions: ['@lexigram/source'],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    declaration: true,
    emitDeclarationOnly: true,
    stripInternal: true,
    removeComments: false,
  });
  // Only the files that declare an exported symbol are emitted (lazily): most of the cost.
  const parsed = new Map<string, Map<string, string[]>>();
  const emitted = (sourceFile: string): Map<string, string[]> => {
    let byName = parsed.get(sourceFile);
    if (!byName) {
      let dts = '';
      program.emit(
        program.getSourceFile(sourceFile),
        (fileName, text) => {
          if (fileName.endsWith('.d.ts')) dts = text;
        },
        undefined,
        true,
      );
      byName = declarationsByName(dts, sourceFile);
      parsed.set(sourceFile, byName);
    }
    return byName;
  };
  const checker = program.getTypeChecker();
  return packages.map((pkg) => {
    const undocumented: string[] = [];
    const sections = pkg.entries.map((entry) => {
      const importPath = entry.subpath === '.' ? pkg.name : `${pkg.name}${entry.subpath.slice(1)}`;
      const body = entryReport(checker, program, entry, emitted, undocumented);
      return `## ${importPath}\n\n\`\`\`ts\n${body}\n\`\`\`\n`;
    });
    const file = join(root, 'packages', pkg.folder, 'api', `${pkg.folder}.api.md`);
    const content = [
      `# API report: ${pkg.name}`,
      '',
      '> Generated by `pnpm api:update` (test/support/apiReport.ts); do not edit by hand. A test',
      '> fails when the public surface differs from this file: update it in the same change.',
      '',
      ...sections,
    ].join('\n');
    return { folder: pkg.folder, name: pkg.name, file, content, undocumented };
  });
}

/** Writes every report; returns the files that changed (relative to `root`). */
export function writeApiReports(root: string): string[] {
  const changed: string[] = [];
  for (const report of computeApiReports(root)) {
    const current = existsSync(report.file) ? readFileSync(report.file, 'utf8') : undefined;
    if (current === report.content) continue;
    mkdirSync(dirname(report.file), { recursive: true });
    writeFileSync(report.file, report.content);
    changed.push(relative(root, report.file));
  }
  return changed;
}
