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

/** @type {import('jest').Config} */
export default { ...project, testTimeout: rootConfig.testTimeout };
