import { spawn } from 'node:child_process';

/** What a finished child process printed. */
export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link run}. */
export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  /** Resolve with a failed status instead of rejecting. */
  readonly allowFailure?: boolean;
}

/**
 * Runs a command to its end without blocking the event loop (so two installs can run side by
 * side), killing it after `timeoutMs`. Rejects with everything it printed when it fails.
 */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const result = { status, stdout, stderr };
      if (status === 0 || options.allowFailure) resolve(result);
      else {
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` in ${options.cwd} ended with ${signal ?? `exit ${status}`}\n${stdout}\n${stderr}`,
          ),
        );
      }
    });
  });
}
