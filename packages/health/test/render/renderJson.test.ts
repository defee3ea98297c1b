import { httpStatusFor, renderJson } from '@lexigram/monitor-health';
import { T, degradedReport, unhealthyReport } from '../support/reports.js';

describe('renderJson', () => {
  it('maps statuses to 200 / 207 / 503', () => {
    expect(httpStatusFor('healthy')).toBe(200);
    expect(httpStatusFor('degraded')).toBe(207);
    expect(httpStatusFor('unhealthy')).toBe(503);
    expect(renderJson({ status: 'healthy', checks: {} }).statusCode).toBe(200);
    expect(renderJson(degradedReport()).statusCode).toBe(207);
    expect(renderJson(unhealthyReport()).statusCode).toBe(503);
  });

  it('renders the reference body with every check', () => {
    const response = renderJson(degradedReport());
    expect(response.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(response.body)).toEqual({
      status: 'degraded',
      timestamp: T,
      checks: {
        db: { status: 'healthy', details: { pool: 4 }, durationMs: 2.5, timestamp: T },
        queue: { status: 'degraded', message: 'backlog of 900', durationMs: 1, timestamp: T - 10 },
        search: {
          status: 'unhealthy',
          message: 'check rejected with Error: ECONNREFUSED',
          details: { error: { name: 'Error', message: 'ECONNREFUSED' } },
          durationMs: 30,
          timestamp: T - 20,
        },
      },
    });
  });

  it('never shows a stack', () => {
    const { body } = renderJson(degradedReport());
    expect(body).not.toMatch(/\bat Socket|net\.js|secret frames|"stack"/);
  });

  it('hides messages, details and durations when asked', () => {
    const body = JSON.parse(renderJson(degradedReport(), { includeDetails: false }).body);
    expect(body.checks).toEqual({
      db: { status: 'healthy' },
      queue: { status: 'degraded' },
      search: { status: 'unhealthy' },
    });
    expect(body.status).toBe('degraded');
  });

  it('stamps an empty report with the current time', () => {
    const before = Date.now();
    const body = JSON.parse(renderJson({ status: 'healthy', checks: {} }).body);
    expect(body.timestamp).toBeGreaterThanOrEqual(before);
    expect(body.checks).toEqual({});
  });
});
