import { InvalidMetricError, type Labels } from '@lexigram/monitor-core';
import { SeriesStore } from '../../src/series/seriesStore.js';
import { faultSink } from '../../src/logging/metricsFaults.js';
import { captureWarnings as captureLogger } from '@lexigram/test-support';

function store(options: { labelNames?: string[]; maxSeries?: number; constLabels?: Labels } = {}): {
  s: SeriesStore;
  log: ReturnType<typeof captureLogger>;
  claimed: number[];
  released: number[];
} {
  const log = captureLogger();
  const claimed: number[] = [];
  const released: number[] = [];
  const s = new SeriesStore({
    metricName: 'm',
    labelNames: options.labelNames,
    constLabels: Object.freeze({ ...options.constLabels }),
    reserved: [],
    maxSeries: options.maxSeries ?? 100,
    claim: (slot) => claimed.push(slot),
    release: (slot) => released.push(slot),
    onError: faultSink({ logger: log }),
  });
  return { s, log, claimed, released };
}

/** Every series as [slot, export labels], in collect order. */
function series(s: SeriesStore): [number, Labels][] {
  const out: [number, Labels][] = [];
  s.forEachSeries((slot, labels) => out.push([slot, labels]));
  return out;
}

function labelsOf(s: SeriesStore, slot: number): Labels | undefined {
  return series(s).find(([at]) => at === slot)?.[1];
}

