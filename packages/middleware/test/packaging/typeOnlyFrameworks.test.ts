import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const SRC = join(__dirname, '..', '..', 'src');
const FRAMEWORKS = /^(?:express|fastify|koa|@koa\/router|hono|@hono\/node-server)(?:\/.*)?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Every import of a framework that would survive compilation (not type-only). */
function runtimeFrameworkImports(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      const spec = node.moduleSpecifier;
      if (spec !== undefined && ts.isStringLiteral(spec) && FRAMEWORKS.test(spec.text)) {
        const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
        const typeOnly = ts.isImportDeclaration(node)
          ? clause !== undefined &&
            (clause.isTypeOnly ||
              (clause.name === undefined &&
                clause.namedBindings !== undefined &&
                ts.isNamedImports(clause.namedBindings) &&
                clause.namedBindings.elements.every((e) => e.isTypeOnly)))
          : node.isTypeOnly;
        if (!typeOnly) found.push(`${relative(SRC, file)}: ${spec.text}`);
      }
    }
    if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const arg = node.arguments[0]!;
      const isLoader =
        node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require');
      if (isLoader && ts.isStringLiteral(arg) && FRAMEWORKS.test(arg.text)) {
        found.push(`${relative(SRC, file)}: ${arg.text} (dynamic)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('frameworks are optional peers', () => {
  it('no source file imports a framework at run time', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(runtimeFrameworkImports)).toEqual([]);
  });

  it('the check sees a run-time import when there is one', () => {
    const probe = join(__dirname, 'probe.fixture.txt');
    expect(runtimeFrameworkImports(probe)).toEqual([
      '../test/packaging/probe.fixture.txt: express',
    ]);
  });

  it('lists every framework as an optional peer, never as a dependency', () => {
    const manifest = JSON.parse(readFileSync(join(SRC, '..', 'package.json'), 'utf8'));
    for (const name of ['express', 'fastify', 'koa', 'hono']) {
      expect(manifest.dependencies?.[name]).toBeUndefined();
      expect(manifest.peerDependenciesMeta[name]).toEqual({ optional: true });
    }
    expect(Object.keys(manifest.dependencies)).toEqual(['@lexigram/monitor-core']);
  });
});
