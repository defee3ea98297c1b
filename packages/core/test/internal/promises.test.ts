import {
  getMonitorFaultCounts,
  resetMonitorFaultCounts,
  setMonitorDiagnostics,
  type MonitorFault,
} from '../../src/index.js';
import {
  callAndSettle,
  isPromiseLike,
  withTimeout,
  type Settlement,
} from '../../src/internal/index.js';
import { FakeScheduler, flushPromises } from './fakeScheduler.js';

describe('isPromiseLike', () => {
  it('is true for promises, thenable objects and thenable functions', () => {
    expect(isPromiseLike(Promise.resolve(1))).toBe(true);
    expect(isPromiseLike({ then: () => undefined })).toBe(true);
    const fn = Object.assign(() => undefined, { then: () => undefined });
    expect(isPromiseLike(fn)).toBe(true);
  });

  it('is false for everything else', () => {
    for (const value of [null, undefined, 1, 'then', {}, { then: 1 }, () => undefined]) {
      expect(isPromiseLike(value)).toBe(false);
    }
  });
});

describe('callAndSettle', () => {
  let faults: MonitorFault[];
  beforeEach(() => {
    resetMonitorFaultCounts();
    faults = [];
    setMonitorDiagnostics((fault) => faults.push(fault));
  });
  afterEach(() => setMonitorDiagnostics(undefined));

  it('settles a sync return and returns the value unchanged', () => {
    const seen: Settlement[] = [];
    expect(
      callAndSettle(
        () => 7,
        (s) => seen.push(s),
      ),
    ).toBe(7);
    expect(seen).toEqual([{ ok: true, value: 7, async: false }]);
  });

  it('settles a sync throw and rethrows the same error', () => {
    const boom = new Error('boom');
    const seen: Settlement[] = [];
    expect(() =>
      callAndSettle(
        () => {
          throw boom;
        },
        (s) => seen.push(s),
      ),
    ).toThrow(boom);
    expect(seen).toEqual([{ ok: false, error: boom, async: false }]);
  });

  it('settles when a promise resolves or rejects, passing the outcome through', async () => {
    const seen: Settlement[] = [];
    await expect(
      callAndSettle(
        () => Promise.resolve('v'),
        (s) => seen.push(s),
      ),
    ).resolves.toBe('v');
    const boom = new Error('late');
    await expect(
      callAndSettle(
        () => Promise.reject(boom),
        (s) => seen.push(s),
      ),
    ).rejects.toBe(boom);
    expect(seen).toEqual([
      { ok: true, value: 'v', async: true },
      { ok: false, error: boom, async: true },
    ]);
  });

  it('treats a foreign thenable as async and returns a native promise', async () => {
    const seen: Settlement[] = [];
    const thenable = { then: (resolve: (v: number) => void) => resolve(3) };
    const result = callAndSettle(
      () => thenable,
      (s) => seen.push(s),
    );
    expect(result).toBeInstanceOf(Promise);
    await expect(result).resolves.toBe(3);
    expect(seen).toEqual([{ ok: true, value: 3, async: true }]);
  });

  it('does not settle before the promise does', async () => {
    let release!: () => void;
    const seen: Settlement[] = [];
    const pending = callAndSettle(
      () => new Promise<void>((resolve) => (release = resolve)),
      (s) => seen.push(s),
    );
    await flushPromises();
    expect(seen).toHaveLength(0);
    release();
    await pending;
    expect(seen).toHaveLength(1);
  });

  it('never lets a throwing onSettle replace the result or the error', async () => {
    const onSettle = (): void => {
      throw new Error('observer broke');
    };
    expect(callAndSettle(() => 1, onSettle, { component: 'test.wrap' })).toBe(1);
    const boom = new Error('original');
    expect(() =>
      callAndSettle(
        () => {
          throw boom;
        },
        onSettle,
        { component: 'test.wrap' },
      ),
    ).toThrow(boom);
    await expect(callAndSettle(() => Promise.resolve(2), onSettle)).resolves.toBe(2);
    await expect(callAndSettle(() => Promise.reject(boom), onSettle)).rejects.toBe(boom);
    expect(faults.map((f) => f.code)).toEqual([
      'CALLBACK_THREW',
      'CALLBACK_THREW',
      'CALLBACK_THREW',
      'CALLBACK_THREW',
    ]);
    expect(faults[0]!.component).toBe('test.wrap');
    expect(getMonitorFaultCounts().get('CALLBACK_THREW')).toBe(4);
  });

  it('sends the onSettle fault to the given onError instead', () => {
    const own: MonitorFault[] = [];
    callAndSettle(
      () => 1,
      () => {
        throw new Error('x');
      },
      { onError: (f) => own.push(f) },
    );
    expect(own).toHaveLength(1);
    expect(faults).toHaveLength(0);
  });
});

describe('withTimeout', () => {
  it('resolves to the value when the promise wins, and clears its timer', async () => {
    const scheduler = new FakeScheduler();
    await expect(withTimeout(Promise.resolve(5), 100, { scheduler })).resolves.toEqual({
      status: 'fulfilled',
      value: 5,
    });
    expect(scheduler.pending).toBe(0);
  });

  it('resolves to the rejection reason instead of rejecting', async () => {
    const scheduler = new FakeScheduler();
    const boom = new Error('no');
    await expect(withTimeout(Promise.reject(boom), 100, { scheduler })).resolves.toEqual({
      status: 'rejected',
      reason: boom,
    });
  });

  it('resolves to timedOut when time runs out, and still handles a late rejection', async () => {
    const scheduler = new FakeScheduler();
    let reject!: (error: Error) => void;
    const never = new Promise<number>((_, r) => (reject = r));
    const outcome = withTimeout(never, 100, { scheduler });
    scheduler.advance(99);
    await flushPromises();
    let done = false;
    void outcome.then(() => (done = true));
    await flushPromises();
    expect(done).toBe(false);
    scheduler.advance(1);
    await expect(outcome).resolves.toEqual({ status: 'timedOut' });
    reject(new Error('late'));
    await flushPromises();
  });

  it('treats a thenable whose then throws as rejected', async () => {
    const boom = new Error('then threw');
    const bad = {
      then: () => {
        throw boom;
      },
    };
    await expect(withTimeout(bad, 100, { scheduler: new FakeScheduler() })).resolves.toEqual({
      status: 'rejected',
      reason: boom,
    });
  });

  it('works with jest fake timers through the default scheduler', async () => {
    jest.useFakeTimers();
    try {
      const outcome = withTimeout(new Promise(() => undefined), 1000);
      await jest.advanceTimersByTimeAsync(1000);
      await expect(outcome).resolves.toEqual({ status: 'timedOut' });
    } finally {
      jest.useRealTimers();
    }
  });
});
