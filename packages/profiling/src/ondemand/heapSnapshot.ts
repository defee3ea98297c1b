import { PerformanceMonitorError } from '@lexigram/monitor-core';
import { processSingleton } from '@lexigram/monitor-core/internal';
import {
  closeSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { openInspectorSession } from './inspectorSession.js';
import {
  checkHeapSnapshotMemory,
  type MemoryHeadroom,
  type MemoryProbe,
} from './memoryHeadroom.js';
import { outputPath, type OutputLocation } from './outputPath.js';

/** Options of {@link takeHeapSnapshot}. */
export interface TakeHeapSnapshotOptions extends OutputLocation {
  /**
   * Memory the snapshot needs, as a multiple of the used heap. Default 2: V8 builds the
   * snapshot's graph in native memory beside the heap it describes.
   */
  headroomFactor?: number;
  /** Supplies the memory figures; default {@link readMemory}. Inject to decide differently. */
  memoryProbe?: MemoryProbe;
}

/** What {@link takeHeapSnapshot} produced. */
export interface HeapSnapshotResult {
  /** The `.heapsnapshot` written. */
  readonly filePath: string;
  /** Its size. */
  readonly sizeBytes: number;
  /** The memory check that allowed it. */
  readonly headroom: MemoryHeadroom;
}

const state = processSingleton('@lexigram/monitor-profiling/heap-snapshot', () => ({
  busy: false,
}));

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Write a V8 heap snapshot (`.heapsnapshot`, opened by Chrome DevTools' Memory panel), but only
 * after checking there is enough free memory for it: a snapshot needs about twice the used heap,
 * and running out of memory while taking one kills the process that was being diagnosed.
 *
 * The snapshot is streamed to disk chunk by chunk (through an in-process `node:inspector`
 * session) into `<file>.partial`, renamed when complete. Taking it pauses the process for as
 * long as V8 needs to walk the heap (about a second per few hundred MB). One snapshot at a time
 * per process.
 *
 * @throws PerformanceMonitorError when memory is short (the message gives the figures), when a
 *   snapshot is already being taken, for a Node without inspector, or when writing fails.
 * @example
 * ```ts
 * const { filePath, sizeBytes } = await takeHeapSnapshot({ directory: '/var/tmp' });
 * ```
 */
export async function takeHeapSnapshot(
  options: TakeHeapSnapshotOptions = {},
): Promise<HeapSnapshotResult> {
  const factor = options.headroomFactor ?? 2;
  if (typeof factor !== 'number' || !Number.isFinite(factor) || factor < 0) {
    throw new PerformanceMonitorError(
      `takeHeapSnapshot: headroomFactor must be a number >= 0 (default 2), got ${String(factor)}`,
    );
  }
  if (state.busy) {
    throw new PerformanceMonitorError(
      'takeHeapSnapshot: a heap snapshot is already being taken in this process; wait for it to finish',
    );
  }
  const headroom = checkHeapSnapshotMemory({
    headroomFactor: factor,
    memoryProbe: options.memoryProbe,
  });
  if (!headroom.sufficient) {
    throw new PerformanceMonitorError(
      `Not enough free memory for a heap snapshot: it needs about ${factor} x ${mb(headroom.heapUsedBytes)} used heap = ${mb(headroom.requiredBytes)}, but only ${mb(headroom.availableBytes)} is available (limit: ${headroom.source}). Free memory or raise the memory limit, then retry.`,
    );
  }
  state.busy = true;
  try {
    return await writeSnapshot(outputPath(options, 'Heap', 'heapsnapshot'), headroom);
  } finally {
    state.busy = false;
  }
}

async function writeSnapshot(
  filePath: string,
  headroom: MemoryHeadroom,
): Promise<HeapSnapshotResult> {
  const partial = `${filePath}.partial`;
  let fd: number;
  try {
    mkdirSync(dirname(filePath), { recursive: true });
    fd = openSync(partial, 'w');
  } catch (error) {
    throw new PerformanceMonitorError(
      `takeHeapSnapshot: cannot create ${partial}; check the directory is writable`,
      { cause: error },
    );
  }
  const inspector = await openInspectorSession('take a heap snapshot').catch((error: unknown) => {
    closeSync(fd);
    unlinkQuietly(partial);
    throw error;
  });
  let writeError: unknown;
  // Chunks arrive while takeHeapSnapshot runs; writing each at once keeps no copy in memory.
  inspector.session.on('HeapProfiler.addHeapSnapshotChunk', (message) => {
    if (writeError !== undefined) return;
    try {
      writeSync(fd, message.params.chunk);
    } catch (error) {
      writeError = error;
    }
  });
  try {
    await inspector.post('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    if (writeError !== undefined) throw new Error('writing a chunk failed', { cause: writeError });
    closeSync(fd);
    renameSync(partial, filePath);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    unlinkQuietly(partial);
    throw new PerformanceMonitorError(
      `takeHeapSnapshot: writing ${filePath} failed; check free disk space and permissions`,
      { cause: error },
    );
  } finally {
    inspector.disconnect();
  }
  return { filePath, sizeBytes: statSync(filePath).size, headroom };
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Nothing to remove.
  }
}
