import type { MonitorErrorCode } from './errorCodes.js';

/**
 * Brand stored on every error this library throws. `Symbol.for` makes the same symbol in every
 * copy of core that is loaded, so `instanceof` keeps working when an application ends up with two
 * copies installed (a duplicated dependency, or ESM and CJS builds loaded side by side).
 */
const ERROR_CODES = Symbol.for('@lexigram/monitor-core/error-codes');

/** Options every monitor error accepts. */
export interface MonitorErrorOptions {
  /** The underlying error, kept on `error.cause`. */
  cause?: unknown;
}

type Branded = { [ERROR_CODES]?: readonly string[] };

/**
 * Base class of every error raised by Lexigram Monitor.
 *
 * Each subclass has a stable `code` (also on the class as `static code`) so callers can branch on
 * it without importing the class, and a message that says what to do about it.
 *
 * @example
 * ```ts
 * try { collector.createCounter('bad name'); }
 * catch (err) { if (err instanceof InvalidMetricError) console.error(err.code, err.message); }
 * ```
 */
export class MonitorError extends Error {
  /** Stable machine-readable code of this error class. */
  static readonly code: MonitorErrorCode = 'MONITOR_ERROR';

  /** Stable machine-readable code, e.g. `INVALID_METRIC`. */
  readonly code: MonitorErrorCode;

  constructor(message: string, options: MonitorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const ctor = new.target;
    this.name = ctor.name;
    this.code = ctor.code;
    Object.defineProperty(this, ERROR_CODES, {
      value: codeChain(ctor),
      enumerable: false,
    });
  }

  /**
   * Brand-based `instanceof`: true for any error carrying this class's code, whichever copy of
   * core created it. Classes that do not declare their own `static code` fall back to the
   * prototype check, so user subclasses behave as usual.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!Object.prototype.hasOwnProperty.call(this, 'code')) {
      return Function.prototype[Symbol.hasInstance].call(this, value);
    }
    if (typeof value !== 'object' || value === null) return false;
    const codes = (value as Branded)[ERROR_CODES];
    return Array.isArray(codes) && codes.includes(this.code);
  }
}

/** Codes of a class and all its monitor-error ancestors, most specific first. */
function codeChain(ctor: typeof MonitorError): readonly string[] {
  const codes: string[] = [];
  let current: unknown = ctor;
  while (typeof current === 'function' && current !== Error) {
    if (Object.prototype.hasOwnProperty.call(current, 'code')) {
      codes.push((current as typeof MonitorError).code);
    }
    current = Object.getPrototypeOf(current);
  }
  return codes;
}

/**
 * True when `value` is an error raised by Lexigram Monitor (any copy of core), optionally of the
 * given code.
 */
export function isMonitorError(value: unknown, code?: MonitorErrorCode): value is MonitorError {
  if (!(value instanceof MonitorError)) return false;
  return code === undefined || (value as Branded)[ERROR_CODES]!.includes(code);
}
