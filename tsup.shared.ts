import type { Options } from 'tsup';

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
  };
}
