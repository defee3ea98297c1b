import { createLogger } from '@lexigram/monitor-core';

/** A structural logger (`warn(details, message)`) that keeps every warning, for assertions. */
export interface WarningCapture {
  readonly warnings: { details: Record<string, unknown>; message: string }[];
  warn(details: Record<string, unknown>, message: string): void;
}

/** A structural logger that keeps every warning. */
export function captureWarnings(): WarningCapture {
  const warnings: WarningCapture['warnings'] = [];
  return {
    warnings,
    warn(details, message) {
      warnings.push({ details, message });
    },
  };
}

/** A parsed pino log line. */
export type LogRecord = Record<string, unknown> & { level: string; msg: string };

/** A real pino logger (core's createLogger) whose JSON lines are kept for assertions. */
export function capturePinoLogger(): {
  logger: ReturnType<typeof createLogger>;
  records: () => LogRecord[];
} {
  const lines: string[] = [];
  const logger = createLogger({
    config: { level: 'debug' },
    destination: { write: (line: string) => void lines.push(line) },
  });
  return {
    logger,
    records: () =>
      lines
        .join('')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as LogRecord),
  };
}
