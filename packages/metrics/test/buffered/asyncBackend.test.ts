import fc from 'fast-check';
import type { Labels } from '@lexigram/monitor-core';
import { BufferedMetricRecorder } from '../../src/buffered/bufferedMetricRecorder.js';
import { captureWarnings as captureLogger } from '@lexigram/test-support';

/** Let pending promise reactions run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('BufferedMetricRecorder with an async backend (F2)', () => {
  afterEach(() => jest.useRealTimers());

  it('counts a rejection as a failed delivery: retried, then dropped, never unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const logger = captureLogger();
      let calls = 0;
      const rec = new BufferedMetricRecorder(
        {
          recordMetric: async () => {
            calls++;
            throw new Error('backend down');
          },
        },
        { maxRetries: 2, logger },
      );
      rec.record('requests', 1);
      for (let i = 0; i < 4; i++) {
        rec.flush();
        await settle();
      }
      await new Promise((r) => setImmediate(r));
      expect(calls).toBe(3);
      expect(rec.flushed).toBe(0);
      expect(rec.dropped).toBe(1);
      expect(rec.pending).toBe(0);
      expect(logger.warnings.length).toBe(3);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('counts a fulfilled promise as delivered once it settles', async () => {
    let resolve!: () => void;
    const rec = new BufferedMetricRecorder({
      recordMetric: () => new Promise<void>((r) => (resolve = r)),
    });
    rec.record('requests', 1);
    rec.flush();
    expect(rec.flushed).toBe(0);
    resolve();
    await settle();
    expect(rec.flushed).toBe(1);
  });

  it('treats a promise that never settles as failed after deliveryTimeoutMs', async () => {
    jest.useFakeTimers();
    const logger = captureLogger();
    const rec = new BufferedMetricRecorder(
      { recordMetric: () => new Promise(() => {}) },
      { deliveryTimeoutMs: 1000, maxRetries: 1, logger },
    );
    rec.record('requests', 1);
    rec.flush();
    jest.advanceTimersByTime(999);
    expect(rec.pending).toBe(0);
    jest.advanceTimersByTime(1);
    expect(rec.flushed).toBe(0);
    expect(rec.pending).toBe(1); // back in the queue for a retry
    rec.flush();
    jest.advanceTimersByTime(1000);
    expect(rec.dropped).toBe(1);
    expect(rec.pending).toBe(0);
    expect(String(logger.warnings[0]!.details.err)).toContain('did not settle within 1000 ms');
  });

  it('treats a thenable whose then() throws as a failed delivery', async () => {
    const rec = new BufferedMetricRecorder(
      {
        recordMetric: () => ({
          then() {
            throw new Error('then broke');
          },
        }),
      },
      { maxRetries: 1, logger: captureLogger() },
    );
    rec.record('requests', 1);
    expect(() => rec.flush()).not.toThrow();
    expect(rec.pending).toBe(1);
    rec.flush();
    expect(rec.dropped).toBe(1);
    expect(rec.flushed).toBe(0);
  });

  it('delivered + dropped + pending always accounts for every entry, whatever the outcomes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('ok', 'throw', 'reject', 'resolve'), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 3 }),
        async (outcomes, maxRetries) => {
          let call = 0;
          const rec = new BufferedMetricRecorder(
            {
              recordMetric: () => {
                const outcome = outcomes[call++ % outcomes.length];
                if (outcome === 'throw') throw new Error('sync');
                if (outcome === 'reject') return Promise.reject(new Error('async'));
                if (outcome === 'resolve') return Promise.resolve();
                return undefined;
              },
            },
            { maxRetries, logger: captureLogger() },
          );
          for (let i = 0; i < outcomes.length; i++) rec.record('m', i);
          for (let round = 0; round <= maxRetries + 1; round++) {
            rec.flush();
            await settle();
          }
          expect(rec.flushed + rec.dropped + rec.pending).toBe(outcomes.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('BufferedMetricRecorder copies labels at record() (F12)', () => {
  it('delivers each entry with the labels it was recorded with', () => {
    const seen: (string | undefined)[] = [];
    const rec = new BufferedMetricRecorder({
      recordMetric: (_n: string, _v: number, _t: string, labels?: Labels) =>
        void seen.push(labels?.method),
    });
    const labels: Record<string, string> = { method: 'GET' };
    rec.record('req', 1, labels);
    labels.method = 'POST';
    rec.record('req', 1, labels);
    labels.method = 'PUT';
    delete labels.method;
    rec.flush();
    expect(seen).toEqual(['GET', 'POST']);
  });

  it('holds for any sequence of mutations of one reused object', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 20 }), (values) => {
        const seen: (string | undefined)[] = [];
        const rec = new BufferedMetricRecorder({
          recordMetric: (_n: string, _v: number, _t: string, labels?: Labels) =>
            void seen.push(labels?.k),
        });
        const labels: Record<string, string> = {};
        for (const v of values) {
          labels.k = v;
          rec.record('m', 1, labels);
        }
        labels.k = 'mutated';
        rec.flush();
        expect(seen).toEqual(values);
      }),
    );
  });
});
