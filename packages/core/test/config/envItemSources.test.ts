import fc from 'fast-check';
import { MonitorConfigError, createLogger, loadConfig } from '@lexigram/monitor-core';

describe('loadConfig names the variable of a bad list or map item (F17)', () => {
  it.each([
    ['LEX_MONITOR_METRICS__HISTOGRAM_BUCKETS', '0.1,0.5,abc'],
    ['LEX_MONITOR_TRACING__PROPAGATION_FORMATS', 'tracecontext,xyz'],
    ['LEX_MONITOR_METRICS__DEFAULT_LABELS', '{"a":1}'],
  ])('%s=%s', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({}, { env: { [variable]: value } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MonitorConfigError);
    expect((error as Error).message).toContain(`set by environment variable ${variable}`);
  });

  it('for a bad item at any position of the bucket list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 100, noNaN: true }), { maxLength: 6 }),
        fc.nat({ max: 6 }),
        fc.constantFrom('abc', 'x1', '?'),
        (numbers, at, bad) => {
          const items = numbers.map(String);
          items.splice(Math.min(at, items.length), 0, bad);
          const variable = 'LEX_MONITOR_METRICS__HISTOGRAM_BUCKETS';
          expect(() => loadConfig({}, { env: { [variable]: items.join(',') } })).toThrow(
            `set by environment variable ${variable}`,
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('createLogger rejects bad settings with a MonitorConfigError (F16)', () => {
  it.each([{ level: 'verbose' }, { format: 'xml' }, { redactFields: [1] }, { extra: true }])(
    '%j',
    (config) => {
      let error: unknown;
      try {
        createLogger({ config: config as never });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MonitorConfigError);
      expect((error as MonitorConfigError).code).toBe('INVALID_CONFIG');
      expect((error as Error).message).toMatch(/logging\.\w+/);
    },
  );
});
