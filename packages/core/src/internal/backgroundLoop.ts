import { reportFault } from '../diagnostics/diagnostics.js';
import { validateDurationMs } from './durations.js';
import { systemScheduler, type Scheduler, type TimerHandle } from './scheduler.js';

/** Options of {@link BackgroundLoop}. */
export interface BackgroundLoopOptions {
  /** The work of one tick; may return a promise. */
  readonly run: () => unknown;
  /** Receives what a run threw or rejected with; a throw from it is contained. */
  readonly onError: (error: unknown) => void;
  /** Named in the fault when `onError` itself throws. */
  readonly component?: string;
  /** Timer source (tests pass a fake). Default {@link systemScheduler}: unref'd Node timers. */
  readonly scheduler?: Scheduler;
}

/**
 * Runs a task every `intervalMs` on an unref'd timer (it never keeps the process alive), one run
 * at a time: a tick that arrives while the previous run is still in flight is skipped rather than
 * stacked, so a slow collaborator cannot pile up work. A failed run goes to `onError`; the loop
 * keeps going.
 *
 * @example
 * ```ts
 * const loop = new BackgroundLoop({ run: () => this.export(), onError: (error) => reportFault({ ... }) });
 * loop.start(60_000);
 * await loop.stop();
 * ```
 */
export class BackgroundLoop {
  private handle: TimerHandle | undefined;
  private inFlight: Promise<void> | undefined;
  private readonly scheduler: Scheduler;

  constructor(private readonly options: BackgroundLoopOptions) {
    this.scheduler = options.scheduler ?? systemScheduler;
  }

  /** True while the loop is scheduled. */
  get started(): boolean {
    return this.handle !== undefined;
  }

  /** True while a run is in flight. */
  get running(): boolean {
    return this.inFlight !== undefined;
  }

  /**
   * Start ticking every `intervalMs` (or restart with a new interval). Throws a
   * `MonitorConfigError` naming `field` for an interval that is not a usable duration.
   */
  start(intervalMs: number, field = 'intervalMs'): void {
    validateDurationMs(intervalMs, field);
    this.clear();
    this.handle = this.scheduler.setInterval(() => {
      void this.runNow();
    }, intervalMs);
  }

  /**
   * Run once now, unless a run is already in flight (then that run's promise is returned).
   * Never rejects.
   */
  runNow(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    // The async wrapper starts the run synchronously and turns a throw into a rejection.
    const run = (async () => this.options.run())()
      .then(
        () => undefined,
        (error: unknown) => this.fail(error),
      )
      .finally(() => {
        if (this.inFlight === run) this.inFlight = undefined;
      });
    this.inFlight = run;
    return run;
  }

  /** Stop scheduling; resolves once a run in flight has finished (bound it with `withTimeout`). */
  async stop(): Promise<void> {
    this.clear();
    await this.inFlight;
  }

  private fail(error: unknown): void {
    try {
      this.options.onError(error);
    } catch (thrown) {
      reportFault({
        code: 'CALLBACK_THREW',
        component: this.options.component ?? 'monitor.backgroundLoop',
        message: 'The onError callback of a background loop threw; the loop keeps running.',
        error: thrown,
      });
    }
  }

  private clear(): void {
    if (this.handle !== undefined) this.scheduler.clearInterval(this.handle);
    this.handle = undefined;
  }
}
