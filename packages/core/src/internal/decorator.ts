/**
 * Any function a decorator may wrap. `this: any` both accepts functions that declare a `this`
 * type and leaves an undeclared `this` callable as usual (`this: never` would make it uncallable,
 * `this: unknown` would refuse typed `this`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFunction = (this: any, ...args: never[]) => unknown;

type Callable = (this: unknown, ...args: unknown[]) => unknown;

/**
 * The callable returned by `x(options)`: a standard (TC39) method decorator, and also a plain
 * wrapper when called with a function alone (`x(options)(fn)`).
 */
export type DecoratorOrWrapper = <F extends AnyFunction>(
  fn: F,
  context?: ClassMethodDecoratorContext,
) => F;

/**
 * One instrumentation entry point in all three forms: `x(fn, options?)` wraps a function,
 * `x(options?)` returns a method decorator (that also wraps a plain function), and `@x` without
 * parentheses decorates a method.
 */
export interface Instrumenter<I> {
  /** `@x` on a method, without parentheses. */
  <F extends AnyFunction>(method: F, context: ClassMethodDecoratorContext): F;
  /** Wrap `fn`. */
  <F extends AnyFunction>(fn: F, options?: I): F;
  /** A method decorator (or wrapper) with these options. */
  (options?: I): DecoratorOrWrapper;
}

/** What an instrumentation provides to {@link createInstrumenter}. */
export interface InstrumenterSpec<I, O> {
  /** Check and normalize the user's options once, where the mistake is (at definition time). */
  normalize(input: I | undefined): O;
  /**
   * Build the wrapper of `fn`. `name` is the qualified name: `Class.method` for a decorated
   * method (`method` when the receiver has no class), else `fn.name` or `anonymous`.
   */
  wrap<F extends AnyFunction>(fn: F, name: string, options: O): F;
}

/** True for the context object of a TC39 method decorator. */
export function isMethodDecoratorContext(value: unknown): value is ClassMethodDecoratorContext {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'method' &&
    typeof (value as { addInitializer?: unknown }).addInitializer === 'function'
  );
}

/**
 * Decorate `method`: the class is only known from the receiver, so the wrapper is built on the
 * first call, once per class (a subclass calling an inherited method gets its own qualified
 * name), by `build(method, 'Class.method')`.
 */
export function decorateMethod<F extends AnyFunction>(
  method: F,
  context: ClassMethodDecoratorContext,
  build: (method: F, qualifiedName: string) => F,
): F {
  const methodName = String(context.name);
  const byClass = new WeakMap<object, Callable>();
  let lastOwner: object | undefined;
  let lastWrapper: Callable | undefined;
  let unowned: Callable | undefined;
  return function (this: unknown, ...args: unknown[]): unknown {
    const owner = (context.static ? this : (this as object | undefined)?.constructor) as
      { name?: string } | undefined | null;
    if (owner === undefined || owner === null) {
      unowned ??= build(method, methodName) as unknown as Callable;
      return unowned.apply(this, args);
    }
    if (owner !== lastOwner) {
      let wrapper = byClass.get(owner);
      if (wrapper === undefined) {
        const name = owner.name ? `${owner.name}.${methodName}` : methodName;
        wrapper = build(method, name) as unknown as Callable;
        byClass.set(owner, wrapper);
      }
      lastOwner = owner;
      lastWrapper = wrapper;
    }
    return lastWrapper!.apply(this, args);
  } as unknown as F;
}

/**
 * Keep the wrapped function's `name` on its wrapper, so stack traces and the default names of
 * stacked decorators stay meaningful.
 */
export function keepName<F>(wrapper: F, original: { name: string }): F {
  Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
  return wrapper;
}

/**
 * Build `traced`/`metered`/`monitor`-style entry points from one spec, so every instrumentation
 * accepts the same three forms and names methods the same way.
 *
 * @example
 * ```ts
 * export const timed = createInstrumenter<TimedOptions | string, TimedOptions>({
 *   normalize: (input) => (typeof input === 'string' ? { name: input } : input ?? {}),
 *   wrap: (fn, name, options) => wrapWithTimer(fn, options.name ?? name),
 * });
 * ```
 */
export function createInstrumenter<I, O>(spec: InstrumenterSpec<I, O>): Instrumenter<I> {
  const decoratorFor =
    (options: O): DecoratorOrWrapper =>
    <F extends AnyFunction>(fn: F, context?: ClassMethodDecoratorContext): F =>
      isMethodDecoratorContext(context)
        ? decorateMethod(fn, context, (method, name) => spec.wrap(method, name, options))
        : spec.wrap(fn, fn.name || 'anonymous', options);
  return ((first?: unknown, second?: unknown): unknown => {
    if (typeof first === 'function') {
      if (isMethodDecoratorContext(second)) {
        return decoratorFor(spec.normalize(undefined))(first as AnyFunction, second);
      }
      return decoratorFor(spec.normalize(second as I | undefined))(first as AnyFunction);
    }
    return decoratorFor(spec.normalize(first as I | undefined));
  }) as Instrumenter<I>;
}
