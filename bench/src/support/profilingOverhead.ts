/**
 * CPU overhead of background samplers: the process's own CPU time (`process.cpuUsage`, user +
 * system, all threads) over a fixed idle period, with and without the sampler running, in
 * alternating rounds so drift affects both sides alike.
 */

/** Something started before an idle period and stopped after it. */
export interface Sampler {
  readonly name: string;
  start(): void;
  stop(): void;
}

/** Result of one sampler against the idle baseline. */
export interface OverheadRow {
  readonly name: string;
  /** Median CPU ms per second of wall time, sampler running. */
  readonly cpuMsPerSecond: number;
  /** Median CPU ms per second of wall time, nothing running. */
  readonly baselineMsPerSecond: number;
  /** Extra CPU, in percent of one core. */
  readonly overheadPercent: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU ms per wall second over an idle period of `ms`, optionally with `sampler` running. */
async function idleCpu(ms: number, sampler?: Sampler): Promise<number> {
  sampler?.start();
  // Let start-up work settle so only the steady state is measured.
  await sleep(200);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(ms);
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  sampler?.stop();
  return (cpu.user + cpu.system) / 1000 / (wall / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Measure each sampler against the baseline over `rounds` rounds of `periodMs` each. */
export async function measureOverhead(
  samplers: readonly Sampler[],
  periodMs: number,
  rounds: number,
): Promise<OverheadRow[]> {
  const baseline: number[] = [];
  const withSampler = samplers.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    baseline.push(await idleCpu(periodMs));
    for (let i = 0; i < samplers.length; i++) {
      withSampler[i]!.push(await idleCpu(periodMs, samplers[i]));
    }
  }
  const base = median(baseline);
  return samplers.map((s, i) => {
    const cpu = median(withSampler[i]!);
    // CPU ms per wall second / 1000 ms = share of one core.
    return {
      name: s.name,
      cpuMsPerSecond: cpu,
      baselineMsPerSecond: base,
      overheadPercent: ((cpu - base) / 1000) * 100,
    };
  });
}

/** Print overhead rows as a Markdown table, with the target when given. */
export function printOverhead(
  title: string,
  rows: readonly OverheadRow[],
  targetPercent?: number,
): void {
  console.log(`\n### ${title}\n`);
  console.log(
    '| sampler | CPU ms/s (running) | CPU ms/s (idle baseline) | overhead, % of one core | target |',
  );
  console.log('|---|---:|---:|---:|---|');
  for (const r of rows) {
    const target =
      targetPercent === undefined || !r.name.startsWith('ours')
        ? ''
        : `< ${targetPercent}% ${r.overheadPercent < targetPercent ? 'met' : 'MISSED'}`;
    console.log(
      `| ${r.name} | ${r.cpuMsPerSecond.toFixed(2)} | ${r.baselineMsPerSecond.toFixed(2)} | ${r.overheadPercent.toFixed(3)}% | ${target} |`,
    );
  }
}
