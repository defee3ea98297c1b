import { headerValues, singleHeader } from '../../src/propagation/carrier.js';

describe('carrier lookups', () => {
  it('find headers by exact lowercase name first, then in any case', () => {
    expect(headerValues({ traceparent: 'a' }, 'traceparent')).toEqual(['a']);
    expect(headerValues({ TraceParent: 'a', TRACEPARENT: ['b', 'c'] }, 'traceparent')).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(headerValues({ other: 'x', tracestate: undefined }, 'tracestate')).toEqual([]);
  });

  it('treat a repeated header as having no single value', () => {
    expect(singleHeader({ b3: 'x' }, 'b3')).toBe('x');
    expect(singleHeader({ b3: ['x'] }, 'b3')).toBe('x');
    expect(singleHeader({ b3: ['x', 'y'] }, 'b3')).toBeUndefined();
    expect(singleHeader({ B3: 'x', b3x: 'y' }, 'b3')).toBe('x');
    expect(singleHeader({}, 'b3')).toBeUndefined();
  });
});
