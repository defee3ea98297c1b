/**
 * Side-by-side measurement: each case runs ours and a peer library in the same process with
 * mitata's `measure`, and prints ns per call and the ratio (peer / ours: above 1 means we are
 * faster), with the target ratio when the case has one.
 */
import { measure } from 'mitata';

/** One comparison. */
export interface Case {
  /** What is measured, e.g. "bound counter inc". */
  readonly name: string;
  /** Our implementation. */
  readonly ours: () => unknown;
  /** The peer's implementation of the same work. */
  readonly peer: () => unknown;
  /** Peer name shown in the table, e.g. "prom-client". */
  readonly peerName: string;
  /** Minimum ratio (peer / ours) the issue asks for; omitted for informational rows. */
  readonly target?: number;
}

/** A measured row. */
export interface Row {
  readonly name: string;
  readonly peerName: string;
  readonly oursNs: number;
  readonly peerNs: number;
  readonly ratio: number;
  readonly target?: number;
  readonly met?: boolean;
}

/** Measure every case and print a table; returns the rows. */
export async function compare(title: string, cases: readonly Case[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const c of cases) {
    const peer = await measure(c.peer);
    const ours = await measure(c.ours);
    const ratio = peer.avg / ours.avg;
    rows.push({
      name: c.name,
      peerName: c.peerName,
      oursNs: ours.avg,
      peerNs: peer.avg,
      ratio,
      ...(c.target === undefined ? {} : { target: c.target, met: ratio >= c.target }),
    });
  }
  printRows(title, rows);
  return rows;
}

/** Print rows as a Markdown table (paste-able into a README). */
export function printRows(title: string, rows: readonly Row[]): void {
  console.log(`\n### ${title}\n`);
  console.log('| case | ours (ns/op) | peer | peer (ns/op) | ratio (peer/ours) | target |');
  console.log('|---|---:|---|---:|---:|---|');
  for (const r of rows) {
    const target = r.target === undefined ? '' : `>= ${r.target}x ${r.met ? 'met' : 'MISSED'}`;
    console.log(
      `| ${r.name} | ${fmt(r.oursNs)} | ${r.peerName} | ${fmt(r.peerNs)} | ${r.ratio.toFixed(2)}x | ${target} |`,
    );
  }
}

function fmt(ns: number): string {
  return ns >= 1e6
    ? `${(ns / 1e6).toFixed(2)} ms`
    : ns >= 1e3
      ? `${(ns / 1e3).toFixed(2)} µs`
      : ns.toFixed(1);
}

/** Force a full GC when the process runs with --expose-gc (the bench script does). */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

/** Heap bytes retained per item after `build(n)` creates n items (needs --expose-gc). */
export function heapBytesPer(n: number, build: (n: number) => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const keep = build(n);
  gc();
  const after = process.memoryUsage().heapUsed;
  // Keep the result alive until after the measurement.
  if (keep === Symbol.for('never')) console.log(keep);
  return (after - before) / n;
}
