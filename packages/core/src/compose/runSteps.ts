import type { MonitorStep, ShutdownPhase } from './monitorContribution.js';

/** How one start or shutdown step ended. */
export interface StepOutcome {
  readonly name: string;
  readonly phase: ShutdownPhase | 'start';
  readonly outcome: 'done' | 'failed' | 'timeout' | 'skipped';
  /** The error's message when it failed (never its stack). */
  readonly message?: string;
  readonly durationMs: number;
}

/** A named step. */
export interface NamedStep {
  readonly name: string;
  readonly step: MonitorStep;
}

/**
 * Run `steps` one after another under one deadline for all of them: a step still running when it
 * passes is abandoned (reported `timeout`) and the rest are `skipped`. Never rejects.
 */
export async function runSteps(
  phase: StepOutcome['phase'],
  steps: readonly NamedStep[],
  deadlineMs: number,
): Promise<StepOutcome[]> {
  const out: StepOutcome[] = [];
  const end = performance.now() + deadlineMs;
  let expired = false;
  for (const { name, step } of steps) {
    const started = performance.now();
    const remaining = end - started;
    if (expired || remaining < 1) {
      out.push({ name, phase, outcome: 'skipped', durationMs: 0 });
      continue;
    }
    const result = await settle(step, remaining);
    const durationMs = performance.now() - started;
    if (result.kind === 'timeout') expired = true;
    out.push({
      name,
      phase,
      outcome: result.kind,
      ...(result.kind === 'failed' ? { message: result.message } : {}),
      durationMs,
    });
  }
  return out;
}

type Settled = { kind: 'done' } | { kind: 'failed'; message: string } | { kind: 'timeout' };

function settle(step: MonitorStep, withinMs: number): Promise<Settled> {
  let value: unknown;
  try {
    value = step();
  } catch (error) {
    return Promise.resolve({ kind: 'failed', message: messageOf(error) });
  }
  return new Promise<Settled>((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timeout' }), withinMs);
    Promise.resolve(value).then(
      () => {
        clearTimeout(timer);
        resolve({ kind: 'done' });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ kind: 'failed', message: messageOf(error) });
      },
    );
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
