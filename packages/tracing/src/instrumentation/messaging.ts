import {
  SpanError,
  SpanKind,
  getObservability,
  type SpanProtocol,
  type TextMapGetterCarrier,
  type TextMapSetterCarrier,
  type TracerProtocol,
} from '@lexigram/monitor-core';
import { Tracer } from '../tracer/tracer.js';

/** Where a publish or consume helper gets its tracer and what it adds. */
export interface MessagingOptions {
  /** Tracer to use. Default: `getObservability().tracer` at call time. */
  tracer?: TracerProtocol;
  /** `messaging.system`, e.g. `kafka`, `rabbitmq`, `smtp`. */
  system?: string;
}

/** What {@link tracePublish} takes in its object form. */
export interface PublishOptions extends MessagingOptions {
  /** Destination: queue, topic or channel name. */
  channel: string;
  /** Kind of message. Default `'email'`, as in the reference. */
  messageType?: string;
  /** Addressee, when the message has one. */
  recipient?: string;
  /** Further span attributes. */
  attributes?: Readonly<Record<string, unknown>>;
  /** Headers to inject the trace context into. Default: a new object given to `fn`. */
  headers?: TextMapSetterCarrier;
}

/** What {@link traceConsume} takes in its object form. */
export interface ConsumeOptions extends MessagingOptions {
  /** Source: queue, topic or channel name. */
  channel: string;
  /** Kind of message. Default `'unknown'`, as in the reference. */
  messageType?: string;
  /** Message headers the producer's context is read from. */
  carrier?: TextMapGetterCarrier;
  /** Further span attributes. */
  attributes?: Readonly<Record<string, unknown>>;
}

/**
 * Trace publishing a message: runs `fn` in a PRODUCER span named `publish <channel>` with
 * messaging attributes, and hands it the headers the trace context was injected into, to send
 * with the message. The span ends when `fn` returns or settles; errors are recorded and
 * rethrown.
 *
 * @example
 * ```ts
 * await tracePublish('notifications', 'email', 'ann@example.com', {}, async (span, headers) => {
 *   await queue.send({ body, headers });
 * });
 * ```
 */
export function tracePublish<T>(
  channel: string,
  messageType: string | undefined,
  recipient: string | undefined,
  attributes: Readonly<Record<string, unknown>> | undefined,
  fn: (span: SpanProtocol, headers: TextMapSetterCarrier) => T,
  options?: MessagingOptions & { headers?: TextMapSetterCarrier },
): T;
/** Object form of {@link tracePublish}. */
export function tracePublish<T>(
  options: PublishOptions,
  fn: (span: SpanProtocol, headers: TextMapSetterCarrier) => T,
): T;
export function tracePublish<T>(...args: unknown[]): T {
  const [options, fn] = publishArgs<T>(args);
  const tracer = options.tracer ?? getObservability().tracer;
  const attributes: Record<string, unknown> = {
    'messaging.destination.name': options.channel,
    'messaging.operation.type': 'send',
    'messaging.operation.name': 'publish',
    'messaging.message.type': options.messageType ?? 'email',
  };
  if (options.recipient !== undefined)
    attributes['messaging.message.recipient'] = options.recipient;
  if (options.system !== undefined) attributes['messaging.system'] = options.system;
  Object.assign(attributes, options.attributes);
  return tracer.startActiveSpan(
    `publish ${options.channel}`,
    { kind: SpanKind.Producer, attributes },
    (span) => {
      const headers = options.headers ?? {};
      tracer.injectContext(headers, span.spanContext());
      return fn(span, headers);
    },
  );
}

/**
 * Trace consuming a message: reads the producer's trace context from the message headers
 * (`carrier`) and runs `fn` in a CONSUMER span named `process <channel>`, a child of the
 * producer's span (or of the active span when the headers carry none or an invalid one). Baggage
 * in the headers is active inside `fn`.
 *
 * @example
 * ```ts
 * await traceConsume('notifications', 'email', message.headers, {}, async (span) => {
 *   await deliver(message);
 * });
 * ```
 */
