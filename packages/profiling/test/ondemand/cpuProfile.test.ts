import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceMonitorError } from '@lexigram/monitor-core';
import { captureCpuProfile, captureCpuProfileWhile } from '../../src/ondemand/cpuProfile.js';
import type { CpuProfile } from '../../src/ondemand/cpuProfileFormat.js';
import { sleep } from '@lexigram/test-support';
import { spin, tempDir } from '../support/work.js';

function hotLoopForProfile(ms: number): number {
  return spin(ms);
}

/** Keep the thread busy in `hotLoopForProfile`, in slices, until `done` settles. */
async function busyUntil(done: Promise<unknown>): Promise<void> {
  let settled = false;
  void done.finally(() => (settled = true)).catch(() => undefined);
  while (!settled) {
    hotLoopForProfile(20);
    await sleep(1);
  }
}

/** What Chrome DevTools needs to load a `.cpuprofile`. */
function expectLoadable(profile: CpuProfile): void {
  expect(Array.isArray(profile.nodes)).toBe(true);
  expect(profile.nodes.length).toBeGreaterThan(1);
  expect(profile.endTime).toBeGreaterThan(profile.startTime);
  expect(profile.samples!.length).toBeGreaterThan(0);
  expect(profile.timeDeltas!.length).toBe(profile.samples!.length);
  const ids = new Set(profile.nodes.map((n) => n.id));
  for (const id of profile.samples!) expect(ids.has(id)).toBe(true);
  for (const node of profile.nodes) {
    expect(typeof node.callFrame.functionName).toBe('string');
    for (const child of node.children ?? []) expect(ids.has(child)).toBe(true);
  }
}

/** Samples whose stack includes a frame from a file matching `url`. */
function samplesWithin(profile: CpuProfile, url: RegExp): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let count = 0;
  for (const sample of profile.samples ?? []) {
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      if (url.test(byId.get(id)!.callFrame.url)) {
        count += 1;
        break;
      }
    }
  }
  return count;
}

describe('captureCpuProfile', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('profiles for durationMs and writes a .cpuprofile that DevTools can load', async () => {
    const capture = captureCpuProfile({ durationMs: 300, directory: tmp.dir });
    await busyUntil(capture);
    const { filePath, profile, sampleCount } = await capture;
    expect(filePath).toMatch(/^.*[/\\]CPU\.\d{8}\.\d{6}\.\d+\.\d{3}\.cpuprofile$/);
    expect(filePath!.startsWith(tmp.dir)).toBe(true);
    const onDisk = JSON.parse(readFileSync(filePath!, 'utf8')) as CpuProfile;
    expectLoadable(onDisk);
    expect(onDisk).toEqual(profile);
    expect(sampleCount).toBe(onDisk.samples!.length);
    // Times are in µs: the profile spans the requested duration.
    expect(onDisk.endTime - onDisk.startTime).toBeGreaterThanOrEqual(290_000);
    // The busy loop of this test ran throughout (V8 may inline it into its caller, so the stack
    // is matched by file rather than by function name).
    expect(samplesWithin(onDisk, /(cpuProfile\.test|work)\.ts$/)).toBeGreaterThan(10);
  });

  it('profiles exactly while a function runs', async () => {
    const { result, profile, filePath } = await captureCpuProfileWhile(
      async () => {
        for (let i = 0; i < 5; i++) {
          hotLoopForProfile(20);
          await sleep(1);
        }
        return 'report';
      },
      { directory: tmp.dir },
    );
    expect(result).toBe('report');
    expectLoadable(JSON.parse(readFileSync(filePath!, 'utf8')) as CpuProfile);
    expect(samplesWithin(profile, /(cpuProfile\.test|work)\.ts$/)).toBeGreaterThan(10);
  });

  it('stops the profiler, writes nothing and rethrows when the function fails', async () => {
    const before = readdirSync(tmp.dir).length;
    const boom = new Error('report failed');
    await expect(
      captureCpuProfileWhile(() => Promise.reject(boom), { directory: tmp.dir }),
    ).rejects.toBe(boom);
    expect(readdirSync(tmp.dir)).toHaveLength(before);
    // The profiler is free again.
    const again = await captureCpuProfileWhile(() => 1, { write: false });
    expect(again.result).toBe(1);
    await expect(captureCpuProfileWhile(undefined as never)).rejects.toThrow(
      /pass the function to profile/,
    );
  });

  it('writes to the exact filePath, creating folders', async () => {
    const filePath = join(tmp.dir, 'nested', 'run.cpuprofile');
    const capture = await captureCpuProfile({ durationMs: 50, filePath, samplingIntervalUs: 500 });
    expect(capture.filePath).toBe(filePath);
    expectLoadable(JSON.parse(readFileSync(filePath, 'utf8')) as CpuProfile);
  });

  it('can skip writing', async () => {
    const before = readdirSync(tmp.dir).length;
    const capture = await captureCpuProfile({ durationMs: 30, write: false, directory: tmp.dir });
    expect(capture.filePath).toBeUndefined();
    expect(capture.profile.nodes.length).toBeGreaterThan(0);
    expect(readdirSync(tmp.dir)).toHaveLength(before);
  });

  it('allows overlapping captures', async () => {
    const [a, b] = await Promise.all([
      captureCpuProfile({ durationMs: 60, write: false }),
      captureCpuProfile({ durationMs: 40, write: false }),
    ]);
    expect(a.profile.nodes.length).toBeGreaterThan(0);
    expect(b.profile.nodes.length).toBeGreaterThan(0);
  });

  it('rejects bad options with a clear error', async () => {
    await expect(captureCpuProfile({ durationMs: 0 })).rejects.toThrow(
      /durationMs must be a number of milliseconds from 1 to 3600000, got 0/,
    );
    await expect(captureCpuProfile({ durationMs: Number.NaN })).rejects.toBeInstanceOf(
      PerformanceMonitorError,
    );
    await expect(captureCpuProfile({ durationMs: 10, samplingIntervalUs: 0.5 })).rejects.toThrow(
      /samplingIntervalUs must be a whole number/,
    );
  });

  it('reports an unwritable destination', async () => {
    const blocker = join(tmp.dir, 'a-file');
    writeFileSync(blocker, 'x');
    // A path below a regular file cannot be created.
    await expect(
      captureCpuProfile({ durationMs: 5, filePath: join(blocker, 'x.cpuprofile') }),
    ).rejects.toThrow(/writing .*x\.cpuprofile failed/);
  });
});
