import { isValidSpanId, isValidTraceId, newSpanId, newTraceId } from '../../src/ids/randomIds.js';

describe('random ids', () => {
  it('are lowercase hex of the right length, valid and unique', () => {
    const traces = new Set<string>();
    const spans = new Set<string>();
    // More ids than one pool refill holds, to cross a refill.
    for (let i = 0; i < 2000; i++) {
      const t = newTraceId();
      const s = newSpanId();
      expect(t).toMatch(/^[0-9a-f]{32}$/);
      expect(s).toMatch(/^[0-9a-f]{16}$/);
      expect(isValidTraceId(t)).toBe(true);
      expect(isValidSpanId(s)).toBe(true);
      traces.add(t);
      spans.add(s);
    }
    expect(traces.size).toBe(2000);
    expect(spans.size).toBe(2000);
  });

  it('use every hex digit about evenly (they come from a random source)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++)
      for (const c of newTraceId()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(16);
    // 64000 digits: 4000 expected per digit; a random source stays well inside 3000..5000.
    for (const n of counts.values()) expect(n).toBeGreaterThan(3000);
  });

  it('validation rejects zero, uppercase, wrong length and non-strings', () => {
    expect(isValidTraceId('0'.repeat(32))).toBe(false);
    expect(isValidTraceId('A'.repeat(32))).toBe(false);
    expect(isValidTraceId('a'.repeat(31))).toBe(false);
    expect(isValidTraceId(42)).toBe(false);
    expect(isValidSpanId('0'.repeat(16))).toBe(false);
    expect(isValidSpanId('0'.repeat(15) + '1')).toBe(true);
    expect(isValidSpanId('g'.repeat(16))).toBe(false);
  });
});
