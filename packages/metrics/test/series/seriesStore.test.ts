import { InvalidMetricError, type Labels } from '@lexigram/monitor-core';
import type { SeriesCell } from '../../src/series/seriesCell.js';
import { SeriesStore } from '../../src/series/seriesStore.js';
import { faultSink } from '../../src/logging/metricsFaults.js';
import { captureWarnings as captureLogger } from '@lexigram/test-support';

class Cell implements SeriesCell {
  value = 0;
  exportLabels: Labels | undefined = undefined;
  constructor(readonly labels: Labels) {}
  reset(): void {
    this.value = 0;
  }
}

function store(options: { labelNames?: string[]; maxSeries?: number; constLabels?: Labels } = {}): {
  s: SeriesStore<Cell>;
  log: ReturnType<typeof captureLogger>;
} {
  const log = captureLogger();
  const s = new SeriesStore<Cell>({
    metricName: 'm',
    labelNames: options.labelNames,
    constLabels: Object.freeze({ ...options.constLabels }),
    reserved: [],
    maxSeries: options.maxSeries ?? 100,
    create: (labels) => new Cell(labels),
    onError: faultSink({ logger: log }),
  });
  return { s, log };
}

function cells(s: SeriesStore<Cell>): Cell[] {
  const out: Cell[] = [];
  s.forEach((c) => out.push(c));
  return out;
}

