/** Name of this package, the instrumentation scope of the spans it creates. */
export const PACKAGE_NAME = '@lexigram/monitor-tracing';
/** Version of this package (kept equal to package.json by a test). */
export const PACKAGE_VERSION = '0.1.0';
