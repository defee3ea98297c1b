import {
  assessHeadroom,
  cgroupAvailableBytes,
  checkHeapSnapshotMemory,
  readMemory,
} from '../../src/ondemand/memoryHeadroom.js';

const MB = 1024 * 1024;

function files(map: Record<string, string>) {
  return (path: string) => map[path];
}

describe('cgroupAvailableBytes', () => {
  it('reads cgroup v2 limit minus usage', () => {
    expect(
      cgroupAvailableBytes(
        files({
          '/sys/fs/cgroup/memory.max': `${512 * MB}\n`,
          '/sys/fs/cgroup/memory.current': `${200 * MB}\n`,
        }),
      ),
    ).toBe(312 * MB);
  });

  it('treats "max" as unconstrained and falls back to cgroup v1', () => {
    expect(cgroupAvailableBytes(files({ '/sys/fs/cgroup/memory.max': 'max\n' }))).toBeUndefined();
    expect(
      cgroupAvailableBytes(
        files({
          '/sys/fs/cgroup/memory.max': 'max\n',
          '/sys/fs/cgroup/memory/memory.limit_in_bytes': `${256 * MB}`,
          '/sys/fs/cgroup/memory/memory.usage_in_bytes': `${300 * MB}`,
        }),
      ),
    ).toBe(0);
  });

  it('treats v1 "no limit" (2^63 rounded) and missing files as unconstrained', () => {
    expect(
      cgroupAvailableBytes(
        files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': '9223372036854771712' }),
      ),
    ).toBeUndefined();
    expect(cgroupAvailableBytes(files({}))).toBeUndefined();
  });
});

describe('readMemory', () => {
  it('takes the tightest of free memory, cgroup and Node figures', () => {
    const base = {
      heapUsed: () => 100 * MB,
      readFile: files({}),
      availableMemory: () => undefined,
    };
    expect(readMemory({ ...base, freemem: () => 4096 * MB })).toEqual({
      heapUsedBytes: 100 * MB,
      availableBytes: 4096 * MB,
      source: 'os',
    });
    expect(
      readMemory({
        ...base,
        freemem: () => 4096 * MB,
        readFile: files({
          '/sys/fs/cgroup/memory.max': `${1024 * MB}`,
          '/sys/fs/cgroup/memory.current': `${900 * MB}`,
        }),
      }),
    ).toMatchObject({ availableBytes: 124 * MB, source: 'cgroup' });
    expect(
      readMemory({ ...base, freemem: () => 4096 * MB, availableMemory: () => 64 * MB }),
    ).toMatchObject({ availableBytes: 64 * MB, source: 'process' });
  });

  it('reads this process by default', () => {
    const r = readMemory();
    expect(r.heapUsedBytes).toBeGreaterThan(MB);
    expect(r.availableBytes).toBeGreaterThan(0);
  });
});

describe('checkHeapSnapshotMemory', () => {
  it('needs twice the used heap by default', () => {
    const probe = (available: number) => () => ({
      heapUsedBytes: 100 * MB,
      availableBytes: available,
      source: 'os' as const,
    });
    expect(checkHeapSnapshotMemory({ memoryProbe: probe(200 * MB) })).toMatchObject({
      requiredBytes: 200 * MB,
      sufficient: true,
    });
    expect(checkHeapSnapshotMemory({ memoryProbe: probe(199 * MB) }).sufficient).toBe(false);
    expect(
      checkHeapSnapshotMemory({ memoryProbe: probe(150 * MB), headroomFactor: 1.5 }).sufficient,
    ).toBe(true);
  });

  it('assesses readings', () => {
    expect(assessHeadroom({ heapUsedBytes: 10, availableBytes: 5, source: 'cgroup' }, 2)).toEqual({
      heapUsedBytes: 10,
      availableBytes: 5,
      source: 'cgroup',
      requiredBytes: 20,
      sufficient: false,
    });
  });
});
