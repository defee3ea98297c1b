import { HealthStatus, type HealthProbesProtocol, type HealthReport } from '@lexigram/monitor-core';
import { validateCheckName } from '../checks/checkOptions.js';
import { InvalidHealthCheckError } from '../errors/invalidHealthCheckError.js';
import { FieldChecker } from '@lexigram/monitor-core/internal';
import { describeValue, runStepsWithin } from '@lexigram/monitor-core/internal';
import { HealthCheckResult } from '../result/healthCheckResult.js';

/** Name of the check a draining readiness probe reports. */
export const DRAINING_CHECK_NAME = 'draining';

/** Options of {@link GracefulShutdown}. */
export interface GracefulShutdownOptions {
  /** Deadline for all before-shutdown hooks together. Default 10000. */
  shutdownTimeoutMs?: number;
  /**
   * Pause between failing readiness and running the hooks, so load balancers see the instance
   * leave before connections close. Default 0.
   */
  drainDelayMs?: number;
}

/** Work to do before the process exits (close the server, flush exporters, close pools). */
export type BeforeShutdownHook = () => unknown;

/** What happened to the before-shutdown hooks. */
export interface ShutdownReport {
  /** Hooks that finished, in order. */
  readonly completed: readonly string[];
  /** Hooks that threw or rejected, with the error's message (never its stack). */
  readonly failed: readonly { readonly name: string; readonly message: string }[];
  /** The hook still running when the deadline passed (it is abandoned, not awaited). */
  readonly timedOut: readonly string[];
  /** Hooks not started because the deadline had passed. */
  readonly skipped: readonly string[];
  /** Time from the start of the drain to the end of the hooks, in ms. */
  readonly durationMs: number;
}

/**
 * Drain for graceful shutdown, wrapping any health probes (a `HealthCheckRegistry`, a
 * `CachedHealthChecker`, `checker.asProbes()`). Once draining, readiness (and the overall
 * `runAll`) reports UNHEALTHY with a `draining` check, so traffic stops coming, while liveness
 * keeps reporting the real checks: a draining pod must not be restarted for being unready.
 * Then the before-shutdown hooks run in registration order under one deadline.
 *
 * @example
 * ```ts
 * const shutdown = new GracefulShutdown(registry, { drainDelayMs: 5000 });
 * shutdown.beforeShutdown('http', () => new Promise((r) => server.close(r)));
 * shutdown.beforeShutdown('db', () => pool.end());
 * process.once('SIGTERM', async () => { await shutdown.shutdown(); process.exit(0); });
 * // serve the endpoint from `shutdown` (it implements HealthProbesProtocol)
 * ```
 */
export class GracefulShutdown implements HealthProbesProtocol {
  private readonly probes: HealthProbesProtocol;
  private readonly shutdownTimeoutMs: number;
  private readonly drainDelayMs: number;
  private readonly hooks: { name: string; hook: BeforeShutdownHook }[] = [];
  private drainingSince: number | undefined;
  private running: Promise<ShutdownReport> | undefined;

  constructor(probes: HealthProbesProtocol, options: GracefulShutdownOptions = {}) {
    const fields = new FieldChecker('GracefulShutdown options');
    this.shutdownTimeoutMs = fields.durationMs('shutdownTimeoutMs', options.shutdownTimeoutMs, {
      fallback: 10_000,
    });
    this.drainDelayMs = fields.durationMs('drainDelayMs', options.drainDelayMs, {
      allowZero: true,
      fallback: 0,
    });
    fields.throwIfInvalid();
    this.probes = probes;
  }

  /** True once draining has begun. */
  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  /**
   * Add work to run at shutdown, after the drain delay, in registration order. Returns a function
   * that removes it.
   */
  beforeShutdown(name: string, hook: BeforeShutdownHook): () => void {
    validateCheckName(name);
    if (typeof hook !== 'function') {
      throw new InvalidHealthCheckError(
        `beforeShutdown("${name}") needs a function, got ${describeValue(hook)}.`,
      );
    }
    const entry = { name, hook };
    this.hooks.push(entry);
    return () => {
      const index = this.hooks.indexOf(entry);
      if (index >= 0) this.hooks.splice(index, 1);
    };
  }

  /** Start failing readiness now (idempotent). `shutdown()` does this first. */
  startDraining(): void {
    this.drainingSince ??= Date.now();
  }

  /**
   * Drain and run the before-shutdown hooks: readiness fails at once, then after `drainDelayMs`
   * the hooks run one by one until done or until `shutdownTimeoutMs` has passed. Never rejects;
   * calling it again returns the same report.
   */
  shutdown(): Promise<ShutdownReport> {
    this.running ??= this.runShutdown();
    return this.running;
  }

  /** Every check, aggregated; while draining, UNHEALTHY with the `draining` check. */
  runAll(): Promise<HealthReport> {
    return this.draining ? Promise.resolve(this.drainingReport()) : this.probes.runAll();
  }

  /** The liveness checks, unaffected by draining. */
  runLiveness(): Promise<HealthReport> {
    return this.probes.runLiveness();
  }

  /** The readiness checks; while draining, UNHEALTHY with the `draining` check (none are run). */
  runReadiness(): Promise<HealthReport> {
    return this.draining ? Promise.resolve(this.drainingReport()) : this.probes.runReadiness();
  }

  /** The startup checks, unaffected by draining. */
  runStartup(): Promise<HealthReport> {
    return this.probes.runStartup();
  }

  private drainingReport(): HealthReport {
    const result = new HealthCheckResult({
      status: HealthStatus.Unhealthy,
      message: 'draining: the service is shutting down and takes no new traffic',
      details: { drainingSince: new Date(this.drainingSince!).toISOString() },
    });
    return {
      status: HealthStatus.Unhealthy,
      checks: Object.fromEntries([[DRAINING_CHECK_NAME, result]]),
    };
  }

  private async runShutdown(): Promise<ShutdownReport> {
    const start = performance.now();
    this.startDraining();
    if (this.drainDelayMs > 0) await sleep(this.drainDelayMs);
    const completed: string[] = [];
    const failed: { name: string; message: string }[] = [];
    const timedOut: string[] = [];
    const skipped: string[] = [];
    const steps = this.hooks.map(({ name, hook }) => ({ name, run: hook }));
    for (const outcome of await runStepsWithin(steps, this.shutdownTimeoutMs)) {
      if (outcome.kind === 'done') completed.push(outcome.name);
      else if (outcome.kind === 'failed') {
        failed.push({ name: outcome.name, message: errorMessage(outcome.error) });
      } else if (outcome.kind === 'timeout') timedOut.push(outcome.name);
      else skipped.push(outcome.name);
    }
    return { completed, failed, timedOut, skipped, durationMs: performance.now() - start };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : describeValue(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
