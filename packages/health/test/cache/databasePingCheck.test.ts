import {
  databasePingCheck,
  isDatabasePingProvider,
  normalizeOutcome,
} from '@lexigram/monitor-health';

describe('databasePingCheck', () => {
  it('recognises providers with ping() or query()', () => {
    expect(isDatabasePingProvider({ ping: () => true })).toBe(true);
    expect(isDatabasePingProvider({ query: () => [] })).toBe(true);
    expect(isDatabasePingProvider({ connect: () => true })).toBe(false);
    expect(isDatabasePingProvider(null)).toBe(false);
    expect(isDatabasePingProvider('db')).toBe(false);
  });

  it('prefers ping(), called on the provider', async () => {
    const provider = {
      pings: 0,
      async ping(this: { pings: number }) {
        this.pings++;
      },
      query: jest.fn(),
    };
    const result = normalizeOutcome(await databasePingCheck(provider)());
    expect(result.status).toBe('healthy');
    expect(result.details).toEqual({ method: 'ping' });
    expect(provider.pings).toBe(1);
    expect(provider.query).not.toHaveBeenCalled();
  });

  it('is unhealthy when ping() resolves false', async () => {
    const result = normalizeOutcome(await databasePingCheck({ ping: async () => false })());
    expect(result.status).toBe('unhealthy');
    expect(result.message).toBe('database ping returned false');
  });

  it('falls back to query("SELECT 1")', async () => {
    const query = jest.fn(async (_sql: string) => [{ '?column?': 1 }]);
    const result = normalizeOutcome(await databasePingCheck({ query })());
    expect(query).toHaveBeenCalledWith('SELECT 1');
    expect(result.message).toBe('database answered SELECT 1');
  });

  it('lets a failing ping reject (the runner turns it into an unhealthy result)', async () => {
    await expect(
      databasePingCheck({ ping: () => Promise.reject(new Error('ECONNREFUSED')) })(),
    ).rejects.toThrow('ECONNREFUSED');
  });
});
