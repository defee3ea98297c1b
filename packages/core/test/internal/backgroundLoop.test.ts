import { MonitorConfigError, setMonitorDiagnostics, type MonitorFault } from '../../src/index.js';
import { BackgroundLoop, scheduleOnce } from '../../src/internal/index.js';
import { FakeScheduler, flushPromises } from './fakeScheduler.js';

describe('BackgroundLoop', () => {
  it('runs every interval on the scheduler and stops', async () => {
    const scheduler = new FakeScheduler();
    let runs = 0;
    const loop = new BackgroundLoop({ run: () => runs++, onError: () => undefined, scheduler });
    expect(loop.started).toBe(false);
    loop.start(1000);
    expect(loop.started).toBe(true);
    scheduler.advance(999);
    await flushPromises();
    expect(runs).toBe(0);
    scheduler.advance(1);
    await flushPromises();
    expect(runs).toBe(1);
    for (let i = 0; i < 2; i++) {
      scheduler.advance(1000);
      await flushPromises();
    }
    expect(runs).toBe(3);
    await loop.stop();
    expect(loop.started).toBe(false);
    scheduler.advance(5000);
    await flushPromises();
    expect(runs).toBe(3);
    expect(scheduler.pending).toBe(0);
  });

  it('skips a tick while a run is still in flight, and stop waits for it', async () => {
    const scheduler = new FakeScheduler();
    let calls = 0;
    let release!: () => void;
    const loop = new BackgroundLoop({
      run: () => {
        calls++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      onError: () => undefined,
      scheduler,
    });
    loop.start(100);
    scheduler.advance(100);
    await flushPromises();
    expect(loop.running).toBe(true);
    scheduler.advance(300);
    await flushPromises();
    expect(calls).toBe(1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await flushPromises();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(loop.running).toBe(false);
  });

  it('reports a throw or rejection through onError and keeps running', async () => {
    const scheduler = new FakeScheduler();
    const errors: unknown[] = [];
    let n = 0;
    const loop = new BackgroundLoop({
      run: () => {
        n++;
        if (n === 1) throw new Error('sync');
        if (n === 2) return Promise.reject(new Error('async'));
        return undefined;
      },
      onError: (error) => errors.push(error),
      scheduler,
    });
    loop.start(10);
    for (let i = 0; i < 3; i++) {
      scheduler.advance(10);
      await flushPromises();
    }
    expect(errors.map((e) => (e as Error).message)).toEqual(['sync', 'async']);
    expect(n).toBe(3);
    await loop.stop();
  });

  it('contains an onError that throws, reporting it as a fault', async () => {
    const faults: MonitorFault[] = [];
    setMonitorDiagnostics((fault) => faults.push(fault));
    try {
      const loop = new BackgroundLoop({
        run: () => Promise.reject(new Error('x')),
        onError: () => {
          throw new Error('sink broke');
        },
        component: 'test.loop',
        scheduler: new FakeScheduler(),
      });
      await loop.runNow();
      expect(faults).toHaveLength(1);
      expect(faults[0]).toMatchObject({ code: 'CALLBACK_THREW', component: 'test.loop' });
    } finally {
      setMonitorDiagnostics(undefined);
    }
  });

  it('rejects an interval Node would overflow, naming the field', () => {
    const loop = new BackgroundLoop({ run: () => undefined, onError: () => undefined });
    expect(() => loop.start(2 ** 31, 'evaluationIntervalMs')).toThrow(MonitorConfigError);
    expect(() => loop.start(0)).toThrow(/intervalMs: must be greater than 0/);
    expect(loop.started).toBe(false);
  });

  it('uses unref’d real timers by default (jest fake timers drive them)', async () => {
    jest.useFakeTimers();
    try {
      let runs = 0;
      const loop = new BackgroundLoop({ run: () => runs++, onError: () => undefined });
      loop.start(50);
      await jest.advanceTimersByTimeAsync(160);
      expect(runs).toBe(3);
      await loop.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('scheduleOnce', () => {
  it('fires once after the delay, and cancel prevents it', () => {
    const scheduler = new FakeScheduler();
    const fired: string[] = [];
    const a = scheduleOnce(() => fired.push('a'), 100, { scheduler });
    const b = scheduleOnce(() => fired.push('b'), 100, { scheduler });
    b.cancel();
    expect(a.pending).toBe(true);
    scheduler.advance(100);
    expect(fired).toEqual(['a']);
    expect(a.pending).toBe(false);
    expect(b.pending).toBe(false);
  });

  it('passes a throw to onError instead of the event loop', () => {
    const scheduler = new FakeScheduler();
    const errors: unknown[] = [];
    scheduleOnce(
      () => {
        throw new Error('t');
      },
      5,
      { scheduler, onError: (e) => errors.push(e) },
    );
    scheduler.advance(5);
    expect(errors).toHaveLength(1);
  });
});
