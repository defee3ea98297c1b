import { InvalidMetricError, type Labels } from '@lexigram/monitor-core';
import { MetricsCollector } from '../../src/collector/metricsCollector.js';
import { formatFamily } from '../../src/export/formatFamily.js';
import { Counter } from '../../src/instruments/counter.js';
import type { Histogram } from '../../src/instruments/histogram.js';
import type { Summary } from '../../src/instruments/summary.js';
import {
  buildConstLabels,
  buildSchema,
  labelValue,
  rejectUnknownLabels,
} from '../../src/series/labelValues.js';

const TRICKY = [
  'say "hi"',
  'back\\slash',
  'line\nbreak',
  'tab\tand\r\nwindows',
  'ünïcödé',
  '日本語',
  '👩‍💻 emoji',
  'e\u0301', // combining accent
  '',
  ' leading and trailing ',
  '\u0000nul',
  '__proto__',
  'constructor',
  '{}[]=,"}',
];

function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

describe('label values', () => {
  it('survive unchanged into snapshots, for every instrument', async () => {
    const m = new MetricsCollector();
    const c = m.createCounter('c_total', '', { labelNames: ['v'] });
    const h = m.createHistogram('h', '', { labelNames: ['v'] }) as Histogram;
    const s = m.createSummary('s', '', { labelNames: ['v'] }) as Summary;
    for (const v of TRICKY) {
      c.inc(1, { v });
      h.observe(1, { v });
      s.observe(1, { v });
    }
    for (const family of await m.collect()) {
      expect(family.series.map((x) => x.labels.v)).toEqual(TRICKY);
    }
    // Each is its own series: nothing was normalised or merged.
    expect(c.labels({ v: 'e\u0301' })).not.toBe(c.labels({ v: '\u00e9' }));
  });

  it('survive in constant labels too, and print escaped on the console', async () => {
    const m = new MetricsCollector({ config: { defaultLabels: { note: 'a "b"\nc\\d' } } });
    m.createGauge('g', '', { labels: { who: '日本' } }).set(1);
    const [family] = await m.collect();
    expect(family!.series[0]!.labels).toEqual({ note: 'a "b"\nc\\d', who: '日本' });
    expect(formatFamily(family!)[1]).toBe('g{note="a \\"b\\"\\nc\\\\d",who="日本"} 1');
  });
});

describe('__proto__ and constructor', () => {
  it('as label values are ordinary series and pollute nothing', async () => {
    const before = prototypeSnapshot();
    const c = new Counter('c_total');
    c.inc(1, { k: '__proto__' });
    c.inc(1, { k: 'constructor' });
    c.inc(1, { k: 'prototype' });
    c.inc(1, { k: '__proto__' });
    expect(c.collect().series).toEqual([
      { labels: { k: '__proto__' }, value: 2 },
      { labels: { k: 'constructor' }, value: 1 },
      { labels: { k: 'prototype' }, value: 1 },
    ]);
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).k).toBeUndefined();
  });

  it('__proto__ as a label name is rejected wherever it can appear', () => {
    const parsed = JSON.parse('{"__proto__": "x"}') as Labels;
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(() => new Counter('a').inc(1, parsed)).toThrow(InvalidMetricError);
    expect(() => new Counter('b', '', { labelNames: ['__proto__'] })).toThrow(/reserved/);
    expect(() => new Counter('c', '', { labels: parsed })).toThrow(/reserved/);
    const fixed = new Counter('d', '', { labelNames: ['k'] });
    expect(() => fixed.inc(1, JSON.parse('{"k":"1","__proto__":"x"}') as Labels)).toThrow(
      /Unknown label "__proto__"/,
    );
    // Through MetricsConfig the key never even arrives (the schema drops it).
    const m = new MetricsCollector({ config: { defaultLabels: { ...parsed, a: 'b' } } });
    expect(Object.keys(m.config.defaultLabels)).toEqual(['a']);
    expect(Object.getPrototypeOf(m.config.defaultLabels)).toBe(Object.prototype);
  });

  it('constructor as a label name is a normal own label; when missing it records as ""', () => {
    const before = prototypeSnapshot();
    const c = new Counter('c_total', '', { labelNames: ['constructor', 'toString'] });
    c.inc(1, { constructor: 'x', toString: 'y' });
    c.inc(1, {});
    c.inc(1);
    const series = c.collect().series;
    expect(series.map((s) => ({ ...s.labels }))).toEqual([
      { constructor: 'x', toString: 'y' },
      { constructor: '', toString: '' },
    ]);
    expect(series[1]!.value).toBe(2);
    expect(Object.hasOwn(series[0]!.labels, 'constructor')).toBe(true);
    expect(prototypeSnapshot()).toEqual(before);
    expect({}.constructor).toBe(Object);
  });

  it('as metric names live in a Map, not on an object', async () => {
    const m = new MetricsCollector();
    m.createCounter('__proto__').inc();
    m.createCounter('constructor').inc(2);
    expect(m.getMetric('__proto__')?.name).toBe('__proto__');
    expect(m.getMetric('toString')).toBeUndefined();
    expect((await m.collect()).map((f) => f.name)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('labelValues helpers', () => {
  it('labelValue reads own properties only and converts primitives', () => {
    expect(labelValue('m', { a: 'x' }, 'a')).toBe('x');
    expect(labelValue('m', {}, 'toString')).toBe('');
    expect(labelValue('m', { a: 5 } as never, 'a')).toBe('5');
    expect(labelValue('m', { a: 10n } as never, 'a')).toBe('10');
    expect(labelValue('m', { a: false } as never, 'a')).toBe('false');
    expect(labelValue('m', { a: null } as never, 'a')).toBe('');
    expect(() => labelValue('m', { a: Symbol('s') } as never, 'a')).toThrow(InvalidMetricError);
    expect(() => labelValue('m', { a: () => 1 } as never, 'a')).toThrow(/a function/);
  });

  it('rejectUnknownLabels, buildSchema and buildConstLabels validate', () => {
    expect(() => rejectUnknownLabels('m', { a: '1' }, ['a'])).not.toThrow();
    expect(() => rejectUnknownLabels('m', { b: '1' }, ['a'])).toThrow(/Unknown label "b"/);
    expect(buildSchema('m', ['z', 'a'], {}, [])).toEqual(['a', 'z']);
    expect(() => buildSchema('m', 'a' as never, {}, [])).toThrow(/must be an array/);
    expect(buildConstLabels('m', { n: 1 } as never, [])).toEqual({ n: '1' });
    expect(() => buildConstLabels('m', 'x' as never, [])).toThrow(/must be an object/);
    // null is an object to typeof: it must still get the typed error, not a TypeError.
    expect(() => buildConstLabels('m', null as never, [])).toThrow(InvalidMetricError);
    expect(() => buildConstLabels('m', null as never, [])).toThrow(/must be an object/);
    expect(() => buildConstLabels('h', { le: '1' }, ['le'])).toThrow(/reserved/);
  });
});
