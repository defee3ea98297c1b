import { InvalidMetricError } from '@lexigram/monitor-core';
import {
  OVERFLOW_LABEL,
  toMetricName,
  validateLabelName,
  validateMetricName,
  validateUnit,
} from '../../src/validation/names.js';

describe('validateMetricName', () => {
  it.each(['http_requests_total', 'a', '_x', 'ns:sub:name', 'A1_b2'])('accepts %s', (name) => {
    expect(() => validateMetricName(name)).not.toThrow();
  });

  it.each(['', '1abc', 'has space', 'dots.are.bad', 'dash-bad', 'ünïcode', 'a\nb'])(
    'rejects %j with InvalidMetricError',
    (name) => {
      expect(() => validateMetricName(name)).toThrow(InvalidMetricError);
      expect(() => validateMetricName(name)).toThrow(/Invalid metric name/);
    },
  );

  it('rejects non-strings', () => {
    expect(() => validateMetricName(42)).toThrow(/Invalid metric name a number \(42\)/);
    expect(() => validateMetricName(undefined)).toThrow(InvalidMetricError);
  });
});

describe('validateLabelName', () => {
  it('accepts Prometheus label names, including "constructor"', () => {
    for (const name of ['method', '_x', 'constructor', 'toString', 'a1']) {
      expect(() => validateLabelName('m', name)).not.toThrow();
    }
  });

  it('rejects bad syntax, colons and reserved names', () => {
    expect(() => validateLabelName('m', 'a:b')).toThrow(/Invalid label name "a:b" on metric "m"/);
    expect(() => validateLabelName('m', '1a')).toThrow(InvalidMetricError);
    expect(() => validateLabelName('m', '__proto__')).toThrow(/reserved/);
    expect(() => validateLabelName('m', '__name__')).toThrow(/reserved/);
    expect(() => validateLabelName('m', OVERFLOW_LABEL)).toThrow(/reserved/);
    expect(() => validateLabelName('h', 'le', ['le'])).toThrow(/reserved for this metric type/);
    expect(() => validateLabelName('m', 'le')).not.toThrow();
  });

  it('every error carries the INVALID_METRIC code', () => {
    try {
      validateLabelName('m', 'bad-name');
      throw new Error('expected a throw');
    } catch (error) {
      expect((error as InvalidMetricError).code).toBe('INVALID_METRIC');
    }
  });
});

describe('validateUnit', () => {
  it('accepts empty and word units, rejects others', () => {
    expect(() => validateUnit('m', '')).not.toThrow();
    expect(() => validateUnit('m', 'seconds')).not.toThrow();
    expect(() => validateUnit('m', 'm/s')).toThrow(/Invalid unit "m\/s"/);
    expect(() => validateUnit('m', 5)).toThrow(InvalidMetricError);
  });
});

describe('toMetricName', () => {
  it('maps forbidden characters to _ so the result validates', () => {
    expect(toMetricName('orders.OrderService.place.duration')).toBe(
      'orders_OrderService_place_duration',
    );
    expect(toMetricName('my-app/route')).toBe('my_app_route');
    expect(toMetricName('9lives')).toBe('_9lives');
    expect(toMetricName('')).toBe('_');
    for (const raw of ['a.b', 'ü', '1', 'x y z', '']) {
      expect(() => validateMetricName(toMetricName(raw))).not.toThrow();
    }
  });
});
