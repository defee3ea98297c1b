import { createHookBus } from '@lexigram/monitor-core';
import {
  FunctionHealthCheck,
  HealthCheck,
  InvalidHealthCheckError,
} from '@lexigram/monitor-health';

describe('FunctionHealthCheck', () => {
  it('is a HealthCheck whose check() calls the function', async () => {
    let calls = 0;
    const c = new FunctionHealthCheck(
      'redis',
      async () => {
        calls++;
        return { healthy: true, role: 'primary' };
      },
      { critical: false },
    );
    expect(c).toBeInstanceOf(HealthCheck);
    expect(c.name).toBe('redis');
    expect(c.options).toEqual({ critical: false });
    await expect(c.check()).resolves.toEqual({ healthy: true, role: 'primary' });
    const r = await c.run(createHookBus());
    expect(r.status).toBe('healthy');
    expect(r.details).toEqual({ role: 'primary' });
    expect(calls).toBe(2);
  });

  it('needs a function', () => {
    expect(() => new FunctionHealthCheck('x', 'nope' as never)).toThrow(InvalidHealthCheckError);
  });
});
