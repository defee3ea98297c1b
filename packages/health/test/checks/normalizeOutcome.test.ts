import { HealthCheckResult, normalizeOutcome } from '@lexigram/monitor-health';

describe('normalizeOutcome', () => {
  it('maps booleans', () => {
    expect(normalizeOutcome(true).toJSON()).toMatchObject({ status: 'healthy' });
    expect(normalizeOutcome(true).message).toBeUndefined();
    const no = normalizeOutcome(false);
    expect(no.status).toBe('unhealthy');
    expect(no.message).toBe('check returned false');
  });

  it('keeps a HealthCheckResult as it is', () => {
    const r = HealthCheckResult.degraded('slow', { ms: 900 });
    expect(normalizeOutcome(r)).toBe(r);
  });

  it('reads an object with a status as a result', () => {
    const r = normalizeOutcome({ status: 'degraded', message: 'lagging', details: { lag: 3 } });
    expect(r.status).toBe('degraded');
    expect(r.message).toBe('lagging');
    expect(r.details).toEqual({ lag: 3 });
  });

  it('turns the other keys of a status object into details', () => {
    const r = normalizeOutcome({ status: 'healthy', version: '16.2', connections: 4 });
    expect(r.details).toEqual({ version: '16.2', connections: 4 });
    expect(normalizeOutcome({ status: 'healthy' }).details).toBeUndefined();
  });

  it('reads a boolean "healthy" key', () => {
    const up = normalizeOutcome({ healthy: true, latencyMs: 3 });
    expect(up.status).toBe('healthy');
    expect(up.details).toEqual({ latencyMs: 3 });
    const down = normalizeOutcome({ healthy: false, message: 'refused' });
    expect(down.status).toBe('unhealthy');
    expect(down.message).toBe('refused');
    expect(down.details).toBeUndefined();
  });

  it('treats any other plain object as healthy details', () => {
    const r = normalizeOutcome({ queueDepth: 12 });
    expect(r.status).toBe('healthy');
    expect(r.details).toEqual({ queueDepth: 12 });
    expect(normalizeOutcome({}).details).toBeUndefined();
    const bare = Object.create(null) as Record<string, unknown>;
    bare.n = 1;
    expect(normalizeOutcome(bare).details).toEqual({ n: 1 });
  });

  it.each([
    [undefined, 'check returned undefined'],
    [null, 'check returned null'],
    [42, 'check returned a number (42)'],
    ['ok', 'check returned a string ("ok")'],
    [[true], 'check returned an array (length 1)'],
    [10n, 'check returned a bigint (10n)'],
    [Symbol('s'), 'check returned a symbol (s)'],
    [function ping() {}, 'check returned a function (ping)'],
    [new Map(), 'check returned an instance of Map'],
  ])('makes %p unhealthy with a message saying what was returned', (value, message) => {
    const r = normalizeOutcome(value);
    expect(r.status).toBe('unhealthy');
    expect(r.message).toContain(message);
    expect(r.message).toContain('return true/false, an object or a HealthCheckResult');
  });

  it('truncates long strings in the message', () => {
    const r = normalizeOutcome('x'.repeat(500));
    expect(r.message!.length).toBeLessThan(200);
    expect(r.message).toContain('…');
  });

  it('makes an unknown status or a non-boolean "healthy" unhealthy', () => {
    const r = normalizeOutcome({ status: 'ok' });
    expect(r.status).toBe('unhealthy');
    expect(r.message).toBe(
      `check returned an object with unknown status a string ("ok"); use 'healthy', 'degraded' or 'unhealthy'`,
    );
    const h = normalizeOutcome({ healthy: 'yes' });
    expect(h.status).toBe('unhealthy');
    expect(h.message).toContain('"healthy" is a string ("yes"), not a boolean');
  });
});
