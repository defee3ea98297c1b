import { profileAsyncFunction } from '../../src/profile/profileAsyncFunction.js';
import { getErrorProfile } from '../../src/profile/errorProfiles.js';
import { sleep } from '@lexigram/test-support';
import { spin } from '../support/work.js';

describe('profileAsyncFunction', () => {
  it('returns the result and the profile of an async function', async () => {
    async function fetchUser(id: number, name: string) {
      await sleep(30);
      return { id, name };
    }
    const [user, profile] = await profileAsyncFunction(fetchUser, 7, 'ann');
    expect(user).toEqual({ id: 7, name: 'ann' });
    expect(profile.functionName).toBe('fetchUser');
    expect(profile.success).toBe(true);
    expect(profile.executionTimeMs).toBeGreaterThanOrEqual(25);
    expect(profile.cpuUserMs).toBeGreaterThanOrEqual(0);
    expect(profile.cpuSystemMs).toBeGreaterThanOrEqual(0);
    expect(typeof profile.memoryDeltaBytes).toBe('number');
    expect(typeof profile.rssDeltaBytes).toBe('number');
  });

  it('profiles a sync function too', async () => {
    const [value, profile] = await profileAsyncFunction((ms: number) => spin(ms) > -1, 20);
    expect(value).toBe(true);
    expect(profile.functionName).toBe('anonymous');
    expect(profile.cpuUserMs + profile.cpuSystemMs).toBeGreaterThan(1);
  });

  it('rethrows the same error with the profile retrievable from it', async () => {
    const boom = new TypeError('bad input');
    async function parse() {
      await sleep(15);
      throw boom;
    }
    const error = await profileAsyncFunction(parse).catch((e: unknown) => e);
    expect(error).toBe(boom);
    const profile = getErrorProfile(error);
    expect(profile).toMatchObject({ functionName: 'parse', success: false, error: boom });
    expect(profile!.executionTimeMs).toBeGreaterThanOrEqual(10);
  });

  it('covers a function that throws before returning a promise', async () => {
    const boom = new Error('early');
    const error = await profileAsyncFunction(() => {
      throw boom;
    }).catch((e: unknown) => e);
    expect(error).toBe(boom);
    expect(getErrorProfile(boom)?.success).toBe(false);
  });
});
