import fc from 'fast-check';
import type { MetricCollectionError } from '@lexigram/monitor-core';
import { MetricsCollector } from '../../src/collector/metricsCollector.js';

/** collect() results that break a naive thenable handling. */
function hostile(kind: number): unknown {
  switch (kind) {
    case 0:
      return {
        then() {
          throw new Error('then() throws');
        },
      };
    case 1:
      return Object.defineProperty({}, 'then', {
        get() {
          throw new Error('then getter throws');
        },
      });
    case 2: {
      const r = Proxy.revocable({}, {});
      r.revoke();
      return r.proxy;
    }
    case 3:
      return Promise.reject(
        Object.defineProperty(new Error('x'), 'message', {
          get() {
            throw new Error('message getter');
          },
        }),
      );
    default:
      return { then: (_ok: unknown, fail: (e: unknown) => void) => fail(Symbol('sym')) };
  }
}

describe('collect() never rejects (F19)', () => {
  it('the thenable of the findings note: left out once, nothing else lost', async () => {
    jest.useFakeTimers();
    try {
      const errors: MetricCollectionError[] = [];
      const col = new MetricsCollector({ onCollectError: (e) => errors.push(e) });
      col.createCounter('requests_total').inc();
      col.registerMetric({
        name: 'weird',
        type: 'gauge',
        description: '',
        record() {},
        collect: () => hostile(0),
      } as never);
      const families = await col.collect();
      expect(families.map((f) => f.name)).toEqual(['requests_total']);
      expect(errors).toHaveLength(1);
      // The timeout timer was cleared: no second report later.
      jest.advanceTimersByTime(60_000);
      expect(errors).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('for every hostile collect result, alone or among good metrics', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 5 }),
        async (kinds) => {
          const errors: MetricCollectionError[] = [];
          const col = new MetricsCollector({ onCollectError: (e) => errors.push(e) });
          col.createCounter('ok_total').inc();
          kinds.forEach((kind, i) =>
            col.registerMetric({
              name: `bad_${i}`,
              type: 'gauge',
              description: '',
              record() {},
              collect: () => hostile(kind),
            } as never),
          );
          const families = await col.collect();
          // Each bad metric is left out and reported once; the good one is kept.
          expect(families.map((f) => f.name)).toEqual(['ok_total']);
          expect(errors.length).toBe(kinds.length);
        },
      ),
      { numRuns: 50 },
    );
  });
});
