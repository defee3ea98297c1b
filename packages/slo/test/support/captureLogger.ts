import { createLogger } from '@lexigram/monitor-core';
import type { SloLogger } from '../../src/index.js';

/** A parsed log line. */
export type LogRecord = Record<string, unknown> & { level: string; msg: string };

/** A real pino logger (core's createLogger) whose JSON lines are kept for assertions. */
export function captureLogger(): { logger: SloLogger; records: () => LogRecord[] } {
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
