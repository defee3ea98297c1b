import { readFileSync } from 'node:fs';
import { freemem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

/** Where the available-memory figure came from. */
export type MemorySource = 'os' | 'cgroup' | 'process';

/** Memory readings a heap snapshot decision is based on. */
export interface MemoryReadings {
  /** V8 heap in use: what the snapshot serialises. */
  readonly heapUsedBytes: number;
  /** Memory the process can still use. */
  readonly availableBytes: number;
  /** The tightest limit found: free system memory, the cgroup limit, or Node's own figure. */
  readonly source: MemorySource;
}

/** Supplies {@link MemoryReadings}; inject one to decide with other figures (or to test). */
export type MemoryProbe = () => MemoryReadings;

/** The verdict on taking a heap snapshot now. */
export interface MemoryHeadroom extends MemoryReadings {
  /** Memory the snapshot is expected to need: the used heap times the headroom factor. */
  readonly requiredBytes: number;
  /** True when `availableBytes >= requiredBytes`. */
  readonly sufficient: boolean;
}

/** What {@link readMemory} reads; every part replaceable. */
export interface MemorySources {
  readFile?: (path: string) => string | undefined;
  freemem?: () => number;
  /** Node's cgroup-aware figure (`process.availableMemory`, Node 20.13+/22). */
  availableMemory?: () => number | undefined;
  heapUsed?: () => number;
}

// Values at or above this mean "no limit" (cgroup v1 writes 2^63 rounded to the page size).
const UNLIMITED = 2 ** 60;

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseBytes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'max') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 && value < UNLIMITED ? value : undefined;
}

/**
 * Memory left under the cgroup limit of this container (cgroup v2, then v1), or undefined when
 * the process runs unconstrained or not under Linux cgroups.
 */
export function cgroupAvailableBytes(readFile: (path: string) => string | undefined = readText) {
  const pairs: readonly [string, string][] = [
    ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory.current'],
    ['/sys/fs/cgroup/memory/memory.limit_in_bytes', '/sys/fs/cgroup/memory/memory.usage_in_bytes'],
  ];
  for (const [limitPath, usagePath] of pairs) {
    const limit = parseBytes(readFile(limitPath));
    if (limit === undefined) continue;
    const usage = parseBytes(readFile(usagePath)) ?? 0;
    return Math.max(0, limit - usage);
  }
  return undefined;
}

function nodeAvailableMemory(): number | undefined {
  const fn = (process as { availableMemory?: () => number }).availableMemory;
  return typeof fn === 'function' ? fn.call(process) : undefined;
}

/**
 * Read the used V8 heap (`v8.getHeapStatistics`) and the memory the process can still use: the
 * smallest of free system memory (`os.freemem`), what is left under the cgroup limit, and
 * Node's own `process.availableMemory()` where it exists.
 */
export function readMemory(sources: MemorySources = {}): MemoryReadings {
  const heapUsedBytes = (sources.heapUsed ?? (() => getHeapStatistics().used_heap_size))();
  let availableBytes = (sources.freemem ?? freemem)();
  let source: MemorySource = 'os';
  const cgroup = cgroupAvailableBytes(sources.readFile ?? readText);
  if (cgroup !== undefined && cgroup < availableBytes) {
    availableBytes = cgroup;
    source = 'cgroup';
  }
  const fromNode = (sources.availableMemory ?? nodeAvailableMemory)();
  if (
    fromNode !== undefined &&
    Number.isFinite(fromNode) &&
    fromNode > 0 &&
    fromNode < availableBytes
  ) {
    availableBytes = fromNode;
    source = 'process';
  }
  return { heapUsedBytes, availableBytes, source };
}

/** Judge `readings` against a snapshot needing `factor` times the used heap. */
export function assessHeadroom(readings: MemoryReadings, factor: number): MemoryHeadroom {
  const requiredBytes = Math.ceil(readings.heapUsedBytes * factor);
  return { ...readings, requiredBytes, sufficient: readings.availableBytes >= requiredBytes };
}

/**
 * Whether there is enough free memory to take a heap snapshot now: about `factor` (default 2)
 * times the used heap must be available.
 */
export function checkHeapSnapshotMemory(
  options: { headroomFactor?: number; memoryProbe?: MemoryProbe } = {},
): MemoryHeadroom {
  return assessHeadroom((options.memoryProbe ?? readMemory)(), options.headroomFactor ?? 2);
}
