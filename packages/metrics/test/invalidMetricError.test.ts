/**
 * Every path that raises InvalidMetricError, in one table: each must throw that class (code
 * INVALID_METRIC) with a message that names the problem and says what to do.
 */
import { InvalidMetricError, isMonitorError, type Labels } from '@lexigram/monitor-core';
import { BufferedMetricRecorder } from '../src/buffered/bufferedMetricRecorder.js';
import { MetricsCollector } from '../src/collector/metricsCollector.js';
import { Counter } from '../src/instruments/counter.js';
import { Gauge } from '../src/instruments/gauge.js';
import { Histogram } from '../src/instruments/histogram.js';
import { Summary } from '../src/instruments/summary.js';
import { metered, meteredFunction } from '../src/metered/metered.js';

const fixed = (): Counter => new Counter('fixed_total', '', { labelNames: ['a'] });

const PATHS: [string, () => unknown, RegExp][] = [
  // Names
  [
    'metric name with a space',
    () => new Counter('bad name'),
    /Invalid metric name "bad name".*\[a-zA-Z_:\]/,
  ],
  ['metric name with dots', () => new Gauge('a.b'), /Invalid metric name "a.b"/],
  ['metric name starting with a digit', () => new Histogram('1x'), /not starting with a digit/],
  ['metric name not a string', () => new Summary(5 as never), /Invalid metric name a number \(5\)/],
  [
    'collector create with a bad name',
    () => new MetricsCollector().createCounter('x-y'),
    /Invalid metric name "x-y"/,
  ],
  [
    'registerMetric with a bad name',
    () => new MetricsCollector().registerMetric({ name: '', description: '', record: () => 0 }),
    /Invalid metric name ""/,
  ],
  ['metered with a bad name', () => meteredFunction(() => 0, 'a.b'), /Invalid metric name "a.b"/],
  ['@metered with a bad name', () => metered('a b'), /Invalid metric name "a b"/],
  [
    'unit with a slash',
    () => new Counter('c', '', { unit: 'req/s' }),
    /Invalid unit "req\/s".*e\.g\./,
  ],
  [
    'description not a string',
    () => new Counter('c', {} as never),
    /description of metric "c" must be a string/,
  ],
  // Label names
  [
    'label name with a dash',
    () => new Counter('c', '', { labelNames: ['a-b'] }),
    /Invalid label name "a-b" on metric "c"/,
  ],
  [
    'label name starting with __',
    () => new Counter('c', '', { labelNames: ['__x'] }),
    /reserved.*rename the label/,
  ],
  [
    '__proto__ label name',
    () => new Counter('c').inc(1, JSON.parse('{"__proto__":"1"}') as Labels),
    /reserved/,
  ],
  [
    'le on a histogram',
    () => new Histogram('h', '', { labelNames: ['le'] }),
    /"le" on metric "h" is reserved/,
  ],
  [
    'quantile on a summary',
    () => new Summary('s').observe(1, { quantile: '1' }),
    /"quantile" on metric "s" is reserved/,
  ],
  [
    'the overflow label',
    () => new Gauge('g', '', { labels: { lexigram_overflow: 'x' } }),
    /reserved/,
  ],
  [
    'duplicate label names',
    () => new Counter('c', '', { labelNames: ['a', 'a'] }),
    /appears twice/,
  ],
  [
    'labelNames not an array',
    () => new Counter('c', '', { labelNames: 'a' as never }),
    /must be an array/,
  ],
  [
    'label both constant and per observation',
    () => new Counter('c', '', { labels: { a: '1' }, labelNames: ['a'] }),
    /either constant or per observation/,
  ],
  [
    'constant labels not an object',
    () => new Counter('c', '', { labels: 'a' as never }),
    /must be an object/,
  ],
  // Label schema and values
  [
    'unknown label key after the schema is fixed',
    () => fixed().inc(1, { a: '1', b: '2' }),
    /Unknown label "b".*fixed at first use \("a"\)/,
  ],
  [
    'unknown label key on a bound handle lookup',
    () => fixed().labels({ z: '1' }),
    /Unknown label "z"/,
  ],
  ['unknown label key on remove', () => fixed().remove({ z: '1' }), /Unknown label "z"/],
  [
    'label value that is an object',
    () => new Counter('c').inc(1, { a: {} } as never),
    /Label "a" of metric "c" has an object.*must be strings/,
  ],
  [
    'label value that is a symbol',
    () => new Gauge('g').set(1, { a: Symbol('s') } as never),
    /a symbol/,
  ],
  [
    'labels that are a string',
    () => new Counter('c').inc(1, 'a=1' as never),
    /Labels of metric "c" must be an object/,
  ],
  [
    'labels that are an array',
    () => new Gauge('g').set(1, ['a'] as never),
    /must be an object of label name/,
  ],
  [
    'remove with labels that are not an object',
    () => fixed().remove(5 as never),
    /must be an object/,
  ],
  // Values
  [
    'negative counter increment',
    () => new Counter('c').inc(-1),
    /cannot be incremented by a number \(-1\).*only goes up/,
  ],
  [
    'NaN counter increment',
    () => new Counter('c').inc(NaN),
    /cannot be incremented by a number \(NaN\)/,
  ],
  ['-Infinity counter increment', () => new Counter('c').labels({}).inc(-Infinity), /-Infinity/],
  ['string counter increment', () => new Counter('c').record('1' as never), /"1"/],
  [
    'string gauge value',
    () => new Gauge('g').set('1' as never),
    /cannot record a string \("1"\): pass a number/,
  ],
  [
    'undefined gauge value',
    () => new Gauge('g').labels({}).record(undefined as never),
    /cannot record undefined/,
  ],
  ['string histogram observation', () => new Histogram('h').observe('1' as never), /pass a number/],
  [
    'bound histogram string observation',
    () => new Histogram('h').labels({}).observe(null as never),
    /cannot record null/,
  ],
  ['string summary observation', () => new Summary('s').observe({} as never), /pass a number/],
  [
    'bound summary string observation',
    () => new Summary('s').labels({}).observe('x' as never),
    /pass a number/,
  ],
  // Options
  [
    'maxSeries zero',
    () => new Counter('c', '', { maxSeries: 0 }),
    /maxSeries of metric "c" is a number \(0\): use a positive integer/,
  ],
  ['maxSeries fractional', () => new Gauge('g', '', { maxSeries: 2.5 }), /positive integer/],
  [
    'buckets not an array',
    () => new Histogram('h', '', { buckets: 5 as never }),
    /must be an array of ascending finite numbers/,
  ],
  [
    'bucket NaN',
    () => new Histogram('h', '', { buckets: [NaN] }),
    /Bucket 0 of histogram "h" is a number \(NaN\)/,
  ],
  [
    'bucket Infinity in the middle',
    () => new Histogram('h', '', { buckets: [Infinity, 1] }),
    /finite numbers/,
  ],
  [
    'buckets unsorted',
    () => new Histogram('h', '', { buckets: [3, 2] }),
    /strictly ascending: 2 follows 3/,
  ],
  ['buckets duplicated', () => new Histogram('h', '', { buckets: [1, 1] }), /strictly ascending/],
  ['no quantiles', () => new Summary('s', '', { quantiles: [] }), /non-empty array/],
  ['quantile 1', () => new Summary('s', '', { quantiles: [1] }), /strictly between 0 and 1/],
  ['quantile duplicated', () => new Summary('s', '', { quantiles: [0.5, 0.5] }), /appears twice/],
  [
    'maxAgeMs negative',
    () => new Summary('s', '', { maxAgeMs: -1 }),
    /maxAgeMs of summary "s" is a number \(-1\)/,
  ],
  [
    'ageBuckets zero',
    () => new Summary('s', '', { ageBuckets: 0 }),
    /ageBuckets of summary "s" is a number \(0\)/,
  ],
  [
    'summary clock not a function',
    () => new Summary('s', '', { clock: 1 as never }),
    /clock option/,
  ],
  [
    'gauge collect not a function',
    () => new Gauge('g', '', { collect: 'x' as never }),
    /pass a function/,
  ],
  // Collector
  [
    'same name, other type',
    () => {
      const m = new MetricsCollector();
      m.createGauge('x');
      m.createSummary('x');
    },
    /already exists as a gauge.*cannot be created as a summary.*pick another name/,
  ],
  [
    'by-name helper hitting another type',
    () => {
      const m = new MetricsCollector();
      m.createHistogram('x');
      m.increment('x');
    },
    /already exists as a histogram/,
  ],
  [
    'registering a different metric under a taken name',
    () => {
      const m = new MetricsCollector();
      m.registerMetric(new Counter('x'));
      m.registerMetric(new Counter('x'));
    },
    /already registered: use a distinct name/,
  ],
  // Buffered recorder
  [
    'buffered record without a name',
    () => new BufferedMetricRecorder({}).record('', 1),
    /needs a metric name and a number/,
  ],
  [
    'buffered record with a string value',
    () => new BufferedMetricRecorder({}).record('x', '1' as never),
    /needs a metric name and a number/,
  ],
  [
    'buffered recorder without a backend',
    () => new BufferedMetricRecorder(undefined as never),
    /needs a backend/,
  ],
];

describe('InvalidMetricError paths', () => {
  it.each(PATHS)('%s', (_what, act, message) => {
    let thrown: unknown;
    try {
      act();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidMetricError);
    expect(isMonitorError(thrown, 'INVALID_METRIC')).toBe(true);
    expect((thrown as InvalidMetricError).message).toMatch(message);
  });
});
