import { PerformanceMonitorError } from '@lexigram/monitor-core';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CpuProfile } from './cpuProfileFormat.js';
import { openInspectorSession } from './inspectorSession.js';
import { outputPath, type OutputLocation } from './outputPath.js';

/** Where and how a CPU profile is taken and written. */
export interface CpuProfileOptions extends OutputLocation {
  /** Time between two samples, in microseconds. Default 1000 (V8's default). */
  samplingIntervalUs?: number;
  /** Write the `.cpuprofile` file. Default true. */
  write?: boolean;
}

/** Options of {@link captureCpuProfile}. */
export interface CaptureCpuProfileOptions extends CpuProfileOptions {
  /** How long to profile (1 ms .. 1 hour), counted from the moment the profiler runs. */
  durationMs: number;
}

/** What a CPU profile capture produced. */
export interface CpuProfileCapture {
  readonly profile: CpuProfile;
  /** The `.cpuprofile` written, or undefined with `write: false`. */
  readonly filePath: string | undefined;
  /** Samples in the profile. */
  readonly sampleCount: number;
}

const MAX_DURATION_MS = 3_600_000;

/**
 * Profile the CPU of this process for `durationMs` with V8's sampling profiler (through an
 * in-process `node:inspector` session, no debugger port) and write the profile as a
 * `.cpuprofile` file that Chrome DevTools (Performance panel, "Load profile") opens.
 *
 * The capture waits on a normal timer: the process stays alive until the profile is done.
 * Several captures may overlap; each uses its own session. The file goes to `filePath`, or to a
 * generated name (`CPU.<date>.<time>.<pid>.<seq>.cpuprofile`) in `directory`, default the
 * current directory. To profile one operation rather than a period, use
 * {@link captureCpuProfileWhile}.
 *
 * @throws PerformanceMonitorError for bad options, a Node without inspector, or a failed write.
 * @example
 * ```ts
 * const { filePath } = await captureCpuProfile({ durationMs: 10_000, directory: '/tmp' });
 * ```
 */
export async function captureCpuProfile(
  options: CaptureCpuProfileOptions,
): Promise<CpuProfileCapture> {
  const durationMs = options?.durationMs;
  if (
    typeof durationMs !== 'number' ||
    !Number.isFinite(durationMs) ||
    durationMs < 1 ||
    durationMs > MAX_DURATION_MS
  ) {
    throw new PerformanceMonitorError(
      `captureCpuProfile: durationMs must be a number of milliseconds from 1 to ${MAX_DURATION_MS}, got ${String(durationMs)}`,
    );
  }
  const profile = await profileAround(
    'captureCpuProfile',
    options,
    () => new Promise((resolve) => setTimeout(resolve, durationMs)),
  );
  return finish('captureCpuProfile', profile, options);
}

/**
 * Profile the CPU while `fn` runs: the profiler is running before `fn` is called and stops when
 * its promise settles. Resolves to `fn`'s result and the capture (written as with
 * {@link captureCpuProfile}). When `fn` fails, the profiler is stopped, nothing is written and
 * the error is rethrown.
 *
 * @example
 * ```ts
 * const { result, filePath } = await captureCpuProfileWhile(() => buildReport(id), { directory: '/tmp' });
 * ```
 */
export async function captureCpuProfileWhile<T>(
  fn: () => T | Promise<T>,
  options: CpuProfileOptions = {},
): Promise<CpuProfileCapture & { readonly result: T }> {
  if (typeof fn !== 'function') {
    throw new PerformanceMonitorError('captureCpuProfileWhile: pass the function to profile');
  }
  let result!: T;
  const profile = await profileAround('captureCpuProfileWhile', options, async () => {
    result = await fn();
  });
  return { ...(await finish('captureCpuProfileWhile', profile, options)), result };
}

/** Run the profiler around `body`; errors of `body` pass through unchanged. */
async function profileAround(
  caller: string,
  options: CpuProfileOptions,
  body: () => Promise<unknown>,
): Promise<CpuProfile> {
  const samplingIntervalUs = options.samplingIntervalUs ?? 1000;
  if (!Number.isInteger(samplingIntervalUs) || samplingIntervalUs < 1) {
    throw new PerformanceMonitorError(
      `${caller}: samplingIntervalUs must be a whole number of microseconds >= 1, got ${String(samplingIntervalUs)}`,
    );
  }
  const inspector = await openInspectorSession('capture a CPU profile');
  try {
    try {
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
      await inspector.post('Profiler.start');
    } catch (error) {
      throw profilerFailed(caller, error);
    }
    try {
      await body();
    } catch (error) {
      await inspector.post('Profiler.stop').catch(() => undefined);
      throw error;
    }
    try {
      return (await inspector.post<{ profile: CpuProfile }>('Profiler.stop')).profile;
    } catch (error) {
      throw profilerFailed(caller, error);
    }
  } finally {
    inspector.disconnect();
  }
}

function profilerFailed(caller: string, cause: unknown): PerformanceMonitorError {
  return new PerformanceMonitorError(
    `${caller}: the V8 profiler failed; is another tool profiling with a different sampling interval?`,
    { cause },
  );
}

async function finish(
  caller: string,
  profile: CpuProfile,
  options: CpuProfileOptions,
): Promise<CpuProfileCapture> {
  const sampleCount = profile.samples?.length ?? 0;
  if (options.write === false) return { profile, filePath: undefined, sampleCount };
  const filePath = outputPath(options, 'CPU', 'cpuprofile');
  // Written to `<file>.partial` and renamed when complete, so a failed write (disk full) never
  // leaves a truncated `.cpuprofile` that tools would choke on.
  const partial = `${filePath}.partial`;
  try {
    await mkdir(dirname(filePath), { recursive: true });
    await writeFile(partial, JSON.stringify(profile));
    await rename(partial, filePath);
  } catch (error) {
    await unlink(partial).catch(() => {});
    throw new PerformanceMonitorError(
      `${caller}: writing ${filePath} failed (${errorCode(error)}); ${writeAdvice(error)}`,
      { cause: error },
    );
  }
  return { profile, filePath, sampleCount };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : String((error as Error | null)?.message ?? error);
}

/** What to check, from the real cause of a failed write. */
function writeAdvice(error: unknown): string {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'ENOSPC':
    case 'EFBIG':
    case 'EDQUOT':
      return 'check free disk space and file size limits';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'check the directory is writable';
    case 'ENOENT':
    case 'ENOTDIR':
    case 'EISDIR':
      return 'check the path';
    default:
      return 'check free disk space and permissions';
  }
}
