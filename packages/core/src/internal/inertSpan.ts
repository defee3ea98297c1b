import type { HrTime } from '../model/hrTime.js';
import type { SpanStatus } from '../model/spanStatus.js';

/**
 * The part every span that records nothing shares (core's `NoOpSpan`, tracing's
 * `NonRecordingSpan`): events, exceptions, status and renames are dropped, `isRecording()` is
 * false, and `finish()` / `[Symbol.dispose]()` end the span. Subclasses say what they keep
 * (attributes, a span context) and what ending means.
 */
export abstract class InertSpan {
  /** End the span; what that changes is up to the subclass. */
  abstract end(endTime?: HrTime | number): void;

  addEvent(
    _name: string,
    _attributes?: Readonly<Record<string, unknown>>,
    _time?: HrTime | number,
  ): this {
    return this;
  }

  recordException(_error: unknown, _attributes?: Readonly<Record<string, unknown>>): this {
    return this;
  }

  setStatus(_status: SpanStatus, _message?: string): this {
    return this;
  }

  updateName(_name: string): this {
    return this;
  }

  /** Always false: nothing is recorded. */
  isRecording(): boolean {
    return false;
  }

  finish(): void {
    this.end();
  }

  [Symbol.dispose](): void {
    this.end();
  }
}
