import { runStepsWithin } from '../../src/internal/runStepsWithin.js';

describe('runStepsWithin', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs steps in order; a throw or rejection fails that step only', async () => {
    const ran: string[] = [];
    const boom = new Error('boom');
    const outcomes = await runStepsWithin(
      [
        { name: 'a', run: () => void ran.push('a') },
        {
          name: 'b',
          run: () => {
            throw boom;
          },
        },
        { name: 'c', run: () => Promise.reject(new Error('nope')) },
        { name: 'd', run: async () => void ran.push('d') },
      ],
      1000,
    );
    expect(ran).toEqual(['a', 'd']);
    expect(outcomes.map((o) => [o.name, o.kind])).toEqual([
      ['a', 'done'],
      ['b', 'failed'],
      ['c', 'failed'],
      ['d', 'done'],
    ]);
    expect(outcomes[1]).toMatchObject({ error: boom });
  });

  it('abandons a step that outlives the one deadline and skips the rest', async () => {
    const later = jest.fn();
    const running = runStepsWithin(
      [
        { name: 'slow', run: () => new Promise((r) => setTimeout(r, 300)) },
        { name: 'hung', run: () => new Promise(() => undefined) },
        { name: 'later', run: later },
      ],
      500,
    );
    await jest.advanceTimersByTimeAsync(499);
    let settled = false;
    void running.then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    const outcomes = await running;
    expect(outcomes.map((o) => [o.name, o.kind])).toEqual([
      ['slow', 'done'],
      ['hung', 'timeout'],
      ['later', 'skipped'],
    ]);
    expect(later).not.toHaveBeenCalled();
    expect(outcomes[0]!.durationMs).toBe(300);
  });
});
