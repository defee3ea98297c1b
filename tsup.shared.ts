import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from 'tsup';

/**
 * `{ [name]: version }` of the package being built (tsup runs in its folder), inlined as the
 * global each package's `src/version.ts` reads: the built code reports the version its
 * package.json had at build time, so `changeset version` + build needs no hand edit.
 */
function packageVersionDefine(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return {
    __LEXIGRAM_PACKAGE_VERSIONS__: JSON.stringify({ [manifest.name]: manifest.version }),
  };
}

/**
 * The one build configuration every published package shares: ESM and CJS side by side, each
 * with its own declaration file (`.d.ts` / `.d.cts`), so `import` and `require` users both get
 * correct types (checked by `attw --pack`).
 */
export function sharedTsupConfig(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    // stripInternal: a member tagged `@internal` is not part of the published types.
    dts: { compilerOptions: { stripInternal: true } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    shims: false,
    outDir: 'dist',
    ...overrides,
    define: { ...packageVersionDefine(), ...overrides.define },
  };
}
