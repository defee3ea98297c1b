import { BackgroundLoop, reportFault, withTimeout } from '@lexigram/monitor-core/internal';

/**
 * Runs `evaluate` every `intervalMs` on an unref'd timer (it never keeps the process alive), one
 * run at a time: a tick that arrives while the previous run is still going is skipped rather than
 * stacked, so a slow dispatcher cannot pile up work. A failed run goes to `onError`; when that
 * throws too (a broken logger) the failure is reported through core's fault channel, never as an
 * unhandled rejection.
 */
export class EvaluationLoop {
  private readonly loop: BackgroundLoop;

  constructor(
    evaluate: () => Promise<unknown>,
    onError: (error: unknown) => void,
    private readonly component = 'slo.evaluationLoop',
  ) {
    this.loop = new BackgroundLoop({ run: evaluate, onError, component });
  }

  /** True while the loop is scheduled. */
  get started(): boolean {
    return this.loop.started;
  }

  /**
   * Start (or restart with a new interval). An interval that is not a number of milliseconds
   * from 1 to 2^31 − 1 is a `MonitorConfigError` naming `intervalMs`.
   */
  start(intervalMs: number): void {
    this.loop.start(intervalMs, 'intervalMs');
  }

  /**
   * Stop scheduling; resolves once a run in progress has finished, or after `timeoutMs` when it
   * has not (the run is abandoned and a `SHUTDOWN_TIMEOUT` fault reported). Never rejects.
   */
  async stop(timeoutMs: number): Promise<void> {
    const outcome = await withTimeout(this.loop.stop(), timeoutMs);
    if (outcome.status === 'timedOut') {
      reportFault({
        code: 'SHUTDOWN_TIMEOUT',
        component: this.component,
        message: `stop() did not see the evaluation in progress finish within ${timeoutMs} ms; it was abandoned.`,
        details: { timeoutMs },
      });
    }
  }
}
