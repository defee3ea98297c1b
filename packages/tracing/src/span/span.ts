import {
  SpanStatus,
  hrTimeDuration,
  isAttributeValue,
  type Attributes,
  type HrTime,
  type SpanContextData,
  type SpanEventData,
  type SpanKind,
  type SpanLinkData,
  type SpanProtocol,
  type SpanStatusData,
  type StartSpanLink,
} from '@lexigram/monitor-core';
import {
  INDEX_FROM,
  attributesObject,
  copyValue,
  indexAttributes,
  sanitizeAttributes,
  sanitizeLinks,
} from './attributes.js';
import { exceptionAttributes } from './exception.js';
import { untrack, type LeakGroup, type LeakHolder } from './leakTracker.js';
import { ReadableSpanView } from './readableSpan.js';
import type { SpanOwner } from './spanOwner.js';
import { isTimeInput, now, relativeToHrTime, toRelative } from './spanTime.js';

const UNSET: SpanStatusData = Object.freeze({ code: SpanStatus.Unset });
const NO_EVENTS: readonly SpanEventData[] = Object.freeze([]);
const NO_LINKS: readonly SpanLinkData[] = Object.freeze([]);

/**
 * A recording span: created by `Tracer.startSpan` for sampled traces. It keeps attributes,
 * events, links and status until `end()`, then hands itself to the tracer's span processor.
 *
 * Every method is safe after `end()` (it does nothing). Bad input is dropped and counted, never
 * thrown: attribute values of unsupported types, attributes, events and links past the limits of
 * `TracingConfig` (`droppedAttributesCount`, `droppedEventsCount`, `droppedLinksCount`).
 *
 * Works with `using`: `using span = tracer.startSpan('work')` ends the span at scope exit.
 */
export class Span implements SpanProtocol, LeakHolder {
  /** Span kind. */
  readonly kind: SpanKind;
  /** Span id of the parent, if any. */
  readonly parentSpanId: string | undefined;
  /** Attributes not kept: unsupported value types and those past the limit. */
  droppedAttributesCount = 0;
  /** Events not kept because of the limit. */
  droppedEventsCount = 0;
  /** Links not kept because of the limit. */
  droppedLinksCount = 0;
  /** @internal leak tracking group (see LeakTracker). */
  leakGroup: LeakGroup | undefined = undefined;
  /** @internal slot in {@link Span.leakGroup}. */
  leakSlot = 0;

  private _name: string;
  private readonly _context: SpanContextData;
  private readonly _owner: SpanOwner;
  private readonly _start: number;
  private readonly _startHr: HrTime | undefined;
  private _end = 0;
  private _endHr: HrTime | undefined = undefined;
  private _ended = false;
  private _status: SpanStatusData = UNSET;
  // Attributes as [key, value, key, value, ...]: for the few attributes most spans carry, a
  // linear scan beats an object's keyed lookups; past INDEX_FROM keys a Map index takes over.
  private readonly _kv: unknown[];
  private _index: Map<string, number> | undefined = undefined;
  private _attributes: Attributes | undefined = undefined;
  private _events: SpanEventData[] | undefined = undefined;
  private _links: SpanLinkData[] | undefined = undefined;
  private _readable: ReadableSpanView | undefined = undefined;

  /** @internal Spans are created by a tracer: use `Tracer.startSpan`. */
  constructor(
    owner: SpanOwner,
    name: string,
    context: SpanContextData,
    kind: SpanKind,
    parentSpanId: string | undefined,
    startTime: HrTime | number | undefined,
  ) {
    this._owner = owner;
    this._name = name;
    this._context = context;
    this.kind = kind;
    this.parentSpanId = parentSpanId;
    this._kv = [];
    if (startTime === undefined || !isTimeInput(startTime)) {
      this._start = now();
      this._startHr = undefined;
    } else {
      this._start = toRelative(startTime);
      this._startHr = typeof startTime === 'number' ? undefined : startTime;
    }
  }

  /** Current span name. */
  get name(): string {
    return this._name;
  }

  /** Attributes and their values as set (a snapshot object, rebuilt after a change). */
  get attributes(): Attributes {
    return (this._attributes ??= attributesObject(this._kv));
  }

  /** True once `end()` was called. */
  get ended(): boolean {
    return this._ended;
  }

  /** Status as set (`unset` until `setStatus`). */
  get status(): SpanStatusData {
    return this._status;
  }

  /** Events recorded so far. */
  get events(): readonly SpanEventData[] {
    return this._events ?? NO_EVENTS;
  }

  /** Links given at start. */
  get links(): readonly SpanLinkData[] {
    return this._links ?? NO_LINKS;
  }

  /** Start time (epoch, ns precision). */
  get startTime(): HrTime {
    return this._startHr ?? relativeToHrTime(this._start);
  }

  /** End time; the start time while the span is still open. */
  get endTime(): HrTime {
    if (!this._ended) return this.startTime;
    return this._endHr ?? relativeToHrTime(this._end);
  }

