// Shared StrykerJS settings: every `stryker/<package>.config.mjs` calls `packageConfig` with the
// core-logic files it mutates. Run one through `pnpm mutate <package> [files...]`
// (scripts/mutate.mjs); it is never part of the test command (far too slow on two cores).
import { cpus, loadavg } from 'node:os';

/**
 * The Stryker options of one package's run.
 *
 * @param {string} name package folder under `packages/`
 * @param {string[]} mutate files to mutate, relative to the package folder
 * @param {{ timeoutMS?: number, relatedTests?: boolean }} [options]
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function packageConfig(name, mutate, options = {}) {
  // Read by stryker/jest.config.mjs in every test-runner process (they inherit the environment).
  process.env.LEXIGRAM_MUTATE_PACKAGE = name;
  const dir = `packages/${name}`;
  return {
    packageManager: 'pnpm',
    // Under pnpm, Stryker's automatic plugin discovery finds none of these: list them.
    plugins: ['@stryker-mutator/jest-runner', '@stryker-mutator/typescript-checker'],
    testRunner: 'jest',
    jest: {
      projectType: 'custom',
      configFile: 'stryker/jest.config.mjs',
      // Tests that import their own package by name (`from '@lexigram/monitor-health'`) are
      // invisible to jest's related-test search; per-test coverage still limits each mutant to
      // the tests that reach it.
      enableFindRelatedTests: options.relatedTests ?? false,
    },
    checkers: ['typescript'],
    tsconfigFile: `${dir}/tsconfig.json`,
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: 'perTest',
    mutate: mutate.map((file) => `${dir}/${file}`),
    // Two cores are usually shared: one worker unless the machine is idle (`--concurrency`
    // on the command line wins).
    concurrency: loadavg()[0] < 3 && cpus().length > 1 ? 2 : 1,
    timeoutMS: options.timeoutMS ?? 10_000,
    // A static mutant (a module-level constant) reruns the whole suite of the package, minutes
    // each here; they are reported as ignored instead.
    ignoreStatic: true,
    // Reuses the results of mutants whose code and tests did not change since the last run.
    // The file is a local cache of this checkout (gitignored, like the reports).
    incremental: true,
    incrementalFile: `reports/mutation/${name}/stryker-incremental.json`,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
    jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
    clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
    // The sandbox needs the package, its dependencies' sources, the shared test helpers and the
    // builds (a few tests load `dist/`); benchmarks, examples and old reports are left out.
    ignorePatterns: ['**/.turbo', '**/coverage', 'reports', 'bench', 'examples', 'docs', '.tools'],
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    thresholds: { high: 90, low: 85, break: null },
  };
}
