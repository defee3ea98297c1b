import { createRedactor } from '../../src/security/redactor.js';

describe('createRedactor', () => {
  it('redacts listed and secret-looking names at any depth, leaving the rest', () => {
    const redact = createRedactor(['ssn']);
    const input = {
      'http.route': '/users/:id',
      'x-api-key': 'k',
      SSN: '123',
      nested: { dbPassword: 'p', list: [{ refresh_token: 'r', ok: 1 }], session_cookie: 'c' },
    };
    expect(redact(input)).toEqual({
      'http.route': '/users/:id',
      'x-api-key': '[REDACTED]',
      SSN: '[REDACTED]',
      nested: {
        dbPassword: '[REDACTED]',
        list: [{ refresh_token: '[REDACTED]', ok: 1 }],
        session_cookie: '[REDACTED]',
      },
    });
    // Nothing to redact: the same object comes back, nothing copied.
    const clean = { a: 1, b: { c: 'd' } };
    expect(createRedactor()(clean)).toBe(clean);
    expect(input['x-api-key']).toBe('k');
  });
});
