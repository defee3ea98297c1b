import fc from 'fast-check';
import { Summary } from '../../src/instruments/summary.js';
import { EXACT_SUMMARY_SAMPLES } from '../../src/instruments/summarySeries.js';

function values(s: Summary): number[] {
  return s.collect().series[0]!.quantiles.map((q) => q.value);
}

function byDefinition(all: readonly number[], q: number): number {
  const sorted = [...all].sort((a, b) => a - b);
  return sorted.find((v) => sorted.filter((w) => w <= v).length >= q * sorted.length - 1e-9)!;
}

describe('Summary quantiles follow the SLO rule: nearest rank, exact on small windows', () => {
  it("the reference's example: p99 of 150 and 350 is 350", () => {
    const s = new Summary('latency_ms', '', { quantiles: [0.5, 0.99] });
    s.observe(150);
    s.observe(350);
    expect(values(s)).toEqual([150, 350]);
  });

  it('matches the definition exactly under the bound', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0),
          { minLength: 1, maxLength: 200 },
        ),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (observed, q) => {
          const s = new Summary('m', '', { quantiles: [q] });
          for (const v of observed) s.observe(v);
          expect(values(s)[0]).toBe(byDefinition(observed, q));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('uses the sketch past the bound, within 1 % of the nearest rank', () => {
    const s = new Summary('m', '', { quantiles: [0.5, 0.99] });
    const observed: number[] = [];
    for (let i = 1; i <= EXACT_SUMMARY_SAMPLES * 3; i++) {
      const v = 1 + ((i * 7919) % 10_000);
      observed.push(v);
      s.observe(v);
    }
    const [p50, p99] = values(s);
    for (const [got, q] of [
      [p50!, 0.5],
      [p99!, 0.99],
    ] as const) {
      const exact = byDefinition(observed, q);
      expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(0.01);
    }
  });
});
