import { HealthStatus, type HookBus } from '@lexigram/monitor-core';
import { normalizeOutcome } from '../checks/normalizeOutcome.js';
import { describeValue, isPromiseLike, withTimeout } from '@lexigram/monitor-core/internal';
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
    if (isPromiseLike(value)) {
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

async function settleWithin(
  pending: PromiseLike<unknown>,
  timeoutMs: number,
): Promise<HealthCheckResult> {
  // keepAlive: this timer is what guarantees the run answers, and it is cleared as soon as the
  // check settles, so it never holds the process beyond one timeout. A check that rejects late
  // is still handled (no unhandled rejection).
  const outcome = await withTimeout(pending, timeoutMs, { keepAlive: true });
  if (outcome.status === 'timedOut') {
    return HealthCheckResult.unhealthy(`check timed out after ${timeoutMs} ms`);
  }
  if (outcome.status === 'rejected') return failure('rejected with', outcome.reason);
  try {
    return normalizeOutcome(outcome.value);
  } catch (error) {
    // e.g. a Proxy whose traps throw: still an answer, never a hung run.
    return failure('threw', error);
  }
}

function overran(tookMs: number, timeoutMs: number): HealthCheckResult {
  return HealthCheckResult.unhealthy(
    `check took ${Math.round(tookMs)} ms, over its ${timeoutMs} ms timeout (a synchronous check cannot be interrupted: make it async)`,
  );
}

/** An unhealthy result naming the error; only its name and message, never its stack. */
function failure(how: 'threw' | 'rejected with', error: unknown): HealthCheckResult {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : describeValue(error);
  return HealthCheckResult.unhealthy(`check ${how} ${what}`);
}
