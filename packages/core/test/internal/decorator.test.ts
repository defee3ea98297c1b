import {
  createInstrumenter,
  decorateMethod,
  isMethodDecoratorContext,
  keepName,
} from '../../src/internal/index.js';

interface Opts {
  label?: string;
}

/** A test instrumentation recording the name each call was made under. */
function makeTagged() {
  const calls: string[] = [];
  const normalized: unknown[] = [];
  const tagged = createInstrumenter<Opts | string, Opts>({
    normalize: (input) => {
      normalized.push(input);
      return typeof input === 'string' ? { label: input } : (input ?? {});
    },
    wrap: (fn, name, options) =>
      keepName(
        function (this: unknown, ...args: never[]) {
          calls.push(options.label ?? name);
          return (fn as unknown as (this: unknown, ...a: never[]) => unknown).apply(this, args);
        } as unknown as typeof fn,
        fn,
      ),
  });
  return { tagged, calls, normalized };
}

describe('createInstrumenter', () => {
  it('wraps a function: x(fn) and x(fn, options), keeping this, args and name', () => {
    const { tagged, calls } = makeTagged();
    function add(this: { k: number }, a: number, b: number): number {
      return this.k + a + b;
    }
    const wrapped = tagged(add);
    expect(wrapped.name).toBe('add');
    expect(wrapped.call({ k: 1 }, 2, 3)).toBe(6);
    expect(tagged((x: number) => x * 2, 'double')(4)).toBe(8);
    expect(calls).toEqual(['add', 'double']);
  });

  it('x(options)(fn) wraps a plain function too', () => {
    const { tagged, calls } = makeTagged();
    const anon = tagged({ label: 'L' })(() => 'r');
    expect(anon()).toBe('r');
    expect(tagged()(() => 1)()).toBe(1);
    expect(calls).toEqual(['L', 'anonymous']);
  });

  it('is a TC39 method decorator, with and without parentheses, named Class.method', () => {
    const { tagged, calls } = makeTagged();
    class Orders {
      @tagged
      place(n: number): number {
        return n + 1;
      }

      @tagged('custom')
      cancel(): string {
        return 'ok';
      }

      @tagged()
      static count(): number {
        return 0;
      }
    }
    const orders = new Orders();
    expect(orders.place(1)).toBe(2);
    expect(orders.cancel()).toBe('ok');
    expect(Orders.count()).toBe(0);
    expect(calls).toEqual(['Orders.place', 'custom', 'Orders.count']);
  });

  it('gives a subclass its own name for an inherited method, and caches per class', () => {
    const { tagged, calls } = makeTagged();
    class Base {
      @tagged()
      run(): void {}
    }
    class Child extends Base {}
    new Base().run();
    new Child().run();
    new Base().run();
    new Child().run();
    expect(calls).toEqual(['Base.run', 'Child.run', 'Base.run', 'Child.run']);
  });

  it('normalizes the options once, at definition time', () => {
    const { tagged, normalized } = makeTagged();
    const fn = tagged(() => 1, 'n');
    fn();
    fn();
    expect(normalized).toEqual(['n']);
  });
});

describe('decorateMethod and isMethodDecoratorContext', () => {
  it('falls back to the bare method name without a receiver', () => {
    const names: string[] = [];
    const context = {
      kind: 'method',
      name: 'go',
      static: false,
      addInitializer: () => undefined,
    } as unknown as ClassMethodDecoratorContext;
    const method = function () {
      return 1;
    };
    const decorated = decorateMethod(method, context, (m, name) => {
      names.push(name);
      return m;
    });
    expect(decorated.call(undefined as never)).toBe(1);
    expect(names).toEqual(['go']);
  });

  it('recognises only method decorator contexts', () => {
    expect(isMethodDecoratorContext({ kind: 'method', addInitializer: () => undefined })).toBe(
      true,
    );
    expect(isMethodDecoratorContext({ kind: 'field', addInitializer: () => undefined })).toBe(
      false,
    );
    expect(isMethodDecoratorContext({ name: 'x' })).toBe(false);
    expect(isMethodDecoratorContext(undefined)).toBe(false);
  });
});
