import {
  getObservability,
  isAttributeValue,
  type ObservabilityService,
  type SpanKind,
  type StartSpanOptions,
} from '@lexigram/monitor-core';

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

type AnyFn = (this: unknown, ...args: never[]) => unknown;

/**
 * Wrap a function in a span (higher-order form). The span is active while the function runs,
 * ends when it returns or its promise settles, and records a throw or rejection as an
 * `exception` event with status `error`. Sync functions stay sync.
 *
 * @example
 * ```ts
 * const loadUser = traced(async function loadUser(id: string) { ... });
 * ```
 */
export function traced<F extends AnyFn>(fn: F, options?: string | TracedOptions): F;
/**
 * `traced` as a standard (TC39) method decorator: `@traced()`, `@traced('name')` or
 * `@traced({ ... })`. The default span name is `ClassName.method`.
 *
 * @example
 * ```ts
 * class Orders { @traced() async place(order: Order) { ... } }
 * ```
 */
export function traced(
  options?: string | TracedOptions,
): <F extends AnyFn>(method: F, context: ClassMethodDecoratorContext) => F;
/** `@traced` used without parentheses. */
export function traced<F extends AnyFn>(method: F, context: ClassMethodDecoratorContext): F;
export function traced(
  fnOrOptions?: AnyFn | string | TracedOptions,
  second?: string | TracedOptions | ClassMethodDecoratorContext,
): unknown {
  if (typeof fnOrOptions === 'function') {
    if (isDecoratorContext(second)) return decorate(fnOrOptions, second, {});
    return wrapFunction(fnOrOptions, normalize(second), fnOrOptions.name || 'anonymous');
  }
  const options = normalize(fnOrOptions);
  return <F extends AnyFn>(method: F, context: ClassMethodDecoratorContext): F =>
    decorate(method, context, options);
}

function normalize(options: string | TracedOptions | undefined): TracedOptions {
  if (options === undefined) return {};
  return typeof options === 'string' ? { name: options } : options;
}

function isDecoratorContext(value: unknown): value is ClassMethodDecoratorContext {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'method' &&
    typeof (value as { addInitializer?: unknown }).addInitializer === 'function'
  );
}

/** Span options built once per wrapped function, so a call allocates none of them. */
function spanOptionsFor(name: string, options: TracedOptions): StartSpanOptions {
  return {
    attributes: { ...options.attributes, 'code.function.name': name },
    ...(options.kind === undefined ? {} : { kind: options.kind }),
  };
}

function wrapFunction<F extends AnyFn>(fn: F, options: TracedOptions, defaultName: string): F {
  const name = options.name ?? defaultName;
  const spanOptions = spanOptionsFor(name, options);
  const wrapped = function (this: unknown, ...args: never[]): unknown {
    const service = options.service ?? getObservability();
    const startOptions = options.captureArgs ? withArgs(spanOptions, args) : spanOptions;
    return service.tracer.startActiveSpan(name, startOptions, () => fn.apply(this, args));
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped as unknown as F;
}

function decorate<F extends AnyFn>(
  method: F,
  context: ClassMethodDecoratorContext,
  options: TracedOptions,
): F {
  const methodName = String(context.name);
  // The class is only known from the receiver: one wrapper per class, built on first call, so
  // a subclass calling an inherited method gets its own qualified name.
  const byClass = new WeakMap<object, F>();
  return function (this: unknown, ...args: never[]): unknown {
    const owner = (context.static ? this : (this as object | undefined)?.constructor) as
      { name?: string } | undefined;
    if (owner === undefined || owner === null) {
      return wrapFunction(method, options, methodName).apply(this, args);
    }
    let wrapper = byClass.get(owner);
    if (wrapper === undefined) {
      wrapper = wrapFunction(
        method,
        options,
        owner.name ? `${owner.name}.${methodName}` : methodName,
      );
      byClass.set(owner, wrapper);
    }
    return wrapper.apply(this, args);
  } as F;
}

function withArgs(base: StartSpanOptions, args: readonly unknown[]): StartSpanOptions {
  const attributes: Record<string, unknown> = { ...base.attributes };
  args.forEach((arg, i) => {
    if (isAttributeValue(arg)) attributes[`code.function.args.${i}`] = arg;
  });
  return { ...base, attributes };
}
