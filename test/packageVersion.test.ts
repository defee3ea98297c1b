/**
 * Every package reports its own name and version (`PACKAGE_NAME`, `PACKAGE_VERSION` from its
 * entry), taken from its package.json: nothing is written by hand, so `changeset version` can bump
 * a manifest without breaking a test. That the built, published code carries the new version is
 * shown by `release.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedPackages } from './support/workspace.js';

describe.each(publishedPackages().map((p) => [p.folder, p] as const))('%s', (_folder, pkg) => {
  it('exports PACKAGE_NAME and PACKAGE_VERSION from its entry', () => {
    const entry = readFileSync(join(pkg.dir, 'src', 'index.ts'), 'utf8');
    expect(entry).toMatch(
      /export \{[^}]*\bPACKAGE_NAME\b[^}]*\bPACKAGE_VERSION\b[^}]*\} from '\.\/version\.js';/,
    );
  });

  it('reports the name and version of its package.json', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const version = require(join(pkg.dir, 'src', 'version.ts')) as {
      PACKAGE_NAME: string;
      PACKAGE_VERSION: string;
    };
    expect(version.PACKAGE_NAME).toBe(pkg.manifest.name);
    expect(version.PACKAGE_VERSION).toBe(pkg.manifest.version);
  });
});
