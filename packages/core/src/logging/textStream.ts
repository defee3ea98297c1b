import { Writable } from 'node:stream';

const LEVEL_NAMES: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

const OMIT = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

/**
 * A destination that turns pino's JSON lines into one human-readable line each:
 * `2026-01-01T00:00:00.000Z INFO  message key=value ...`. Used for `format: 'text'` without
 * pulling in pino-pretty.
 */
export function createTextStream(out: NodeJS.WritableStream = process.stdout): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      pending += chunk.toString();
      let newline: number;
      let text = '';
      while ((newline = pending.indexOf('\n')) >= 0) {
        text += formatLine(pending.slice(0, newline)) + '\n';
        pending = pending.slice(newline + 1);
      }
      if (text) out.write(text);
      callback();
    },
  });
}

/** Format one pino JSON line as text; lines that are not JSON pass through unchanged. */
export function formatLine(line: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString() : '';
  const level =
    LEVEL_NAMES[record.level as number] ?? (typeof record.level === 'string' ? record.level : '');
  const parts = [time, level.padEnd(5), typeof record.msg === 'string' ? record.msg : ''];
  for (const [key, value] of Object.entries(record)) {
    if (OMIT.has(key)) continue;
    parts.push(
      `${key}=${typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value)}`,
    );
  }
  return parts.filter((p) => p !== '').join(' ');
}
