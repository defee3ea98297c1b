import {
  type HealthCheckFunction,
  type HealthCheckOptions,
  type HealthCheckOutcome,
} from '@lexigram/monitor-core';
import { InvalidHealthCheckError } from '../errors/invalidHealthCheckError.js';
import { describeValue } from '@lexigram/monitor-core/internal';
import { HealthCheck } from './healthCheck.js';

/**
 * A health check implemented as a function: a named {@link HealthCheck} whose `check()` calls it.
 *
 * @example
 * ```ts
 * checker.register(new FunctionHealthCheck('redis', async () => (await redis.ping()) === 'PONG'));
 * ```
 */
export class FunctionHealthCheck extends HealthCheck {
  private readonly fn: HealthCheckFunction;

  constructor(name: string, fn: HealthCheckFunction, options: HealthCheckOptions = {}) {
    super(name, options);
    if (typeof fn !== 'function') {
      throw new InvalidHealthCheckError(
        `FunctionHealthCheck "${name}" needs a function, got ${describeValue(fn)}.`,
      );
    }
    this.fn = fn;
  }

  /** Calls the function. */
  check(): HealthCheckOutcome | Promise<HealthCheckOutcome> {
    return this.fn();
  }
}
