import { MonitorConfigError } from '@lexigram/monitor-core';
import { EvaluationLoop } from '../../src/internal/evaluationLoop.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('EvaluationLoop', () => {
  it('rejects a bad interval', () => {
    const loop = new EvaluationLoop(
      async () => {},
      () => {},
    );
    expect(() => loop.start(0)).toThrow(MonitorConfigError);
    expect(() => loop.start(Number.NaN)).toThrow(/intervalMs: must be/);
    expect(() => loop.start(2 ** 31)).toThrow(/intervalMs: must be at most 2147483647/);
  });

  it('runs one evaluation at a time, skipping ticks while one is running', async () => {
    let runs = 0;
    let release!: () => void;
    const loop = new EvaluationLoop(
      () => {
        runs++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      () => {},
    );
    loop.start(5);
    expect(loop.started).toBe(true);
    while (runs === 0) await wait(5);
    await wait(60); // many ticks pass while the first run hangs
    expect(runs).toBe(1);
    release();
    while (runs === 1) await wait(5);
    const stopped = loop.stop(5000);
    release();
    await stopped;
    expect(loop.started).toBe(false);
  });

  it('reports errors, sync or async, and keeps running', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const loop = new EvaluationLoop(
      () => {
        runs++;
        if (runs === 1) throw new Error('sync');
        return Promise.reject(new Error('async'));
      },
      (error) => errors.push((error as Error).message),
    );
    loop.start(5);
    while (errors.length < 2) await wait(5);
    await loop.stop(5000);
    expect(errors.slice(0, 2)).toEqual(['sync', 'async']);
  });
});
