import { healthFormatFromAccept, renderHealth } from '@lexigram/monitor-health';
import { degradedReport } from '../support/reports.js';

describe('renderHealth', () => {
  it('dispatches to the renderer of each format', () => {
    expect(renderHealth(degradedReport(), 'json').statusCode).toBe(207);
    expect(renderHealth(degradedReport(), 'health+json').contentType).toBe(
      'application/health+json',
    );
    expect(renderHealth(degradedReport(), 'text', { probeName: 'livez' }).body).toContain(
      'livez check passed',
    );
  });
});

describe('healthFormatFromAccept', () => {
  it.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['application/json', 'json'],
    ['application/health+json', 'health+json'],
    ['text/plain', 'text'],
    ['TEXT/PLAIN; charset=utf-8', 'text'],
    ['text/html, application/health+json;q=0.9, */*;q=0.1', 'health+json'],
    ['text/plain;q=0.9, application/json;q=0.5', 'text'],
    ['application/json, text/plain', 'json'],
    ['text/plain;q=0, application/json;q=0.2', 'json'],
    ['image/png, constructor', 'json'],
  ])('%p → %s', (accept, format) => {
    expect(healthFormatFromAccept(accept)).toBe(format);
  });
});
