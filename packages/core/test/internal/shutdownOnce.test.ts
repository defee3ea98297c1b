import { setMonitorDiagnostics, type MonitorFault } from '../../src/index.js';
import { ShutdownOnce } from '../../src/internal/index.js';
import { FakeScheduler, flushPromises } from '../../../../tools/test-support/src/index.js';

describe('ShutdownOnce', () => {
  let faults: MonitorFault[];
  beforeEach(() => {
    faults = [];
    setMonitorDiagnostics((fault) => faults.push(fault));
  });
  afterEach(() => setMonitorDiagnostics(undefined));

  it('runs the work once; later calls share the first promise', async () => {
    const once = new ShutdownOnce();
    expect(once.requested).toBe(false);
    let runs = 0;
    const first = once.run(() => runs++, { component: 'test' });
    const second = once.run(() => runs++, { component: 'test' });
    expect(second).toBe(first);
    await first;
    expect(runs).toBe(1);
    expect(once.requested).toBe(true);
    expect(faults).toHaveLength(0);
  });

  it('resolves by the deadline when the work never settles, reporting SHUTDOWN_TIMEOUT', async () => {
    const scheduler = new FakeScheduler();
    const once = new ShutdownOnce();
    let done = false;
    const closing = once
      .run(() => new Promise(() => undefined), { component: 'test.c', timeoutMs: 500, scheduler })
      .then(() => (done = true));
    await flushPromises();
    expect(done).toBe(false);
    scheduler.advance(500);
    await closing;
    expect(faults).toEqual([
      expect.objectContaining({
        code: 'SHUTDOWN_TIMEOUT',
        component: 'test.c',
        message: expect.stringMatching(
          /^Shutdown did not finish within 500 ms; .*Raise shutdownTimeoutMs/,
        ) as string,
        details: { timeoutMs: 500 },
      }),
    ]);
  });

  it('resolves when the work throws or rejects, reporting SHUTDOWN_FAILED', async () => {
    const boom = new Error('close failed');
    await new ShutdownOnce().run(
      () => {
        throw boom;
      },
      { component: 'a' },
    );
    await new ShutdownOnce().run(() => Promise.reject(boom), { component: 'b' });
    expect(faults.map((f) => [f.code, f.component, f.error])).toEqual([
      ['SHUTDOWN_FAILED', 'a', boom],
      ['SHUTDOWN_FAILED', 'b', boom],
    ]);
    expect(faults[0]!.message).toBe('Shutdown failed; resources were released as far as possible.');
  });

  it('sends faults to the component’s own onError when given', async () => {
    const own: MonitorFault[] = [];
    await new ShutdownOnce().run(() => Promise.reject(new Error('x')), {
      component: 'c',
      onError: (f) => own.push(f),
    });
    expect(own).toHaveLength(1);
    expect(faults).toHaveLength(0);
  });
});
