import {
  getObservability,
  isAttributeValue,
  type ObservabilityService,
  type SpanKind,
  type StartSpanOptions,
} from '@lexigram/monitor-core';
import {
  createInstrumenter,
  keepName,
  type AnyFunction,
  type Instrumenter,
} from '@lexigram/monitor-core/internal';

/** Options of {@link traced}. */
export interface TracedOptions {
  /** Span name. Default: the qualified function name (`Class.method`, or the function's name). */
  name?: string;
  /** Service whose tracer records the span. Default: `getObservability()` at call time. */
  service?: ObservabilityService;
  /** Attributes added to every span. */
  attributes?: Readonly<Record<string, unknown>>;
  /** Span kind. Default `internal`. */
  kind?: SpanKind;
  /**
   * Record the arguments as `code.function.args.<i>` attributes (values of unsupported types are
   * skipped). Off by default: arguments often hold personal data.
   */
  captureArgs?: boolean;
}

/**
 * Wrap a function in a span: `traced(fn, options?)`, `traced(options?)(fn)`, or as a standard
 * (TC39) method decorator, `@traced`, `@traced()`, `@traced('name')` or `@traced({ ... })`
 * (default span name `ClassName.method`). The span is active while the function runs, ends when
 * it returns or its promise settles, and records a throw or rejection as an `exception` event
 * with status `error`. Sync functions stay sync.
 *
 * @example
 * ```ts
 * const loadUser = traced(async function loadUser(id: string) { ... });
 * class Orders { @traced() async place(order: Order) { ... } }
 * ```
 */
export const traced: Instrumenter<string | TracedOptions> = createInstrumenter<
  string | TracedOptions,
  TracedOptions
>({
  normalize,
  wrap: (fn, name, options) => wrapFunction(fn, options, name),
});

function normalize(options: string | TracedOptions | undefined): TracedOptions {
  if (options === undefined) return {};
  return typeof options === 'string' ? { name: options } : options;
}

/** Span options built once per wrapped function, so a call allocates none of them. */
function spanOptionsFor(name: string, options: TracedOptions): StartSpanOptions {
  return {
    attributes: { ...options.attributes, 'code.function.name': name },
    ...(options.kind === undefined ? {} : { kind: options.kind }),
  };
}

function wrapFunction<F extends AnyFunction>(
  fn: F,
  options: TracedOptions,
  defaultName: string,
): F {
  const name = options.name ?? defaultName;
  const spanOptions = spanOptionsFor(name, options);
  return keepName(
    function (this: unknown, ...args: unknown[]): unknown {
      const service = options.service ?? getObservability();
      const startOptions = options.captureArgs ? withArgs(spanOptions, args) : spanOptions;
      return service.tracer.startActiveSpan(name, startOptions, () =>
        (fn as unknown as (this: unknown, ...a: unknown[]) => unknown).apply(this, args),
      );
    } as unknown as F,
    fn,
  );
}

function withArgs(base: StartSpanOptions, args: readonly unknown[]): StartSpanOptions {
  const attributes: Record<string, unknown> = { ...base.attributes };
  args.forEach((arg, i) => {
    if (isAttributeValue(arg)) attributes[`code.function.args.${i}`] = arg;
  });
  return { ...base, attributes };
}
