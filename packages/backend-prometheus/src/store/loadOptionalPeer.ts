import { BackendNotAvailableError } from '@lexigram/monitor-core';

/** Loads a module by name; replaced in tests. */
export type ModuleImporter = (name: string) => Promise<unknown>;

const defaultImporter: ModuleImporter = (name) => import(name);

/**
 * Load the optional peer dependency `packageName` on first use.
 *
 * @throws BackendNotAvailableError naming the package to install when it is missing.
 */
export async function loadOptionalPeer<T>(
  packageName: string,
  storeType: string,
  importer: ModuleImporter = defaultImporter,
): Promise<T> {
  try {
    const mod = (await importer(packageName)) as { default?: T } & T;
    return mod.default ?? mod;
  } catch (error) {
    const code = (error as { code?: string } | null)?.code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
      throw new BackendNotAvailableError(storeType, packageName, {
        cause: error,
        message: `The ${storeType} metric store needs the optional package "${packageName}": install it with \`npm install ${packageName}\` in your application.`,
      });
    }
    throw error;
  }
}
