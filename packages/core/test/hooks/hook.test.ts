import type * as Core from '@lexigram/monitor-core';
import {
  Hook,
  createHookBus,
  monitorHooks,
  setMonitorDiagnostics,
  type MonitorFault,
} from '@lexigram/monitor-core';
import { completeHookBus } from '../../src/hooks/hookBus.js';

describe('Hook', () => {
  it('is inactive until subscribed and again after unsubscribe', () => {
    const hook = new Hook<number>();
    expect(hook.active).toBe(false);
    const seen: number[] = [];
    const off = hook.subscribe((n) => seen.push(n));
    expect(hook.active).toBe(true);
    hook.emit(1);
    off();
    off();
    expect(hook.active).toBe(false);
    hook.emit(2);
    expect(seen).toEqual([1]);
  });

  it('a throwing listener does not stop the others and is reported', () => {
    const errors: unknown[] = [];
    const hook = new Hook<string>((e) => errors.push(e));
    const seen: string[] = [];
    hook.subscribe(() => {
      throw new Error('boom');
    });
    hook.subscribe((s) => seen.push(s));
    expect(() => hook.emit('x')).not.toThrow();
    expect(seen).toEqual(['x']);
    expect((errors[0] as Error).message).toBe('boom');
  });

  it('a listener unsubscribing during emit does not skip others', () => {
    const hook = new Hook<number>();
    const seen: string[] = [];
    const offA = hook.subscribe(() => {
      seen.push('a');
      offA();
    });
    hook.subscribe(() => seen.push('b'));
    hook.emit(0);
    hook.emit(0);
    expect(seen).toEqual(['a', 'b', 'b']);
    expect(hook.listenerCount).toBe(1);
  });

  it('default listener error handling reports a fault through the fault channel', () => {
    const hook = new Hook<number>();
    const faults: MonitorFault[] = [];
    setMonitorDiagnostics((fault) => faults.push(fault));
    try {
      hook.subscribe(() => {
        throw new Error('bad listener');
      });
      hook.emit(1);
      expect(faults).toEqual([
        expect.objectContaining({ code: 'HOOK_LISTENER_THREW', component: 'core.hooks' }),
      ]);
      expect((faults[0]!.error as Error).message).toBe('bad listener');
    } finally {
      setMonitorDiagnostics(undefined);
    }
  });

  it('completes a bus stored by an older copy that lacks a hook', () => {
    const old = { metricRecorded: new Hook(), alertFired: new Hook() } as Record<string, unknown>;
    expect(completeHookBus(old)).toBe(true);
    expect(old.healthCheckRun).toBeInstanceOf(Hook);
    expect(completeHookBus({ alertFired: 5 })).toBe(false);
    expect(completeHookBus(undefined)).toBe(false);
  });
});

describe('hook bus', () => {
  it('has one typed hook per payload and a shared process-wide instance', () => {
    const bus = createHookBus();
    const names: string[] = [];
    bus.alertFired.subscribe((a) => names.push(`${a.alertName}:${a.severity}`));
    bus.alertFired.emit({ alertName: 'p99', severity: 'critical' });
    expect(names).toEqual(['p99:critical']);
    expect(bus.metricRecorded.active).toBe(false);
    expect(monitorHooks.healthCheckRun).toBeInstanceOf(Hook);
  });

  it('the process-wide bus is shared with the CJS build', async () => {
    const cjs = (await import('../../dist/index.cjs')) as unknown as typeof Core;
    expect(cjs.monitorHooks).toBe(monitorHooks);
  });
});
