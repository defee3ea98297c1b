/** Receives errors from a background export; must not throw (a throw is swallowed). */
export type ExportErrorHandler = (error: unknown) => void;

/**
 * The default handler: the first error of a processor becomes one process warning (visible in
 * the logs, never thrown); later ones are only counted in the processor's stats, so a down
 * collector cannot flood the output.
 */
export function warnOnce(component: string): ExportErrorHandler {
  let warned = false;
  return (error: unknown) => {
    if (warned) return;
    warned = true;
    const raw = error instanceof Error ? error.message : String(error);
    const message = raw.endsWith('.') ? raw : `${raw}.`;
    process.emitWarning(
      `${component}: ${message} Later export errors are only counted (see stats()).`,
      { code: 'LEXIGRAM_SPAN_EXPORT' },
    );
  };
}

/** Call `handler` without letting it throw. */
export function report(handler: ExportErrorHandler, error: unknown): void {
  try {
    handler(error);
  } catch {
    // An error handler that throws must not break the export loop.
  }
}
