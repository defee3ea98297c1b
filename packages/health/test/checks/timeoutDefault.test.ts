import { MonitorConfigError } from '@lexigram/monitor-core';
import { DEFAULT_CHECK_TIMEOUT_MS, HealthChecker } from '@lexigram/monitor-health';

const after = (ms: number) => () =>
  new Promise<boolean>((resolve) => setTimeout(() => resolve(true), ms));

describe('check timeouts: 5 s by default, null disables, one timer rule (decision, F4)', () => {
  afterEach(() => jest.useRealTimers());

  it('a 5.5 s check is unhealthy by default and healthy with timeoutMs: null', async () => {
    jest.useFakeTimers();
    expect(DEFAULT_CHECK_TIMEOUT_MS).toBe(5000);
    const c = new HealthChecker();
    c.add('bounded', after(5500));
    c.add('unbounded', after(5500), { timeoutMs: null });
    const run = c.runAll();
    await jest.advanceTimersByTimeAsync(5500);
    const results = await run;
    expect(results.bounded!.status).toBe('unhealthy');
    expect(results.bounded!.message).toBe('check timed out after 5000 ms');
    expect(results.unbounded!.status).toBe('healthy');
  });

  it('a check with timeoutMs: null that rejects is still unhealthy', async () => {
    const c = new HealthChecker();
    c.add('db', () => Promise.reject(new Error('down')), { timeoutMs: null });
    expect((await c.runAll()).db!.message).toBe('check rejected with Error: down');
  });

  it('rejects timeouts a timer cannot honour, naming the field', () => {
    const c = new HealthChecker();
    for (const bad of [30 * 86_400_000, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
      expect(() => c.add(`x${bad}`, () => true, { timeoutMs: bad })).toThrow(
        /timeoutMs of health check .* must be at most 2147483647/,
      );
    }
    expect(() => new HealthChecker({ defaultTimeoutMs: 2 ** 31 })).toThrow(MonitorConfigError);
  });
});
