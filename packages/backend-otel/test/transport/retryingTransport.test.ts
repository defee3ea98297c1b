import type { ExportResponse, IExporterTransport } from '@opentelemetry/otlp-exporter-base';
import { RetryingTransport } from '../../src/transport/retryingTransport.js';

/** An inner transport that answers from a script and records when each attempt started. */
function scripted(answers: ExportResponse[]): IExporterTransport & { at: number[] } {
  const at: number[] = [];
  return {
    at,
    send: async () => {
      at.push(Date.now());
      return answers.shift() ?? { status: 'success' };
    },
    shutdown: () => {},
  };
}

const retryable: ExportResponse = { status: 'retryable', error: new Error('503') };

describe('RetryingTransport', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  async function settle<T>(promise: Promise<T>): Promise<T> {
    for (let i = 0; i < 200; i++) await jest.advanceTimersByTimeAsync(100);
    return promise;
  }

  it('backs off exponentially with jitter', async () => {
    const inner = scripted([retryable, retryable, retryable]);
    let n = 0;
    const randoms = [0, 1, 0.5];
    const t = new RetryingTransport(inner, {
      initialBackoffMs: 1000,
      backoffMultiplier: 2,
      maxBackoffMs: 10_000,
      random: () => randoms[n++]!,
    });
    const result = await settle(t.send(new Uint8Array(1), 60_000));
    expect(result.status).toBe('success');
    const gaps = inner.at.slice(1).map((t, i) => t - inner.at[i]!);
    // 1000 * 0.8, 2000 * 1.2, 4000 * 1.0: ±20 % jitter around a doubling delay
    expect(gaps).toEqual([800, 2400, 4000]);
  });

  it('caps the delay at maxBackoffMs', async () => {
    const inner = scripted([retryable, retryable]);
    const t = new RetryingTransport(inner, {
      initialBackoffMs: 5000,
      backoffMultiplier: 10,
      maxBackoffMs: 1500,
      random: () => 0.5,
    });
    await settle(t.send(new Uint8Array(1), 60_000));
    const gaps = inner.at.slice(1).map((t, i) => t - inner.at[i]!);
    expect(gaps).toEqual([1500, 1500]);
  });

  it('uses Retry-After over its own backoff', async () => {
    const inner = scripted([{ status: 'retryable', retryInMillis: 3000 }]);
    const t = new RetryingTransport(inner, { initialBackoffMs: 10, random: () => 0.5 });
    await settle(t.send(new Uint8Array(1), 60_000));
    expect(inner.at[1]! - inner.at[0]!).toBe(3000);
  });

  it('stops when the next attempt would pass the deadline', async () => {
    const inner = scripted([retryable, retryable, retryable, retryable]);
    const t = new RetryingTransport(inner, {
      initialBackoffMs: 1000,
      backoffMultiplier: 2,
      random: () => 0.5,
    });
    const result = await settle(t.send(new Uint8Array(1), 2500));
    expect(result.status).toBe('retryable');
    // attempt at 0, retry at 1000; the next (at 3000) would pass 2500
    expect(inner.at.map((t) => t - 1_000_000)).toEqual([0, 1000]);
  });

  it('does not retry a failure', async () => {
    const inner = scripted([{ status: 'failure', error: new Error('400') }]);
    const t = new RetryingTransport(inner);
    const result = await settle(t.send(new Uint8Array(1), 60_000));
    expect(result.status).toBe('failure');
    expect(inner.at).toHaveLength(1);
  });

  it('gives up after maxAttempts', async () => {
    const inner = scripted(Array.from({ length: 10 }, () => retryable));
    const t = new RetryingTransport(inner, { maxAttempts: 3, initialBackoffMs: 10 });
    const result = await settle(t.send(new Uint8Array(1), 60_000));
    expect(result.status).toBe('retryable');
    expect(inner.at).toHaveLength(3);
  });

  it('defaults to 6 attempts, 1000 ms doubling by 1.5 and a 5000 ms cap', async () => {
    const inner = scripted(Array.from({ length: 10 }, () => retryable));
    const t = new RetryingTransport(inner, { random: () => 0.5 });
    const result = await settle(t.send(new Uint8Array(1), 60_000));
    expect(result.status).toBe('retryable');
    const gaps = inner.at.slice(1).map((t, i) => t - inner.at[i]!);
    expect(gaps).toEqual([1000, 1500, 2250, 3375, 5000]);
  });

  it('jitters with Math.random by default, within ±20 %', async () => {
    const inner = scripted([retryable]);
    const t = new RetryingTransport(inner);
    const result = await settle(t.send(new Uint8Array(1), 60_000));
    expect(result.status).toBe('success');
    const gap = inner.at[1]! - inner.at[0]!;
    expect(gap).toBeGreaterThanOrEqual(800);
    expect(gap).toBeLessThanOrEqual(1200);
  });

  it('gives each retry only the time left before the deadline', async () => {
    const timeouts: number[] = [];
    const answers = [retryable, retryable];
    const inner: IExporterTransport = {
      send: async (_data, timeoutMillis) => {
        timeouts.push(timeoutMillis);
        return answers.shift() ?? { status: 'success' };
      },
      shutdown: () => {},
    };
    const t = new RetryingTransport(inner, {
      initialBackoffMs: 1000,
      backoffMultiplier: 2,
      random: () => 0.5,
    });
    await settle(t.send(new Uint8Array(1), 10_000));
    expect(timeouts).toEqual([10_000, 9000, 7000]);
  });

  it('returns at once when the next attempt would start exactly at the deadline', async () => {
    const inner = scripted([retryable, retryable]);
    const t = new RetryingTransport(inner, { initialBackoffMs: 1000, random: () => 0.5 });
    let settled = false;
    const pending = t.send(new Uint8Array(1), 1000).then((r) => {
      settled = true;
      return r;
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
    await expect(pending).resolves.toMatchObject({ status: 'retryable' });
    expect(inner.at).toHaveLength(1);
  });

  it('makes no attempt when a late timer leaves exactly no time', async () => {
    const inner = scripted([retryable, retryable]);
    const t = new RetryingTransport(inner, { initialBackoffMs: 1000, random: () => 0.5 });
    const pending = t.send(new Uint8Array(1), 3000);
    await jest.advanceTimersByTimeAsync(0);
    // The clock jumps 2000 ms while the 1000 ms backoff is pending: it fires at the deadline.
    jest.setSystemTime(Date.now() + 2000);
    await jest.advanceTimersByTimeAsync(1000);
    await expect(pending).resolves.toMatchObject({ status: 'retryable' });
    expect(inner.at).toHaveLength(1);
  });

  it('does not retry an attempt that answers after shutdown', async () => {
    let answer: (r: ExportResponse) => void = () => {};
    let sends = 0;
    const inner: IExporterTransport = {
      send: () => {
        sends++;
        return new Promise((resolve) => (answer = resolve));
      },
      shutdown: () => {},
    };
    const t = new RetryingTransport(inner, { initialBackoffMs: 10 });
    const pending = t.send(new Uint8Array(1), 60_000);
    await jest.advanceTimersByTimeAsync(0);
    t.shutdown();
    answer(retryable);
    let settled = false;
    void pending.then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
    await expect(pending).resolves.toMatchObject({ status: 'retryable' });
    expect(sends).toBe(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('shutdown cancels a pending backoff', async () => {
    const inner = scripted([retryable]);
    const t = new RetryingTransport(inner, { initialBackoffMs: 30_000 });
    const pending = t.send(new Uint8Array(1), 60_000);
    await jest.advanceTimersByTimeAsync(10);
    t.shutdown();
    await expect(pending).resolves.toMatchObject({ status: 'retryable' });
    expect(inner.at).toHaveLength(1);
    // The backoff's timer is cleared, not left to fire into a settled wait.
    expect(jest.getTimerCount()).toBe(0);
  });

  it('shutdown shuts the inner transport down', () => {
    const inner = scripted([]);
    const shutdown = jest.spyOn(inner, 'shutdown');
    new RetryingTransport(inner).shutdown();
    expect(shutdown).toHaveBeenCalledTimes(1);
  });
});
