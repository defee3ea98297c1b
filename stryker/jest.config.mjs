// The jest configuration of a mutation run: only the project of the package under test, taken
// from the root jest.config.js so the transform, export conditions and globals stay identical.
import rootConfig from '../jest.config.js';

const name = process.env.LEXIGRAM_MUTATE_PACKAGE;
const project = rootConfig.projects.find((p) => p.displayName === name);
if (project === undefined) {
  throw new Error(
    `stryker/jest.config.mjs: no jest project named ${JSON.stringify(name)}; run it through \`pnpm mutate <package>\`.`,
  );
}

// `LEXIGRAM_MUTATE_TESTS=test/exposition,test/backend/x.test.ts` narrows the run to those
// folders and files of the package's suite: quicker when end-to-end suites also reach the
// mutated code, and conservative (a mutant only they would kill counts as surviving).
const only = process.env.LEXIGRAM_MUTATE_TESTS?.split(',').filter((path) => path !== '');
const testMatch = only?.length
  ? only.map((path) =>
      path.endsWith('.ts')
        ? `<rootDir>/${path}`
        : `<rootDir>/${path.replace(/\/+$/, '')}/**/*.test.ts`,
    )
  : project.testMatch;

/** @type {import('jest').Config} */
export default { ...project, testMatch, testTimeout: rootConfig.testTimeout };
