import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** A published package of the workspace. */
export interface WorkspacePackage {
  readonly folder: string;
  readonly dir: string;
  readonly manifest: Record<string, any>;
}

/** Every package under packages/. */
export function publishedPackages(): WorkspacePackage[] {
  const base = join(ROOT, 'packages');
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(base, e.name, 'package.json')))
    .map((e) => ({
      folder: e.name,
      dir: join(base, e.name),
      manifest: JSON.parse(readFileSync(join(base, e.name, 'package.json'), 'utf8')),
    }));
}

const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * The one dependency rule (docs/architecture.md): a package depends on @lexigram/monitor-core
 * and on no other package of ours. Returns what breaks it.
 */
export function dependencyRuleViolations(manifest: Record<string, any>): string[] {
  const problems: string[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    for (const dep of Object.keys(manifest[field] ?? {})) {
      if (dep.startsWith('@lexigram/') && dep !== '@lexigram/monitor-core') {
        problems.push(
          `${manifest.name} lists ${dep} in ${field}: packages may depend only on @lexigram/monitor-core`,
        );
      }
    }
  }
  if (
    manifest.name !== '@lexigram/monitor-core' &&
    !manifest.dependencies?.['@lexigram/monitor-core']
  ) {
    problems.push(`${manifest.name} must depend on @lexigram/monitor-core`);
  }
  return problems;
}

/** Packaging fields every published package must have. */
export function manifestProblems(pkg: WorkspacePackage): string[] {
  const m = pkg.manifest;
  const problems: string[] = [];
  if (m.name !== `@lexigram/monitor-${pkg.folder}`)
    problems.push(`name should be @lexigram/monitor-${pkg.folder}`);
  if (m.private) problems.push('published packages are not private');
  if (m.sideEffects !== false) problems.push('sideEffects must be false');
  if (!m.engines?.node) problems.push('engines.node is missing');
  if (m.license !== 'MIT') problems.push('license must be MIT');
  if (m.type !== 'module') problems.push('type must be module');
  if (!Array.isArray(m.files) || !m.files.includes('dist')) problems.push('files must list dist');
  if (m.publishConfig?.access !== 'public') problems.push('publishConfig.access must be public');
  const dot = m.exports?.['.'];
  if (!dot) problems.push('exports["."] is missing');
  else {
    if (dot.import?.types !== './dist/index.d.ts' || dot.import?.default !== './dist/index.js') {
      problems.push(
        'exports["."].import must give types ./dist/index.d.ts and default ./dist/index.js',
      );
    }
    if (
      dot.require?.types !== './dist/index.d.cts' ||
      dot.require?.default !== './dist/index.cjs'
    ) {
      problems.push(
        'exports["."].require must give types ./dist/index.d.cts and default ./dist/index.cjs',
      );
    }
  }
  for (const file of ['README.md', 'LICENSE']) {
    if (!existsSync(join(pkg.dir, file))) problems.push(`${file} is missing`);
  }
  if (
    existsSync(join(pkg.dir, 'LICENSE')) &&
    readFileSync(join(pkg.dir, 'LICENSE'), 'utf8') !== readFileSync(join(ROOT, 'LICENSE'), 'utf8')
  ) {
    problems.push('LICENSE differs from the repository LICENSE');
  }
  for (const script of ['build', 'typecheck', 'lint', 'package-check']) {
    if (!m.scripts?.[script]) problems.push(`scripts.${script} is missing`);
  }
  return problems;
}
