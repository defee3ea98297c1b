import { runDemo } from './support/runDemo.js';

describe('examples/demo: profiling section', () => {
  it('samples, profiles, publishes and captures profiles on embedded defaults', () => {
    const out = runDemo('profiling');
    expect(out).toContain(
      '=== profiling: sampling monitor, function profiles, runtime metrics, CPU and heap profiles ===',
    );
    const samples = /monitor: (\d+) samples every 100 ms over (\d+) ms/.exec(out);
    expect(samples).not.toBeNull();
    expect(Number(samples![1])).toBeGreaterThanOrEqual(4);
    expect(Number(samples![2])).toBeGreaterThanOrEqual(500);
    expect(out).toMatch(/cpu: avg [\d.]+% peak [\d.]+% of one core; rss peak [\d.]+ MB/);
    const loop = /event loop: p50 [\d.]+ ms, p99 [\d.]+ ms, max ([\d.]+) ms/.exec(out);
    expect(Number(loop![1])).toBeGreaterThanOrEqual(90);
    const gc = /gc: (\d+) collections \((\d+) minor/.exec(out);
    expect(Number(gc![1])).toBeGreaterThan(0);
    expect(out).toMatch(/bounded: kept 5 of \d+ snapshots/);
    expect(out).toContain(
      'already active: PERFORMANCE_MONITOR_ERROR: Performance monitoring is already active',
    );
    expect(out).toMatch(/profileAsyncFunction: loadReport -> rows=42 in [\d.]+ ms/);
    expect(out).toMatch(/failed call: "upload refused" rethrown; profile kept: success=false/);
    expect(out).toMatch(/summary: samples=\d+ profiledCalls=1 failed=1 hasProfileData=true/);
    expect(out).toMatch(
      /publisher: 1\d families; runtime_cpu_percent=[\d.]+ .* gc histogram series=[1-4]/,
    );
    const cpu =
      /cpu profile: wrote CPU\.\d{8}\.\d{6}\.\d+\.\d{3}\.cpuprofile \(\d+ nodes, (\d+) samples, (\d+) in this section's code; top: \S+/.exec(
        out,
      );
    expect(cpu).not.toBeNull();
    expect(Number(cpu![1])).toBeGreaterThan(0);
    expect(Number(cpu![2])).toBeGreaterThan(0);
    expect(out).toContain(
      'heap snapshot refused: Not enough free memory for a heap snapshot: it needs about 2 x 900.0 MB used heap = 1800.0 MB, but only 1024.0 MB is available (limit: cgroup)',
    );
    expect(out).toMatch(/heap snapshot: wrote Heap\.\S+\.heapsnapshot \([\d.]+ MB\)/);
    expect(out).toContain('Demo finished.');
  });
});
