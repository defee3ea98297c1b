/** Name of this package, as published on npm. */
export const PACKAGE_NAME = '@lexigram/monitor-nestjs';

// Inlined by the build from package.json (tsup.shared.ts) and set by the jest config; absent
// only when the TypeScript sources run directly (e.g. through tsx).
declare const __LEXIGRAM_PACKAGE_VERSIONS__: Readonly<Record<string, string>> | undefined;

/**
 * Version of this package, read from its package.json when the package is built, so it always
 * matches the published version (`0.0.0-source` when the sources run without a build).
 */
export const PACKAGE_VERSION: string =
  (typeof __LEXIGRAM_PACKAGE_VERSIONS__ === 'object'
    ? __LEXIGRAM_PACKAGE_VERSIONS__[PACKAGE_NAME]
    : undefined) ?? '0.0.0-source';
