/**
 * Packaging checks run as tests: every published package has the manifest fields a consumer
 * relies on, passes `publint --strict` and `attw --pack` (ESM + CJS + .d.ts/.d.cts), and obeys
 * the one dependency rule.
 */
import { join } from 'node:path';
import { run } from './support/run.js';
import {
  dependencyRuleViolations,
  manifestProblems,
  publishedPackages,
  ROOT,
} from './support/workspace.js';

const packages = publishedPackages();

// A test waits for its check behind the others in the queue.
jest.setTimeout(300_000);

// publint and attw each pack the package and spend most of their time in their own process, so
// the checks of all packages start together, two at a time (the machine has two cores); each
// test awaits its own. The binaries run directly: `pnpm exec` would add a second start-up.
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const CHECKS = {
  publint: [bin('publint'), '--strict'],
  attw: [bin('attw'), '--pack', '.', '--format', 'ascii'],
} as const;
type Check = keyof typeof CHECKS;

const checks = new Map<string, Promise<string>>();

/** Starts every package's checks, at most two processes at a time. */
function startChecks(): void {
  const tasks: (() => Promise<void>)[] = [];
  for (const pkg of packages) {
    for (const check of Object.keys(CHECKS) as Check[]) {
      const [command, ...args] = CHECKS[check];
      const result = new Promise<string>((resolve, reject) => {
        tasks.push(() =>
          run(command, args, { cwd: pkg.dir, timeoutMs: 300_000 }).then(
            (r) => resolve(r.stdout),
            (error: unknown) => reject(error as Error),
          ),
        );
      });
      // Awaited by its test; this keeps an early failure from being reported as unhandled.
      result.catch(() => undefined);
      checks.set(`${pkg.folder}:${check}`, result);
    }
  }
  const worker = async () => {
    for (let task = tasks.shift(); task; task = tasks.shift()) await task();
  };
  void Promise.all([worker(), worker()]);
}
beforeAll(startChecks);
const checkOf = (folder: string, check: Check) => checks.get(`${folder}:${check}`)!;

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

    it('passes publint --strict', async () => {
      const out = await checkOf(pkg.folder, 'publint');
      expect(out).toContain('All good!');
    });

    it('passes attw --pack (ESM, CJS and their types)', async () => {
      // attw exits non-zero on any problem, which makes the check reject with its report.
      const out = await checkOf(pkg.folder, 'attw');
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
