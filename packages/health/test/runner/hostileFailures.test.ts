import fc from 'fast-check';
import {
  HealthChecker,
  HealthCheckResult,
  renderHealthJson,
  renderJson,
} from '@lexigram/monitor-health';

/** Values an application can throw or reject with that break whoever reads them. */
function hostile(kind: number): unknown {
  switch (kind) {
    case 0: {
      const r = Proxy.revocable({}, {});
      r.revoke();
      return r.proxy;
    }
    case 1:
      return Object.defineProperty(new Error('x'), 'message', {
        get() {
          throw new Error('message getter');
        },
      });
    case 2:
      return Object.defineProperty(new Error('x'), 'name', {
        get() {
          throw new Error('name getter');
        },
      });
    case 3:
      return new Proxy(
        {},
        {
          get() {
            throw new Error('trap');
          },
          getPrototypeOf() {
            throw new Error('trap');
          },
        },
      );
    default: {
      const r = Proxy.revocable(new Error('x'), {});
      r.revoke();
      return r.proxy;
    }
  }
}

type How = 'reject' | 'throw' | 'asyncThrow' | 'resolve';

function check(how: How, value: unknown): () => unknown {
  switch (how) {
    case 'reject':
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the hostile value is the point
      return () => Promise.reject(value);
    case 'throw':
      return () => {
        throw value;
      };
    case 'asyncThrow':
      return async () => {
        throw value;
      };
    case 'resolve':
      return () => Promise.resolve({ then: undefined, value });
  }
}

describe('a check failing with an unreadable value still answers (F7)', () => {
  it('the revoked proxy of the findings note: unhealthy, no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const on = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', on);
    try {
      const revoked = Proxy.revocable({}, {});
      revoked.revoke();
      const c = new HealthChecker({ defaultTimeoutMs: 100 });
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the hostile value is the point
      c.add('db', () => Promise.reject(revoked.proxy));
      const results = await c.runAll();
      expect(results.db!.status).toBe('unhealthy');
      expect(results.db!.message).toContain('unreadable');
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', on);
    }
  });

  it('for every hostile value, thrown or rejected, sync or async', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<How>('reject', 'throw', 'asyncThrow', 'resolve'),
        async (kind, how) => {
          const c = new HealthChecker({ defaultTimeoutMs: 1000 });
          c.add('db', check(how, hostile(kind)) as never);
          const report = await c.runWithStatus();
          const db = report.checks.db!;
          if (how !== 'resolve') expect(db.status).toBe('unhealthy');
          expect(() => renderJson(report)).not.toThrow();
          expect(() => renderJson(report, { includeDetails: true })).not.toThrow();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('stack traces never reach rendered details (F21)', () => {
  const stack = new Error('timeout').stack!;

  it('the case of the findings note, and Stack / stackTrace keys', async () => {
    const c = new HealthChecker();
    c.add('db', () =>
      HealthCheckResult.degraded('slow', {
        lastError: stack,
        Stack: stack,
        stackTrace: stack,
        list: [stack, { deeper: stack }],
      }),
    );
    const report = await c.runWithStatus();
    for (const body of [renderJson(report).body, renderHealthJson(report).body]) {
      expect(body).not.toMatch(/\n?\s+at\s+\S/);
      expect(body).not.toContain('hostileFailures');
      expect(body).toContain('Error: timeout');
    }
  });

  it('for a stack stored under any key, at any position', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.nat({ max: 3 })), {
          maxLength: 5,
        }),
        async (path) => {
          let details: unknown = stack;
          for (const step of path)
            details = typeof step === 'number' ? [step, details] : { [step]: details };
          const wrapped =
            typeof details === 'object' ? (details as Record<string, unknown>) : { v: details };
          const c = new HealthChecker();
          c.add('db', () => HealthCheckResult.degraded('slow', { detail: wrapped }));
          const report = await c.runWithStatus();
          expect(renderJson(report).body).not.toContain('hostileFailures.test');
          expect(renderHealthJson(report).body).not.toContain('hostileFailures.test');
        },
      ),
      { numRuns: 60 },
    );
  });
});
