import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceMonitorError, isMonitorError } from '@lexigram/monitor-core';
import { takeHeapSnapshot, type HeapSnapshotResult } from '../../src/ondemand/heapSnapshot.js';
import { runFixture, tempDir } from '../support/work.js';

const MB = 1024 * 1024;

describe('takeHeapSnapshot', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('refuses when memory is short, writing nothing, with the figures in the message', async () => {
    const dir = join(tmp.dir, 'refused');
    const error = await takeHeapSnapshot({
      directory: dir,
      memoryProbe: () => ({ heapUsedBytes: 300 * MB, availableBytes: 400 * MB, source: 'cgroup' }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PerformanceMonitorError);
    expect(isMonitorError(error, 'PERFORMANCE_MONITOR_ERROR')).toBe(true);
    expect((error as Error).message).toBe(
      'Not enough free memory for a heap snapshot: it needs about 2 x 300.0 MB used heap = 600.0 MB, but only 400.0 MB is available (limit: cgroup). Free memory or raise the memory limit, then retry.',
    );
    expect(existsSync(dir)).toBe(false);
  });

  it('writes a loadable snapshot when memory allows', () => {
    // In a fresh small process with the default memory probe: this machine has room for it.
    const out = runFixture('heapSnapshotChild.ts', [tmp.dir], 60_000);
    const result = JSON.parse(out) as HeapSnapshotResult;
    expect(result.filePath).toMatch(/Heap\.\d{8}\.\d{6}\.\d+\.\d{3}\.heapsnapshot$/);
    expect(result.filePath.startsWith(tmp.dir)).toBe(true);
    expect(result.headroom.sufficient).toBe(true);
    expect(result.headroom.requiredBytes).toBe(Math.ceil(result.headroom.heapUsedBytes * 2));
    expect(result.headroom.availableBytes).toBeGreaterThanOrEqual(result.headroom.requiredBytes);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const text = readFileSync(result.filePath, 'utf8');
    expect(result.sizeBytes).toBe(Buffer.byteLength(text));
    const snapshot = JSON.parse(text) as {
      snapshot: { meta: { node_fields: string[] }; node_count: number };
      nodes: number[];
      strings: string[];
    };
    expect(snapshot.snapshot.node_count).toBeGreaterThan(1000);
    expect(snapshot.nodes).toHaveLength(
      snapshot.snapshot.node_count * snapshot.snapshot.meta.node_fields.length,
    );
    expect(snapshot.strings).toContain('takeHeapSnapshot');
  });

  it('refuses a second snapshot while one is being taken', async () => {
    const probe = () => ({ heapUsedBytes: 1, availableBytes: 10, source: 'os' as const });
    // The first call holds the lock from its start; an unwritable path makes it end quickly.
    const blocker = join(tmp.dir, 'lock-blocker');
    writeFileSync(blocker, 'x');
    const first = takeHeapSnapshot({
      filePath: join(blocker, 'a.heapsnapshot'),
      memoryProbe: probe,
    });
    await expect(takeHeapSnapshot({ directory: tmp.dir, memoryProbe: probe })).rejects.toThrow(
      /already being taken in this process/,
    );
    await expect(first).rejects.toThrow(/cannot create/);
    // The lock is released after a failure.
    await expect(
      takeHeapSnapshot({ filePath: join(blocker, 'b.heapsnapshot'), memoryProbe: probe }),
    ).rejects.toThrow(/cannot create/);
  });

  it('rejects a bad headroomFactor', async () => {
    await expect(takeHeapSnapshot({ headroomFactor: -1, directory: tmp.dir })).rejects.toThrow(
      /headroomFactor must be a number >= 0/,
    );
  });

  it('reports an unwritable destination', async () => {
    const filePath = join(tmp.dir, 'parent-is-a-file');
    writeFileSync(filePath, 'x');
    await expect(
      takeHeapSnapshot({
        filePath: join(filePath, 'x.heapsnapshot'),
        memoryProbe: () => ({ heapUsedBytes: 1, availableBytes: 10, source: 'os' }),
      }),
    ).rejects.toThrow(/cannot create .*x\.heapsnapshot\.partial/);
  });
});
