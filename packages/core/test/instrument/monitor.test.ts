import { Writable } from 'node:stream';
import pino from 'pino';
import { monitor, monitorFunction } from '@lexigram/monitor-core';

function capture() {
  const events: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _e, cb) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        events.push(JSON.parse(line));
      cb();
    },
  });
  return { logger: pino({ base: {} }, stream), events };
}

describe('monitor', () => {
  it('logs start and end with the duration of a sync function', () => {
    const { logger, events } = capture();
    const add = monitorFunction((a: number, b: number) => a + b, {
      name: 'math.add',
      logger,
      logArgs: true,
    });
    expect(add(2, 3)).toBe(5);
    expect(events.map((e) => e.msg)).toEqual(['operation_start', 'operation_end']);
    expect(events[0]).toMatchObject({ operation: 'math.add', argCount: 2 });
    expect(events[1]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(events)).not.toContain('"3"');
  });

  it('logs operation_error and rethrows for sync and async failures', async () => {
    const { logger, events } = capture();
    const boom = monitorFunction(
      () => {
        throw new Error('sync boom');
      },
      { logger },
    );
    expect(() => boom()).toThrow('sync boom');
    const later = monitorFunction(
      async function fetchUser() {
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('async boom');
      },
      { logger },
    );
    await expect(later()).rejects.toThrow('async boom');
    const errors = events.filter((e) => e.msg === 'operation_error');
    expect(errors).toHaveLength(2);
    expect(errors[1]).toMatchObject({ operation: 'fetchUser', err: { message: 'async boom' } });
    expect(errors[1]!.durationMs).toBeGreaterThanOrEqual(15);
  });

  it('does not include argument count unless asked', async () => {
    const { logger, events } = capture();
    await monitorFunction(async (x: string) => x, { logger })('secret');
    expect(events[0]!.argCount).toBeUndefined();
    expect(events[1]).toMatchObject({ msg: 'operation_end' });
  });

  it('works as a standard method decorator named Class.method, keeping this', async () => {
    const { logger, events } = capture();
    class Users {
      prefix = 'u-';
      @monitor({ logger })
      async create(email: string): Promise<string> {
        return this.prefix + email;
      }
      @monitor({ logger, name: 'custom' })
      static count(): number {
        return 1;
      }
    }
    await expect(new Users().create('a@b')).resolves.toBe('u-a@b');
    expect(Users.count()).toBe(1);
    expect(events.map((e) => `${e.operation}:${e.msg}`)).toEqual([
      'Users.create:operation_start',
      'Users.create:operation_end',
      'custom:operation_start',
      'custom:operation_end',
    ]);
  });
});
