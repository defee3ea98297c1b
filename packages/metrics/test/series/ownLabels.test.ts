import fc from 'fast-check';
import { Counter } from '../../src/instruments/counter.js';

const NAMES = ['a', 'b', 'c', 'd'] as const;

/** The labels a reader of own properties sees: missing names are ''. */
function ownView(labels: object, names: readonly string[]): Record<string, string> {
  const view: Record<string, string> = {};
  for (const name of names) {
    view[name] = Object.hasOwn(labels, name)
      ? String((labels as Record<string, string>)[name])
      : '';
  }
  return view;
}

describe('only own label properties select a series (F20)', () => {
  it('an inherited label does not select the series that has that value', () => {
    const c = new Counter('hits_total', '', { labelNames: ['a'] });
    c.inc(1, { a: 'INH' });
    c.inc(1, Object.create({ a: 'INH' }) as Record<string, string>);
    expect(c.collect().series).toEqual(
      expect.arrayContaining([
        { labels: { a: 'INH' }, value: 1 },
        { labels: { a: '' }, value: 1 },
      ]),
    );
  });

  it('holds for any schema size, inherited values, and order of recording', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom('x', 'y'), { minLength: 4, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (arity, values, inherited, plainFirst) => {
          const names = NAMES.slice(0, arity);
          const c = new Counter('hits_total', '', { labelNames: [...names] });
          const own: Record<string, string> = {};
          const proto: Record<string, string> = {};
          names.forEach((name, i) => ((inherited[i] ? proto : own)[name] = values[i]!));
          const tricky = Object.assign(Object.create(proto) as Record<string, string>, own);
          const plain: Record<string, string> = {};
          names.forEach((name, i) => (plain[name] = values[i]!));
          if (plainFirst) c.inc(1, plain);
          c.inc(1, tricky);
          if (!plainFirst) c.inc(1, plain);
          const expected = ownView(tricky, names);
          const series = c.collect().series;
          const hit = series.find((s) => JSON.stringify(s.labels) === JSON.stringify(expected));
          const sameSeries = JSON.stringify(expected) === JSON.stringify(plain);
          expect(hit?.value).toBe(sameSeries ? 2 : 1);
        },
      ),
    );
  });
});