  /** `endTime - startTime` (zero while open). */
  get duration(): HrTime {
    return hrTimeDuration(this.startTime, this.endTime);
  }

  /** Duration in milliseconds; for an open span, the time elapsed so far. */
  get durationMs(): number {
    return (this._ended ? this._end : now()) - this._start;
  }

  /** The tracer's resource (`service.name`, ...). */
  get resource(): SpanOwner['resource'] {
    return this._owner.resource;
  }

  /** Library that created the span. */
  get instrumentationScope(): SpanOwner['instrumentationScope'] {
    return this._owner.instrumentationScope;
  }

  spanContext(): SpanContextData {
    return this._context;
  }

  /** True until the span ends. */
  isRecording(): boolean {
    return !this._ended;
  }

  setAttribute(key: string, value: unknown): this {
    if (this._ended) return this;
    if (!isAttributeValue(value) || typeof key !== 'string' || key === '__proto__') {
      this.droppedAttributesCount++;
      return this;
    }
    const kv = this._kv;
    const stored = typeof value === 'object' ? copyValue(value) : value;
    let at = -1;
    const index = this._index;
    if (index !== undefined) at = index.get(key) ?? -1;
    else {
      for (let i = 0; i < kv.length; i += 2) {
        if (kv[i] === key) {
          at = i;
          break;
        }
      }
    }
    if (at >= 0) kv[at + 1] = stored;
    else if (kv.length >= this._owner.limits.maxAttributes * 2) {
      this.droppedAttributesCount++;
      return this;
    } else {
      kv.push(key, stored);
      if (index !== undefined) index.set(key, kv.length - 2);
      else if (kv.length > INDEX_FROM * 2) this._index = indexAttributes(kv);
    }
    this._attributes = undefined;
    return this;
  }

  setAttributes(attributes: Readonly<Record<string, unknown>>): this {
    if (this._ended || attributes === null || typeof attributes !== 'object') return this;
    for (const key of Object.keys(attributes)) this.setAttribute(key, attributes[key]);
    return this;
  }

  addEvent(
    name: string,
    attributes?: Readonly<Record<string, unknown>>,
    time?: HrTime | number,
  ): this {
    if (this._ended) return this;
    const events = (this._events ??= []);
    if (events.length >= this._owner.limits.maxEvents) {
      this.droppedEventsCount++;
      return this;
    }
    const at =
      time !== undefined && isTimeInput(time)
        ? typeof time === 'number'
          ? relativeToHrTime(toRelative(time))
          : time
        : relativeToHrTime(now());
    const sanitized = sanitizeAttributes(attributes, this._owner.limits.maxAttributes);
    events.push({ name: String(name), time: at, attributes: sanitized.attributes });
    return this;
  }

  recordException(error: unknown, attributes?: Readonly<Record<string, unknown>>): this {
    if (this._ended) return this;
    const merged = attributes ? { ...exceptionAttributes(error), ...attributes } : undefined;
    return this.addEvent('exception', merged ?? exceptionAttributes(error));
  }

  /**
   * Set the status. `ok` is final (later calls are ignored), `unset` is ignored, and a message
   * is kept only with `error`, as OpenTelemetry specifies.
   */
  setStatus(status: SpanStatus, message?: string): this {
    if (this._ended || this._status.code === SpanStatus.Ok) return this;
    if (status === SpanStatus.Ok) this._status = { code: SpanStatus.Ok };
    else if (status === SpanStatus.Error) {
      this._status =
        message === undefined
          ? { code: SpanStatus.Error }
          : { code: SpanStatus.Error, message: String(message) };
    }
    return this;
  }

  updateName(name: string): this {
    if (!this._ended) this._name = String(name);
    return this;
  }

  /**
   * End the span; later calls do nothing. `endTime` (HrTime or epoch ms) defaults to now; an end
   * before the start is clamped to the start.
   */
  end(endTime?: HrTime | number): void {
    if (this._ended) return;
    this._ended = true;
    if (endTime === undefined || !isTimeInput(endTime)) {
      this._end = now();
    } else {
      this._end = toRelative(endTime);
      if (typeof endTime !== 'number') this._endHr = endTime;
    }
    if (this._end < this._start) {
      this._end = this._start;
      this._endHr = undefined;
    }
    untrack(this);
    this._owner.onSpanEnd(this);
  }

  /** Alias of {@link Span.end}. */
  finish(): void {
    this.end();
  }

  /** Ends the span, so `using span = tracer.startSpan(...)` works. */
  [Symbol.dispose](): void {
    this.end();
  }

  /** @internal Store links given at start, within the limit. */
  setLinks(links: readonly StartSpanLink[]): void {
    const { links: kept, dropped } = sanitizeLinks(links, this._owner.limits);
    if (kept.length > 0) this._links = kept;
    this.droppedLinksCount += dropped;
  }

  /** The span as exporters read it (core's `ReadableSpanData`), with times as HrTime. */
  toReadableSpan(): ReadableSpanView {
    return (this._readable ??= new ReadableSpanView(this));
  }
}