export function traceConsume<T>(
  channel: string,
  messageType: string | undefined,
  carrier: TextMapGetterCarrier | undefined,
  attributes: Readonly<Record<string, unknown>> | undefined,
  fn: (span: SpanProtocol) => T,
  options?: MessagingOptions,
): T;
/** Object form of {@link traceConsume}. */
export function traceConsume<T>(options: ConsumeOptions, fn: (span: SpanProtocol) => T): T;
export function traceConsume<T>(...args: unknown[]): T {
  const [options, fn] = consumeArgs<T>(args);
  const tracer = options.tracer ?? getObservability().tracer;
  const attributes: Record<string, unknown> = {
    'messaging.destination.name': options.channel,
    'messaging.operation.type': 'process',
    'messaging.operation.name': 'consume',
    'messaging.message.type': options.messageType ?? 'unknown',
  };
  if (options.system !== undefined) attributes['messaging.system'] = options.system;
  Object.assign(attributes, options.attributes);
  const carrier = options.carrier;
  const parent = carrier ? tracer.extractContext(carrier) : undefined;
  const run = (): T =>
    tracer.startActiveSpan(
      `process ${options.channel}`,
      { kind: SpanKind.Consumer, attributes, ...(parent ? { parent } : {}) },
      fn,
    );
  if (carrier && tracer instanceof Tracer) {
    const baggage = tracer.extractBaggage(carrier);
    if (baggage.size > 0) return tracer.withBaggage(baggage, run);
  }
  return run();
}

/**
 * Inject the active trace context (and baggage) into `carrier`, before sending a message or a
 * request by hand. Returns `carrier`.
 */
export function injectTraceContext<C extends TextMapSetterCarrier>(
  carrier: C,
  options: { tracer?: TracerProtocol } = {},
): C {
  (options.tracer ?? getObservability().tracer).injectContext(carrier);
  return carrier;
}

type Publish<T> = [PublishOptions, (span: SpanProtocol, headers: TextMapSetterCarrier) => T];

function publishArgs<T>(args: unknown[]): Publish<T> {
  if (typeof args[0] === 'object' && args[0] !== null) {
    return checked('tracePublish', [args[0], args[1]] as Publish<T>);
  }
  const [channel, messageType, recipient, attributes, fn, extra] = args as [
    string,
    string | undefined,
    string | undefined,
    Readonly<Record<string, unknown>> | undefined,
    Publish<T>[1],
    (MessagingOptions & { headers?: TextMapSetterCarrier }) | undefined,
  ];
  return checked('tracePublish', [{ ...extra, channel, messageType, recipient, attributes }, fn]);
}

type Consume<T> = [ConsumeOptions, (span: SpanProtocol) => T];

function consumeArgs<T>(args: unknown[]): Consume<T> {
  if (typeof args[0] === 'object' && args[0] !== null) {
    return checked('traceConsume', [args[0], args[1]] as Consume<T>);
  }
  const [channel, messageType, carrier, attributes, fn, extra] = args as [
    string,
    string | undefined,
    TextMapGetterCarrier | undefined,
    Readonly<Record<string, unknown>> | undefined,
    Consume<T>[1],
    MessagingOptions | undefined,
  ];
  return checked('traceConsume', [{ ...extra, channel, messageType, carrier, attributes }, fn]);
}

function checked<A extends [{ channel: string }, unknown]>(helper: string, args: A): A {
  const [options, fn] = args;
  if (typeof options.channel !== 'string' || options.channel === '') {
    throw new SpanError(
      `${helper} needs a channel name (a non-empty string), got ${JSON.stringify(options.channel)}.`,
    );
  }
  if (typeof fn !== 'function') {
    throw new SpanError(
      `${helper}("${options.channel}", ...) needs a callback as its last argument.`,
    );
  }
  return args;
}
