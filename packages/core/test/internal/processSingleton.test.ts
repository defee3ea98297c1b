import { SINGLETON_STORE_LINE } from '../../src/internal/processSingleton.js';
import { processSingleton } from '../../src/internal/index.js';

describe('processSingleton', () => {
  it('returns one value per key, created once', () => {
    let created = 0;
    const a = processSingleton('test/one', () => ({ n: ++created }));
    const b = processSingleton('test/one', () => ({ n: ++created }));
    expect(a).toBe(b);
    expect(created).toBe(1);
  });

  it('keeps its store under a key versioned by the compatibility line of core', () => {
    processSingleton('test/versioned', () => 1);
    const store = (globalThis as unknown as Record<symbol, Map<string, unknown>>)[
      Symbol.for(`@lexigram/monitor-core/singletons@${SINGLETON_STORE_LINE}`)
    ];
    expect(store?.get('test/versioned')).toBe(1);
    // An older, unversioned store is not the one used.
    expect(
      (globalThis as unknown as Record<symbol, unknown>)[
        Symbol.for('@lexigram/monitor-core/singletons')
      ],
    ).toBeUndefined();
  });

  it('uses a value of its own when the shared one has the wrong shape', () => {
    processSingleton('test/shape', () => 'from an older copy');
    const mine = processSingleton(
      'test/shape',
      () => ({ ok: true }),
      (v) => typeof v === 'object',
    );
    expect(mine).toEqual({ ok: true });
    expect(
      processSingleton(
        'test/shape',
        () => ({ ok: false }),
        (v) => typeof v === 'object',
      ),
    ).toBe(mine);
  });
});
