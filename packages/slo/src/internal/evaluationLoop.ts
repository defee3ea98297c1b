import { InvalidMetricError } from '@lexigram/monitor-core';

/**
 * Runs `evaluate` every `intervalMs` on an unref'd timer (it never keeps the process alive), one
 * run at a time: a tick that arrives while the previous run is still going is skipped rather than
 * stacked, so a slow dispatcher cannot pile up work.
 */
export class EvaluationLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly evaluate: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** True while the loop is scheduled. */
  get started(): boolean {
    return this.timer !== undefined;
  }

  /** Start (or restart with a new interval). */
  start(intervalMs: number): void {
    if (typeof intervalMs !== 'number' || !Number.isFinite(intervalMs) || intervalMs <= 0) {
      throw new InvalidMetricError(
        `start(intervalMs): intervalMs must be a finite number of milliseconds > 0 (got ${String(intervalMs)})`,
      );
    }
    this.stopTimer();
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Stop scheduling; resolves once a run in progress has finished. */
  async stop(): Promise<void> {
    this.stopTimer();
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = Promise.resolve()
      .then(() => this.evaluate())
      .then(
        () => undefined,
        (error: unknown) => this.onError(error),
      )
      .finally(() => {
        this.running = undefined;
      });
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