describe('SeriesStore', () => {
  it('returns the same slot for the same label set, whatever the key order or object', () => {
    const { s, claimed } = store();
    const a = s.resolve({ method: 'GET', code: '200' });
    expect(s.resolve({ code: '200', method: 'GET' })).toBe(a);
    expect(s.resolve({ method: 'GET', code: '200' })).toBe(a);
    const b = s.resolve({ method: 'GET', code: '500' });
    expect(b).not.toBe(a);
    expect(s.size).toBe(2);
    // Each new series claims a fresh slot once, counting from 0.
    expect(claimed).toEqual([0, 1]);
    expect([a, b]).toEqual([0, 1]);
    expect(labelsOf(s, a)).toEqual({ code: '200', method: 'GET' });
    const own = s.ownLabels({ method: 'GET', code: '200' }, a);
    expect(own).toEqual({ code: '200', method: 'GET' });
    expect(Object.isFrozen(own)).toBe(true);
  });

  it('keeps label sets apart that a joined key would confuse', () => {
    const { s } = store({ labelNames: ['a', 'b'] });
    const x = s.resolve({ a: '1,b:2', b: '' });
    const y = s.resolve({ a: '1', b: '2' });
    const z = s.resolve({ a: '1,b', b: '2' });
    const w = s.resolve({ a: '1\u0000', b: '2' });
    expect(new Set([x, y, z, w]).size).toBe(4);
    expect(labelsOf(s, x)).toEqual({ a: '1,b:2', b: '' });
    expect(labelsOf(s, y)).toEqual({ a: '1', b: '2' });
    expect(labelsOf(s, w)).toEqual({ a: '1\u0000', b: '2' });
  });

  it('fixes the schema at first use: missing keys record as "", unknown keys throw', () => {
    const { s } = store();
    const full = s.resolve({ route: '/a', method: 'GET' });
    expect(s.labelNames).toEqual(['method', 'route']);
    const partial = s.resolve({ route: '/a' });
    expect(labelsOf(s, partial)).toEqual({ method: '', route: '/a' });
    expect(partial).not.toBe(full);
    expect(s.resolve({ route: '/a', method: undefined as unknown as string })).toBe(partial);
    expect(labelsOf(s, s.resolve(undefined))).toEqual({ method: '', route: '' });
    expect(s.ownLabels(undefined, s.resolve(undefined))).toEqual({ method: '', route: '' });
    expect(() => s.resolve({ route: '/a', extra: 'x' })).toThrow(InvalidMetricError);
    expect(() => s.resolve({ route: '/a', extra: 'x' })).toThrow(
      /Unknown label "extra" on metric "m".*"method", "route"/,
    );
  });

  it('treats null labels like no labels', () => {
    const { s } = store({ labelNames: ['a'] });
    expect(s.resolve(null as never)).toBe(s.resolve(undefined));
    expect(labelsOf(s, s.resolve(null as never))).toEqual({ a: '' });
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
    const slot = s.resolve(inherited);
    expect(labelsOf(s, slot)).toEqual({ code: '', ok: '' });
    expect(s.ownLabels(inherited, slot)).toEqual({ code: '', ok: '' });
  });

  it('caps cardinality: one overflow series, one warning', () => {
    const { s, log } = store({ maxSeries: 3 });
    for (let i = 0; i < 10; i++) s.resolve({ id: String(i) });
    expect(s.size).toBe(3);
    const all = series(s);
    expect(all).toHaveLength(4);
    expect(all[3]![1]).toEqual({ lexigram_overflow: 'true' });
    expect(s.resolve({ id: '7' })).toBe(all[3]![0]);
    expect(s.resolve({ id: '0' })).toBe(all[0]![0]);
    expect(s.ownLabels({ id: '7' }, all[3]![0])).toEqual({ lexigram_overflow: 'true' });
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]!.message).toMatch(/reached its cardinality cap of 3 series/);
    expect(log.warnings[0]!.details).toEqual({ metric: 'm', maxSeries: 3 });
  });

  it('remove drops a series, prunes its path, detaches its handle and reuses its slot', () => {
    const { s, claimed, released } = store({ labelNames: ['a', 'b'], maxSeries: 2 });
    const x = s.resolve({ a: '1', b: '1' });
    const y = s.resolve({ a: '2', b: '1' });
    const detached: number[] = [];
    const handle = s.handle(x, () => ({
      detach: () => detached.push(x),
      refresh: () => undefined,
    }));
    expect(s.handle(x, () => ({ detach: () => undefined, refresh: () => undefined }))).toBe(handle);
    expect(s.remove({ a: '1', b: '1' })).toBe(true);
    expect(detached).toEqual([x]);
    expect(released).toEqual([x]);
    expect(s.remove({ a: '1', b: '1' })).toBe(false);
    expect(s.remove({ a: '9', b: '9' })).toBe(false);
    expect(s.size).toBe(1);
    // A new label set takes the freed slot (claimed again, so the instrument zeroes it).
    const z = s.resolve({ a: '3', b: '3' });
    expect(z).toBe(x);
    expect(claimed).toEqual([x, y, x]);
    // The slot's old handle is gone: binding it again makes a new one.
    expect(s.handle(z, () => ({ detach: () => undefined, refresh: () => undefined }))).not.toBe(
      handle,
    );
    expect(series(s).map(([, labels]) => labels)).toEqual([
      { a: '2', b: '1' },
      { a: '3', b: '3' },
    ]);
    expect(s.remove({ a: '3', b: '3' })).toBe(true);
    const again = s.resolve({ a: '1', b: '1' });
    expect(labelsOf(s, again)).toEqual({ a: '1', b: '1' });
    expect(() => s.remove({ c: '1' })).toThrow(InvalidMetricError);
  });

  it('reuses slots: churning label sets never grows the slot range', () => {
    const { s, claimed } = store({ labelNames: ['id'], maxSeries: 10 });
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 5; i++) s.resolve({ id: `${round}-${i}` });
      for (let i = 0; i < 5; i++) expect(s.remove({ id: `${round}-${i}` })).toBe(true);
    }
    expect(s.size).toBe(0);
    expect(Math.max(...claimed)).toBe(4);
    expect(series(s)).toEqual([]);
  });

  it('remove works for the unlabeled series and before any use', () => {
    const { s } = store();
    expect(s.remove({})).toBe(false);
    const only = s.resolve(undefined);
    expect(s.remove({})).toBe(true);
    expect(series(s)).toEqual([]);
    expect(s.size).toBe(0);
    // The freed slot is reused by the next series, which is claimed (zeroed) again.
    expect(s.resolve(undefined)).toBe(only);
    expect(series(s)).toEqual([[only, {}]]);
    const { s: labeled, claimed } = store({ labelNames: ['a'] });
    labeled.resolve(undefined);
    expect(labeled.remove({ a: '' })).toBe(true);
    expect(labeled.size).toBe(0);
    labeled.resolve(undefined);
    expect(claimed).toHaveLength(2);
    expect(labeled.size).toBe(1);
  });

  it('remove walks the path by each level’s own value and keeps sibling series', () => {
    const { s } = store({ labelNames: ['a', 'b'] });
    const sibling = s.resolve({ a: 'x', b: 'z' });
    const other = s.resolve({ a: 'y', b: 'x' });
    s.resolve({ a: 'x', b: 'y' });
    expect(s.remove({ a: 'x', b: 'y' })).toBe(true);
    expect(s.size).toBe(2);
    expect(series(s).map(([slot]) => slot)).toEqual([sibling, other]);
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

  it('builds export labels per call, constant labels first, overflow included', () => {
    const { s } = store({ constLabels: { env: 'prod' }, maxSeries: 1 });
    const c = s.resolve({ a: 'x' });
    const first = labelsOf(s, c);
    expect(first).toEqual({ env: 'prod', a: 'x' });
    expect(Object.keys(first!)).toEqual(['env', 'a']);
    // A series keeps no label object: each walk builds its own, so a consumer's copy is its own.
    expect(labelsOf(s, c)).not.toBe(first);
    s.resolve({ a: 'y' });
    expect(series(s).map(([, labels]) => labels)).toEqual([
      { env: 'prod', a: 'x' },
      { env: 'prod', lexigram_overflow: 'true' },
    ]);
    // Own labels (for hooks and handles) leave the constant labels out.
    expect(s.ownLabels({ a: 'x' }, c)).toEqual({ a: 'x' });
    const { s: none } = store({ constLabels: { env: 'prod' } });
    expect(series(none)).toEqual([]);
    none.resolve(undefined);
    expect(series(none)).toEqual([[0, { env: 'prod' }]]);
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
