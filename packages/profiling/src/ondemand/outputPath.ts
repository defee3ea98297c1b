import { join } from 'node:path';

/** Where an on-demand profile is written. */
export interface OutputLocation {
  /** Exact file to write. Wins over `directory`. */
  filePath?: string;
  /** Folder to write a file with a generated name into. Default: the current directory. */
  directory?: string;
}

let sequence = 0;

/**
 * `filePath`, or a name unique to this process in `directory` (or the current directory), in
 * the shape Node's own `--cpu-prof` / `--heapsnapshot-signal` use:
 * `<prefix>.<yyyymmdd>.<hhmmss>.<pid>.<seq>.<extension>`.
 */
export function outputPath(location: OutputLocation, prefix: string, extension: string): string {
  if (location.filePath) return location.filePath;
  const now = new Date();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  sequence += 1;
  const name = `${prefix}.${date}.${time}.${process.pid}.${pad(sequence, 3)}.${extension}`;
  return join(location.directory ?? process.cwd(), name);
}
