import { createHookBus, type HealthCheckOutcome } from '@lexigram/monitor-core';
import { HealthCheck, InvalidHealthCheckError } from '@lexigram/monitor-health';
import { never } from '@lexigram/test-support';

class QueueCheck extends HealthCheck {
  constructor(private readonly depth: () => number) {
    super('queue', { category: 'readiness', critical: false, timeoutMs: 30 });
  }
  check(): HealthCheckOutcome {
    const depth = this.depth();
    return depth < 100 ? { depth } : { status: 'degraded', message: 'backlog', depth };
  }
}

class HangingCheck extends HealthCheck {
  check(): Promise<boolean> {
    return never();
  }
}

describe('HealthCheck', () => {
  it('carries a name and frozen default options', () => {
    const c = new QueueCheck(() => 1);
    expect(c.name).toBe('queue');
    expect(c.options).toEqual({ category: 'readiness', critical: false, timeoutMs: 30 });
    expect(Object.isFrozen(c.options)).toBe(true);
  });

  it('runs alone, normalized and timed', async () => {
    const hooks = createHookBus();
    const seen: string[] = [];
    hooks.healthCheckRun.subscribe((e) => seen.push(`${e.checkName}:${e.status}`));
    const ok = await new QueueCheck(() => 3).run(hooks);
    expect(ok.status).toBe('healthy');
    expect(ok.details).toEqual({ depth: 3 });
    const busy = await new QueueCheck(() => 500).run(hooks);
    expect(busy.status).toBe('degraded');
    expect(busy.details).toEqual({ depth: 500 });
    expect(seen).toEqual(['queue:healthy', 'queue:degraded']);
  });

  it('is bounded by its own timeout when run alone', async () => {
    const r = await new HangingCheck('hang', { timeoutMs: 20 }).run(createHookBus());
    expect(r.status).toBe('unhealthy');
    expect(r.message).toBe('check timed out after 20 ms');
  });

  it('rejects a bad name or options at construction', () => {
    expect(() => new HangingCheck('')).toThrow(InvalidHealthCheckError);
    expect(() => new HangingCheck('x', { timeoutMs: -1 })).toThrow(/timeoutMs/);
  });
});
