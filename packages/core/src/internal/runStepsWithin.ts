/** A named piece of work for {@link runStepsWithin}; may return a promise. */
export interface DeadlineStep {
  readonly name: string;
  readonly run: () => unknown;
}

/** How one step ended: `skipped` once the deadline had passed before it could start. */
export type DeadlineStepOutcome =
  | { readonly name: string; readonly kind: 'done'; readonly durationMs: number }
  | {
      readonly name: string;
      readonly kind: 'failed';
      readonly error: unknown;
      readonly durationMs: number;
    }
  | { readonly name: string; readonly kind: 'timeout' | 'skipped'; readonly durationMs: number };

type Settled = { kind: 'done' } | { kind: 'failed'; error: unknown } | { kind: 'timeout' };

/**
 * Run `steps` one after another under one deadline for all of them (shutdown hooks, a monitor's
 * start and stop steps): a step still running when the deadline passes is abandoned (`timeout`)
 * and every later one is `skipped`, so a collaborator that never settles cannot hold shutdown
 * up. A step that throws or rejects is `failed` with its error and the next one runs. Never
 * rejects. The timer stays referenced while a step runs: the caller is waiting on it.
 */
export async function runStepsWithin(
  steps: readonly DeadlineStep[],
  deadlineMs: number,
): Promise<DeadlineStepOutcome[]> {
  const out: DeadlineStepOutcome[] = [];
  const end = performance.now() + deadlineMs;
  let expired = false;
  for (const { name, run } of steps) {
    const started = performance.now();
    const remaining = end - started;
    // A timed-out step means the deadline has passed, even if its timer fired a hair early.
    if (expired || remaining < 1) {
      out.push({ name, kind: 'skipped', durationMs: 0 });
      continue;
    }
    const result = await settleWithin(run, remaining);
    const durationMs = performance.now() - started;
    if (result.kind === 'timeout') expired = true;
    out.push({ name, ...result, durationMs });
  }
  return out;
}

function settleWithin(run: () => unknown, withinMs: number): Promise<Settled> {
  let value: unknown;
  try {
    value = run();
  } catch (error) {
    return Promise.resolve({ kind: 'failed', error });
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
        resolve({ kind: 'failed', error });
      },
    );
  });
}
