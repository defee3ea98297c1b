/**
 * `pnpm api:update`: regenerates every package's API report (`packages/<folder>/api/`). Run it
 * after changing a public export and commit the reports with the change.
 */
import { writeApiReports } from './apiReport.js';

const changed = writeApiReports(process.cwd());
console.log(
  changed.length === 0 ? 'API reports are up to date' : `updated:\n  ${changed.join('\n  ')}`,
);
