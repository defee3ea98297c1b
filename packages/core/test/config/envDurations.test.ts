import fc from 'fast-check';
import { MonitorConfigError, loadConfig } from '@lexigram/monitor-core';

const VARIABLES = [
  'LEX_MONITOR_HEALTH__TIMEOUT_MS',
  'LEX_MONITOR_METRICS__COLLECTION_INTERVAL_MS',
  'LEX_MONITOR_OPENTELEMETRY__TIMEOUT_MS',
];

describe('config durations above 2^31 - 1 ms are rejected (F4)', () => {
  it.each(VARIABLES)('%s=2592000000 (30 days)', (variable) => {
    let error: unknown;
    try {
      loadConfig({}, { env: { [variable]: '2592000000' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MonitorConfigError);
    expect((error as Error).message).toContain('at most 2147483647');
    expect((error as Error).message).toContain(variable);
  });

  it('accepts every value up to the limit and rejects every value above it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (ms) => {
        const load = () => loadConfig({ health: { timeoutMs: ms } });
        if (ms <= 2 ** 31 - 1) expect(load().health.timeoutMs).toBe(ms);
        else expect(load).toThrow(/health\.timeoutMs/);
      }),
    );
  });
});
