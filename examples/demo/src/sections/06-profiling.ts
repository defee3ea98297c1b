import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PerformanceMonitorError } from '@lexigram/monitor-core';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import {
  PerformanceMonitor,
  RuntimeMetricsPublisher,
  captureCpuProfileWhile,
  getErrorProfile,
  getPerformanceSummary,
  monitorAsyncOperation,
  profileAsyncFunction,
  takeHeapSnapshot,
} from '@lexigram/monitor-profiling';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Busy CPU work: what a hot request handler looks like to the profiler. */
function crunchNumbers(ms: number): number {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
  return x;
}

/** Allocation churn: short-lived objects that make V8 collect garbage. */
function churn(count: number): number {
  let batch: { id: number }[] = [];
  for (let i = 0; i < count; i++) {
    batch.push({ id: i });
    if (batch.length > 5000) batch = [];
  }
  return batch.length;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runtime sampling, function profiling, runtime metrics and on-demand profiles. */
export default {
  title: 'profiling: sampling monitor, function profiles, runtime metrics, CPU and heap profiles',
  async run(): Promise<void> {
    // 1. A sampling monitor around a region with CPU work, garbage and one long block.
    let monitor!: PerformanceMonitor;
    await monitorAsyncOperation({ samplingIntervalMs: 100, maxSnapshots: 5 }, async (m) => {
      monitor = m;
      for (let i = 0; i < 4; i++) {
        crunchNumbers(40);
        churn(300_000);
        await sleep(60);
      }
      crunchNumbers(120); // blocks the event loop for 120 ms
      await sleep(150);
    });
    const m = monitor.metrics;
    console.log(
      `monitor: ${m.sampleCount} samples every ${monitor.config.samplingIntervalMs} ms over ${m.durationMs.toFixed(0)} ms`,
    );
    console.log(
      `cpu: avg ${m.cpuPercentAvg.toFixed(1)}% peak ${m.cpuPercentPeak.toFixed(1)}% of one core; rss peak ${mb(m.rssBytesPeak)}, heap used peak ${mb(m.heapUsedBytesPeak)}`,
    );
    console.log(
      `event loop: p50 ${m.eventLoopDelayP50Ms.toFixed(1)} ms, p99 ${m.eventLoopDelayP99Ms.toFixed(1)} ms, max ${m.eventLoopDelayMaxMs.toFixed(1)} ms, utilization ${(m.eventLoopUtilization * 100).toFixed(0)}%`,
    );
    console.log(
      `gc: ${m.gcCount} collections (${m.gcCountByKind.minor} minor, ${m.gcCountByKind.major} major), ${m.gcTotalPauseMs.toFixed(1)} ms paused`,
    );
    console.log(`bounded: kept ${m.snapshots.length} of ${m.sampleCount} snapshots`);

    // 2. Starting twice is an error that says what to do.
    const second = new PerformanceMonitor();
    second.startMonitoring();
    try {
      second.startMonitoring();
    } catch (error) {
      if (error instanceof PerformanceMonitorError) {
        console.log(`already active: ${error.code}: ${error.message}`);
      } else throw error;
    } finally {
      second.stopMonitoring();
    }

    // 3. Function profiles: result + profile, and a failing call keeps its profile.
    async function loadReport(id: string) {
      await sleep(30);
      crunchNumbers(20);
      return { id, rows: 42 };
    }
    const [report, profile] = await profileAsyncFunction(loadReport, 'r-1');
    console.log(
      `profileAsyncFunction: ${profile.functionName} -> rows=${report.rows} in ${profile.executionTimeMs.toFixed(1)} ms (cpu user ${profile.cpuUserMs.toFixed(1)} ms)`,
    );
    async function flakyUpload() {
      await sleep(10);
      throw new Error('upload refused');
    }
    try {
      await monitor.profileFunction(flakyUpload);
    } catch (error) {
      const failed = getErrorProfile(error);
      console.log(
        `failed call: "${(error as Error).message}" rethrown; profile kept: success=${failed?.success} after ${failed?.executionTimeMs.toFixed(1)} ms`,
      );
    }
    const summary = getPerformanceSummary(monitor.metrics);
    console.log(
      `summary: samples=${summary.sampleCount} profiledCalls=${summary.profiledCallCount} failed=${summary.failedCallCount} hasProfileData=${summary.hasProfileData}`,
    );

    // 4. Runtime figures published to a metrics collector through core's contract.
    const collector = new MetricsCollector();
    const publisher = new RuntimeMetricsPublisher(collector, { windowMs: 60_000 }).start();
    await sleep(20);
    crunchNumbers(80);
    churn(300_000);
    await sleep(30);
    publisher.stop(); // publishes the partial window
    const families = await collector.collect();
    const value = (name: string) => {
      const family = families.find((f) => f.name === name);
      return family && 'series' in family && family.series[0] && 'value' in family.series[0]
        ? family.series[0].value
        : undefined;
    };
    const gcFamily = families.find((f) => f.name === 'runtime_gc_duration_seconds');
    console.log(
      `publisher: ${families.length} families; runtime_cpu_percent=${Number(value('runtime_cpu_percent')).toFixed(1)} runtime_eventloop_delay_max_seconds=${Number(value('runtime_eventloop_delay_max_seconds')).toFixed(3)} gc histogram series=${gcFamily && 'series' in gcFamily ? gcFamily.series.length : 0}`,
    );

    // 5. On-demand profiles, written to a temporary folder.
    const dir = mkdtempSync(join(tmpdir(), 'lexigram-demo-profiling-'));
    try {
      // The profiler runs exactly while the callback does; captureCpuProfile({ durationMs })
      // profiles a period instead.
      const {
        filePath,
        profile: cpu,
        sampleCount,
      } = await captureCpuProfileWhile(
        async () => {
          for (let i = 0; i < 10; i++) {
            crunchNumbers(20);
            await sleep(5);
          }
        },
        { directory: dir },
      );
      // Self samples per function; V8 may inline crunchNumbers into its caller, so the
      // section's own code is counted as a whole too.
      const named = cpu.nodes
        .filter((n) => (n.hitCount ?? 0) > 0 && !n.callFrame.functionName.startsWith('('))
        .sort((a, b) => (b.hitCount ?? 0) - (a.hitCount ?? 0))
        .slice(0, 3)
        .map((n) => `${n.callFrame.functionName || '(anonymous)'} ${n.hitCount}`);
      const ours = cpu.nodes
        .filter((n) => n.callFrame.url.includes('06-profiling'))
        .reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
      console.log(
        `cpu profile: wrote ${basename(filePath!)} (${cpu.nodes.length} nodes, ${sampleCount} samples, ${ours} in this section's code; top: ${named.join(', ')}); open it in Chrome DevTools`,
      );

      try {
        await takeHeapSnapshot({
          directory: dir,
          memoryProbe: () => ({
            heapUsedBytes: 900 * 1024 * 1024,
            availableBytes: 1024 * 1024 * 1024,
            source: 'cgroup',
          }),
        });
      } catch (error) {
        if (error instanceof PerformanceMonitorError)
          console.log(`heap snapshot refused: ${error.message}`);
        else throw error;
      }
      const heap = await takeHeapSnapshot({ directory: dir });
      console.log(
        `heap snapshot: wrote ${basename(heap.filePath)} (${mb(heap.sizeBytes)}); needed ${mb(heap.headroom.requiredBytes)}, ${mb(heap.headroom.availableBytes)} available (${heap.headroom.source})`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