describe('SeriesStore', () => {
  it('returns the same cell for the same label set, whatever the key order or object', () => {
    const { s } = store();
    const a = s.resolve({ method: 'GET', code: '200' });
    expect(s.resolve({ code: '200', method: 'GET' })).toBe(a);
    expect(s.resolve({ method: 'GET', code: '200' })).toBe(a);
    expect(s.resolve({ method: 'GET', code: '500' })).not.toBe(a);
    expect(s.size).toBe(2);
    expect(a.labels).toEqual({ code: '200', method: 'GET' });
    expect(Object.isFrozen(a.labels)).toBe(true);
  });

  it('keeps label sets apart that a joined key would confuse', () => {
    const { s } = store({ labelNames: ['a', 'b'] });
    const x = s.resolve({ a: '1,b:2', b: '' });
    const y = s.resolve({ a: '1', b: '2' });
    const z = s.resolve({ a: '1,b', b: '2' });
    const w = s.resolve({ a: '1\u0000', b: '2' });
    expect(new Set([x, y, z, w]).size).toBe(4);
    expect(x.labels).toEqual({ a: '1,b:2', b: '' });
    expect(y.labels).toEqual({ a: '1', b: '2' });
  });

  it('fixes the schema at first use: missing keys record as "", unknown keys throw', () => {
    const { s } = store();
    const full = s.resolve({ route: '/a', method: 'GET' });
    expect(s.labelNames).toEqual(['method', 'route']);
    const partial = s.resolve({ route: '/a' });
    expect(partial.labels).toEqual({ method: '', route: '/a' });
    expect(partial).not.toBe(full);
    expect(s.resolve({ route: '/a', method: undefined as unknown as string })).toBe(partial);
    expect(s.resolve(undefined).labels).toEqual({ method: '', route: '' });
    expect(() => s.resolve({ route: '/a', extra: 'x' })).toThrow(InvalidMetricError);
    expect(() => s.resolve({ route: '/a', extra: 'x' })).toThrow(
      /Unknown label "extra" on metric "m".*"method", "route"/,
    );
  });

  it('treats null labels like no labels', () => {
    const { s } = store({ labelNames: ['a'] });
    expect(s.resolve(null as never)).toBe(s.resolve(undefined));
    expect(s.resolve(null as never).labels).toEqual({ a: '' });
  });

  it('a first unlabeled observation fixes an empty schema', () => {
    const { s } = store();
    const only = s.resolve(undefined);
    expect(s.resolve({})).toBe(only);
    expect(s.labelNames).toEqual([]);
    expect(() => s.resolve({ a: 'x' })).toThrow(
      /its label names are fixed at first use \(no labels\)/,
    );
  });

  it('converts numbers and booleans, rejects objects, ignores inherited properties', () => {
    const { s } = store({ labelNames: ['code', 'ok'] });
    const a = s.resolve({ code: 200, ok: true } as unknown as Labels);
    expect(s.resolve({ code: '200', ok: 'true' })).toBe(a);
    expect(() => s.resolve({ code: { x: 1 } } as unknown as Labels)).toThrow(
      /Label "code" of metric "m" has an object/,
    );
    const inherited = Object.create({ code: '500' }) as Labels;
    expect(s.resolve(inherited).labels).toEqual({ code: '', ok: '' });
  });

  it('caps cardinality: one overflow series, one warning', () => {
    const { s, log } = store({ maxSeries: 3 });
    for (let i = 0; i < 10; i++) s.resolve({ id: String(i) });
    expect(s.size).toBe(3);
    const all = cells(s);
    expect(all).toHaveLength(4);
    expect(all[3]!.labels).toEqual({ lexigram_overflow: 'true' });
    expect(s.resolve({ id: '7' })).toBe(all[3]);
    expect(s.resolve({ id: '0' })).toBe(all[0]);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]!.message).toMatch(/reached its cardinality cap of 3 series/);
    expect(log.warnings[0]!.details).toEqual({ metric: 'm', maxSeries: 3 });
  });

  it('remove drops a series, prunes its path and frees a slot under the cap', () => {
    const { s } = store({ labelNames: ['a', 'b'], maxSeries: 2 });
    const x = s.resolve({ a: '1', b: '1' });
    s.resolve({ a: '2', b: '1' });
    expect(s.remove({ a: '1', b: '1' })).toBe(true);
    expect(s.remove({ a: '1', b: '1' })).toBe(false);
    expect(s.remove({ a: '9', b: '9' })).toBe(false);
    expect(s.size).toBe(1);
    const again = s.resolve({ a: '1', b: '1' });
    expect(again).not.toBe(x);
    expect(again.labels).toEqual({ a: '1', b: '1' });
    expect(cells(s).map((c) => c.labels)).toEqual([
      { a: '2', b: '1' },
      { a: '1', b: '1' },
    ]);
    expect(() => s.remove({ c: '1' })).toThrow(InvalidMetricError);
  });

  it('remove works for the unlabeled series and before any use', () => {
    const { s } = store();
    expect(s.remove({})).toBe(false);
    const only = s.resolve(undefined);
    expect(s.remove({})).toBe(true);
    expect(cells(s)).toEqual([]);
    expect(s.resolve(undefined)).not.toBe(only);
    const { s: labeled } = store({ labelNames: ['a'] });
    const empty = labeled.resolve(undefined);
    expect(labeled.remove({ a: '' })).toBe(true);
    expect(labeled.resolve(undefined)).not.toBe(empty);
  });

  it('remove walks the path by each level’s own value and keeps sibling series', () => {
    const { s } = store({ labelNames: ['a', 'b'] });
    const sibling = s.resolve({ a: 'x', b: 'z' });
    const other = s.resolve({ a: 'y', b: 'x' });
    s.resolve({ a: 'x', b: 'y' });
    expect(s.remove({ a: 'x', b: 'y' })).toBe(true);
    expect(s.size).toBe(2);
    expect(cells(s)).toEqual([sibling, other]);
    // The sibling's inner map was not pruned: it is found again, not recreated.
    expect(s.resolve({ a: 'x', b: 'z' })).toBe(sibling);
    expect(s.remove({ a: 'y', b: 'z' })).toBe(false);
    expect(s.size).toBe(2);
  });

  it('counts the unlabeled series in size, once', () => {
    const { s } = store();
    s.resolve(undefined);
    s.resolve({});
    expect(s.size).toBe(1);
    expect(s.remove({})).toBe(true);
    expect(s.size).toBe(0);
    expect(s.remove({})).toBe(false);
    expect(s.size).toBe(0);
  });

  it.each([
    ['two', { method: 'GET', route: '/a' }],
    ['three', { code: '200', method: 'GET', route: '/a' }],
    ['four', { code: '200', host: 'h', method: 'GET', route: '/a' }],
  ])(
    'rejects an extra label on an existing series of %s labels (fast path)',
    (_arity, labels: Record<string, string>) => {
      const { s } = store({ labelNames: Object.keys(labels) });
      const cell = s.resolve(labels);
      expect(s.resolve({ ...labels })).toBe(cell);
      expect(() => s.resolve({ ...labels, extra: 'x' })).toThrow(/Unknown label "extra"/);
      expect(s.size).toBe(1);
    },
  );

  it('rejects null and non-object labels on remove with an InvalidMetricError', () => {
    const { s } = store({ labelNames: ['a'] });
    s.resolve({ a: '1' });
    expect(() => s.remove(null as never)).toThrow(InvalidMetricError);
    expect(() => s.remove(null as never)).toThrow(/must be an object.*got null/);
    expect(() => s.remove('a' as never)).toThrow(InvalidMetricError);
    expect(() => s.remove(['1'] as never)).toThrow(InvalidMetricError);
    expect(s.size).toBe(1);
  });

  it('merges constant labels into export labels once', () => {
    const { s } = store({ constLabels: { env: 'prod' } });
    const c = s.resolve({ a: 'x' });
    const merged = s.exportLabels(c);
    expect(merged).toEqual({ env: 'prod', a: 'x' });
    expect(s.exportLabels(c)).toBe(merged);
    expect(Object.isFrozen(merged)).toBe(true);
    const { s: plain } = store();
    const p = plain.resolve({ a: 'x' });
    expect(plain.exportLabels(p)).toBe(p.labels);
  });

  it('rejects label names shared with constant labels, duplicated or invalid', () => {
    expect(() => store({ labelNames: ['env'], constLabels: { env: 'p' } })).toThrow(
      /already a constant \(or default\) label/,
    );
    expect(() => store({ labelNames: ['a', 'a'] })).toThrow(/appears twice/);
    expect(() => store({ labelNames: ['bad-name'] })).toThrow(/Invalid label name/);
    const { s } = store({ constLabels: { env: 'p' } });
    expect(() => s.resolve({ env: 'x' })).toThrow(/already a constant/);
    // A failed first use leaves the schema open.
    expect(s.labelNames).toBeUndefined();
  });
});
