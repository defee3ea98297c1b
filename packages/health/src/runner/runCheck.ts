import { HealthStatus, type HookBus } from '@lexigram/monitor-core';
import { normalizeOutcome } from '../checks/normalizeOutcome.js';
import { describeValue } from '../internal/describeValue.js';
import { HealthCheckResult } from '../result/healthCheckResult.js';

/**
 * Run one check: call it, bound it by `timeoutMs`, normalize what it returned, stamp the measured
 * duration and finish time, and fire `healthCheckRun`. Never rejects: a throw, a rejection or a
 * timeout is an unhealthy result that says why.
 */
export async function runCheck(
  name: string,
  invoke: () => unknown,
  timeoutMs: number,
  hooks: HookBus,
): Promise<HealthCheckResult> {
  const start = performance.now();
  let result: HealthCheckResult;
  try {
    const value = invoke();
    if (isThenable(value)) {
      result = await settleWithin(value, timeoutMs);
    } else {
      result = normalizeOutcome(value);
      const tookMs = performance.now() - start;
      // A synchronous check cannot be interrupted, but it still broke its time budget (and held
      // the event loop for that long), so it is reported like any other late check.
      if (tookMs > timeoutMs) result = overran(tookMs, timeoutMs);
    }
  } catch (error) {
    result = failure('threw', error);
  }
  const durationMs = Math.round((performance.now() - start) * 1000) / 1000;
  result = result.withTiming(durationMs, Date.now());
  const hook = hooks.healthCheckRun;
  if (hook.active) {
    hook.emit({
      checkName: name,
      healthy: result.status === HealthStatus.Healthy,
      status: result.status,
      durationMs,
    });
  }
  return result;
}

function settleWithin(
  pending: PromiseLike<unknown>,
  timeoutMs: number,
): Promise<HealthCheckResult> {
  return new Promise<HealthCheckResult>((resolve) => {
    // Not unref'ed on purpose: this timer is what guarantees the run answers, and it is cleared
    // as soon as the check settles, so it never holds the process beyond one timeout.
    const timer = setTimeout(() => {
      resolve(HealthCheckResult.unhealthy(`check timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    // Both handlers stay attached after a timeout, so a check that rejects late is still handled
    // (no unhandled rejection); resolving twice is a no-op.
    Promise.resolve(pending).then(
      (value) => {
        clearTimeout(timer);
        try {
          resolve(normalizeOutcome(value));
        } catch (error) {
          // e.g. a Proxy whose traps throw: still an answer, never a hung run.
          resolve(failure('threw', error));
        }
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve(failure('rejected with', error));
      },
    );
  });
}

function overran(tookMs: number, timeoutMs: number): HealthCheckResult {
  return HealthCheckResult.unhealthy(
    `check took ${Math.round(tookMs)} ms, over its ${timeoutMs} ms timeout (a synchronous check cannot be interrupted: make it async)`,
  );
}

/**
 * An unhealthy result naming the error; only its name and message, never its stack. Never
 * throws: a value that cannot be read (revoked proxy, throwing `name` / `message` getters, proxy
 * traps that throw) is reported as such, so the run still answers.
 */
function failure(how: 'threw' | 'rejected with', error: unknown): HealthCheckResult {
  let what: string;
  try {
    what =
      error instanceof Error
        ? `${String(error.name)}: ${String(error.message)}`
        : describeValue(error);
  } catch {
    what = 'an unreadable value';
  }
  return HealthCheckResult.unhealthy(`check ${how} ${what}`);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    return typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false; // a proxy whose `get` trap throws: normalized (and reported) as a value
  }
}
