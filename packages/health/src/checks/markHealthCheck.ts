import {
  type HealthCheckFunction,
  type HealthCheckOptions,
  type HealthCheckOutcome,
} from '@lexigram/monitor-core';
import { InvalidHealthCheckError } from '../errors/invalidHealthCheckError.js';
import { describeValue } from '@lexigram/monitor-core/internal';
import { validateCheckName, validateCheckOptions } from './checkOptions.js';

// Symbol.for: a function marked by one copy of this package is recognised by another.
const MARK = Symbol.for('@lexigram/monitor-health/healthChecker');

/** What `markHealthCheck(name, options)` stamps on a function. */
export interface HealthCheckMark {
  /** Name the check registers under. */
  readonly name: string;
  /** Default options of the check. */
  readonly options: Readonly<HealthCheckOptions>;
}

/** A method usable as a check. */
export type HealthCheckMethod<This> = (
  this: This,
) => HealthCheckOutcome | Promise<HealthCheckOutcome>;

/**
 * What {@link markHealthCheck} returns: a higher-order function for plain functions and a standard
 * (TC39) method decorator.
 */
export interface HealthCheckMarker {
  /** Mark a plain function; returns the same function. */
  <F extends HealthCheckFunction>(fn: F): F;
  /** Decorate a method; each instance gets the method bound, so it can be passed around. */
  <This, F extends HealthCheckMethod<This>>(
    method: F,
    context: ClassMethodDecoratorContext<This, F>,
  ): F;
}

/**
 * Mark a function or method as a named health check, to add later with
 * `HealthChecker.register(fn)`. Options set here are the check's defaults.
 *
 * On a method (standard decorator, no `experimentalDecorators`), each instance gets its own
 * bound copy, so `checker.register(service.checkDb)` keeps `this`.
 *
 * @example
 * ```ts
 * const checkDb = markHealthCheck('database')(async () => db.ping());
 *
 * class Cache {
 *   @markHealthCheck('cache', { critical: false })
 *   async checkCache() { return this.client.isReady; }
 * }
 * checker.register(checkDb);
 * checker.register(new Cache().checkCache);
 * ```
 */
export function markHealthCheck(name: string, options: HealthCheckOptions = {}): HealthCheckMarker {
  const mark: HealthCheckMark = Object.freeze({
    name: validateCheckName(name),
    options: Object.freeze(validateCheckOptions(name, options)),
  });
  function decorate(target: unknown, context?: ClassMethodDecoratorContext): unknown {
    if (typeof target !== 'function') {
      throw new InvalidHealthCheckError(
        `markHealthCheck("${mark.name}") decorates a function or a method, got ${describeValue(target)}.`,
      );
    }
    if (context !== undefined && context.kind !== 'method') {
      throw new InvalidHealthCheckError(
        `markHealthCheck("${mark.name}") decorates methods, not a ${String((context as { kind: unknown }).kind)}.`,
      );
    }
    stamp(target, mark);
    if (context !== undefined && !context.private) {
      const key = context.name;
      context.addInitializer(function (this: unknown) {
        // Bound per instance so the method can be handed to register() on its own.
        const bound = (target as (this: unknown) => unknown).bind(this);
        stamp(bound, mark);
        Object.defineProperty(this, key, {
          value: bound,
          writable: true,
          configurable: true,
          enumerable: false,
        });
      });
    }
    return target;
  }
  return decorate as HealthCheckMarker;
}

/** The mark `markHealthCheck` put on `fn`, if any. */
export function getHealthCheckMark(fn: unknown): HealthCheckMark | undefined {
  if (typeof fn !== 'function') return undefined;
  return (fn as unknown as { [MARK]?: HealthCheckMark })[MARK];
}

function stamp(fn: object, mark: HealthCheckMark): void {
  Object.defineProperty(fn, MARK, { value: mark, configurable: true, enumerable: false });
}

/**
 * The reference's name for {@link markHealthCheck}.
 *
 * @deprecated Use `markHealthCheck`: `healthChecker` differs from the `HealthChecker` class only
 * by case. Kept for one minor version.
 */
export const healthChecker = markHealthCheck;
