import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the application resolves its dependencies: the working directory and the main script's. */
export function defaultPaths(): string[] {
  const paths = [process.cwd()];
  const main = process.argv[1];
  if (main) paths.push(join(main, '..'));
  return paths;
}

/** Resolve `packageName` as the application would, or undefined when it is not installed. */
export function resolveFromApp(packageName: string, paths: readonly string[]): string | undefined {
  for (const base of paths) {
    try {
      // A require rooted in `base` walks `base`'s node_modules chain, as the application does.
      return createRequire(join(base, '__lexigram_resolve__.js')).resolve(packageName);
    } catch {
      // not resolvable from here
    }
  }
  return undefined;
}

/**
 * Load a resolved entry file: `import()` first (the native path in both builds), then `require`
 * for hosts whose module loader cannot import file URLs (test runners that compile to CJS).
 */
export async function loadModule(resolved: string): Promise<unknown> {
  try {
    return (await import(pathToFileURL(resolved).href)) as unknown;
  } catch (importError) {
    try {
      return createRequire(resolved)(resolved) as unknown;
    } catch (requireError) {
      throw isModuleNotFound(importError) ? requireError : importError;
    }
  }
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'MODULE_NOT_FOUND' ||
    code === 'ERR_MODULE_NOT_FOUND' ||
    /Cannot find module/.test(String(error))
  );
}
