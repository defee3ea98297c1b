import { runStepsWithin } from '../internal/runStepsWithin.js';
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
  const outcomes = await runStepsWithin(
    steps.map(({ name, step }) => ({ name, run: step })),
    deadlineMs,
  );
  return outcomes.map((o) => ({
    name: o.name,
    phase,
    outcome: o.kind,
    ...(o.kind === 'failed' ? { message: messageOf(o.error) } : {}),
    durationMs: o.durationMs,
  }));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
