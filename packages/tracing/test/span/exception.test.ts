import { errorMessage, exceptionAttributes } from '../../src/span/exception.js';

describe('exception attributes', () => {
  it('describes errors, objects and primitives', () => {
    class DbError extends Error {
      override name = 'DbError';
    }
    const error = new DbError('connection lost');
    expect(exceptionAttributes(error)).toMatchObject({
      'exception.type': 'DbError',
      'exception.message': 'connection lost',
    });
    expect(exceptionAttributes({ message: 'shaped like an error' })).toEqual({
      'exception.type': 'Object',
      'exception.message': 'shaped like an error',
    });
    expect(exceptionAttributes({ code: 7 })).toEqual({
      'exception.type': 'Object',
      'exception.message': '{"code":7}',
    });
    expect(exceptionAttributes(42)).toEqual({
      'exception.type': 'number',
      'exception.message': '42',
    });
    expect(exceptionAttributes(undefined)['exception.message']).toBe('undefined');
  });

  it('survives values that cannot be stringified', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(exceptionAttributes(cyclic)['exception.message']).toBe('[object Object]');
  });

  it('gives a short status message', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage(new RangeError(''))).toBe('RangeError');
    expect(errorMessage({ message: 'm' })).toBe('m');
    expect(errorMessage('s')).toBe('s');
  });
});
