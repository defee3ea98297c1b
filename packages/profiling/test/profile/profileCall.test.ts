import { beginProfile, endProfile, profileCall } from '../../src/profile/profileCall.js';
import { getErrorProfile } from '../../src/profile/errorProfiles.js';
import type { FunctionProfileResult } from '../../src/model/functionProfileResult.js';
import { sleep, spin } from '../support/work.js';

describe('profileCall', () => {
  it('profiles a sync call synchronously', () => {
    const profiles: FunctionProfileResult[] = [];
    const result = profileCall(
      'sync',
      () => spin(20),
      (p) => profiles.push(p),
    );
    expect(typeof result).toBe('number');
    expect(profiles).toHaveLength(1);
    const p = profiles[0]!;
    expect(p.functionName).toBe('sync');
    expect(p.success).toBe(true);
    expect(p).not.toHaveProperty('error');
    expect(p.executionTimeMs).toBeGreaterThanOrEqual(19);
    expect(p.cpuUserMs).toBeGreaterThan(0);
    expect(p.startTime).toBeGreaterThan(Date.now() - 10_000);
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('measures an async call until it settles', async () => {
    const profiles: FunctionProfileResult[] = [];
    const promise = profileCall(
      'async',
      async () => {
        await sleep(40);
        return 'v';
      },
      (p) => profiles.push(p),
    );
    expect(profiles).toHaveLength(0);
    await expect(promise).resolves.toBe('v');
    expect(profiles[0]!.executionTimeMs).toBeGreaterThanOrEqual(35);
  });

  it('reports heap and RSS change from the start to the end of the call', () => {
    const profiles: FunctionProfileResult[] = [];
    const readings = [
      { rss: 100_000_000, heapTotal: 0, heapUsed: 40_000_000, external: 0, arrayBuffers: 0 },
      { rss: 130_000_000, heapTotal: 0, heapUsed: 52_000_000, external: 0, arrayBuffers: 0 },
    ];
    const spy = jest.spyOn(process, 'memoryUsage').mockImplementation(() => readings.shift()!);
    try {
      profileCall(
        'alloc',
        () => 1,
        (p) => profiles.push(p),
      );
    } finally {
      spy.mockRestore();
    }
    expect(profiles[0]!.memoryDeltaBytes).toBe(12_000_000);
    expect(profiles[0]!.rssDeltaBytes).toBe(30_000_000);
  });

  it('rethrows a sync error unchanged, with the profile attached', () => {
    const profiles: FunctionProfileResult[] = [];
    const boom = new Error('sync');
    expect(() =>
      profileCall(
        'bad',
        () => {
          throw boom;
        },
        (p) => profiles.push(p),
      ),
    ).toThrow(boom);
    expect(profiles[0]!.success).toBe(false);
    expect(profiles[0]!.error).toBe(boom);
    expect(getErrorProfile(boom)).toBe(profiles[0]);
  });

  it('rethrows a rejection and attaches the profile; primitives get none', async () => {
    const profiles: FunctionProfileResult[] = [];
    const boom = new Error('async');
    await expect(
      profileCall(
        'bad',
        () => Promise.reject(boom),
        (p) => profiles.push(p),
      ),
    ).rejects.toBe(boom);
    expect(getErrorProfile(boom)).toBe(profiles[0]);
    // A thrown primitive, on purpose: it cannot carry a profile.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const rejectPrimitive = () => Promise.reject('plain string');
    await expect(profileCall('str', rejectPrimitive, (p) => profiles.push(p))).rejects.toBe(
      'plain string',
    );
    expect(profiles[1]!.error).toBe('plain string');
    expect(getErrorProfile('plain string')).toBeUndefined();
    expect(getErrorProfile(new Error('never profiled'))).toBeUndefined();
  });

  it('ignores a throwing onProfile with a warning', () => {
    const warnings: string[] = [];
    const emit = jest.spyOn(process, 'emitWarning').mockImplementation((w) => {
      warnings.push(String(w));
    });
    try {
      const result = profileCall(
        'ok',
        () => 7,
        () => {
          throw new Error('callback bug');
        },
      );
      expect(result).toBe(7);
      expect(warnings.join()).toContain('profiling.profileCall: A monitoring callback threw');
    } finally {
      emit.mockRestore();
    }
  });

  it('treats any thenable as async', async () => {
    const profiles: FunctionProfileResult[] = [];
    const thenable = { then: (resolve: (v: number) => void) => setTimeout(() => resolve(5), 20) };
    const result = profileCall(
      'thenable',
      () => thenable,
      (p) => profiles.push(p),
    );
    await expect(result).resolves.toBe(5);
    expect(profiles[0]!.executionTimeMs).toBeGreaterThanOrEqual(15);
  });

  it('begins and ends profiles by hand', () => {
    const start = beginProfile('manual');
    spin(5);
    const p = endProfile(start, false, 'why');
    expect(p.functionName).toBe('manual');
    expect(p.success).toBe(false);
    expect(p.error).toBe('why');
    expect(p.executionTimeMs).toBeGreaterThanOrEqual(4);
  });
});
