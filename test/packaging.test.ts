/**
 * Packaging checks run as tests: every published package has the manifest fields a consumer
 * relies on, passes `publint --strict` and `attw --pack` (ESM + CJS + .d.ts/.d.cts), and obeys
 * the one dependency rule.
 */
import { execFileSync } from 'node:child_process';
import {
  dependencyRuleViolations,
  manifestProblems,
  publishedPackages,
} from './support/workspace.js';

const packages = publishedPackages();

describe('workspace packages', () => {
  it('exist', () => {
    expect(packages.map((p) => p.folder)).toContain('core');
  });

  describe.each(packages.map((p) => [p.folder, p] as const))('%s', (_folder, pkg) => {
    it('has the manifest fields, README and LICENSE', () => {
      expect(manifestProblems(pkg)).toEqual([]);
    });

    it('depends only on @lexigram/monitor-core among our packages', () => {
      expect(dependencyRuleViolations(pkg.manifest)).toEqual([]);
    });

    it('passes publint --strict', () => {
      const out = execFileSync('pnpm', ['exec', 'publint', '--strict'], {
        cwd: pkg.dir,
        encoding: 'utf8',
      });
      expect(out).toContain('All good!');
    });

    it('passes attw --pack (ESM, CJS and their types)', () => {
      // attw exits non-zero on any problem, which makes execFileSync throw with its report.
      const out = execFileSync('pnpm', ['exec', 'attw', '--pack', '.', '--format', 'ascii'], {
        cwd: pkg.dir,
        encoding: 'utf8',
      });
      expect(out).toContain('No problems found');
    });
  });
});

describe('the dependency rule check', () => {
  it('fails a package that depends on another package of ours', () => {
    expect(
      dependencyRuleViolations({
        name: '@lexigram/monitor-middleware',
        dependencies: {
          '@lexigram/monitor-core': 'workspace:*',
          '@lexigram/monitor-metrics': 'workspace:*',
        },
      }),
    ).toEqual([
      '@lexigram/monitor-middleware lists @lexigram/monitor-metrics in dependencies: packages may depend only on @lexigram/monitor-core',
    ]);
    expect(
      dependencyRuleViolations({
        name: '@lexigram/monitor-slo',
        peerDependencies: { '@lexigram/monitor-tracing': '*' },
      }),
    ).toHaveLength(2);
  });

  it('passes a package that depends on core and third parties', () => {
    expect(
      dependencyRuleViolations({
        name: '@lexigram/monitor-backend-prometheus',
        dependencies: { '@lexigram/monitor-core': 'workspace:*', 'prom-client': '^15' },
      }),
    ).toEqual([]);
  });
});
