import {
  HEALTH_JSON_CONTENT_TYPE,
  renderHealthJson,
  toHealthJsonStatus,
} from '@lexigram/monitor-health';
import { T, degradedReport, unhealthyReport } from '../support/reports.js';

describe('renderHealthJson (IETF application/health+json)', () => {
  it('maps statuses to pass / warn / fail, 200 for pass and warn, 503 for fail', () => {
    expect(toHealthJsonStatus('healthy')).toBe('pass');
    expect(toHealthJsonStatus('degraded')).toBe('warn');
    expect(toHealthJsonStatus('unhealthy')).toBe('fail');
    const pass = renderHealthJson({ status: 'healthy', checks: {} });
    expect(pass.statusCode).toBe(200);
    expect(pass.contentType).toBe(HEALTH_JSON_CONTENT_TYPE);
    expect(JSON.parse(pass.body)).toEqual({ status: 'pass', checks: {} });
    expect(renderHealthJson(degradedReport()).statusCode).toBe(200);
    expect(renderHealthJson(unhealthyReport()).statusCode).toBe(503);
  });

  it('renders each check as a one-element array with time, duration and output', () => {
    const body = JSON.parse(
      renderHealthJson(degradedReport(), {
        version: '1',
        releaseId: '1.4.2',
        serviceId: 'checkout',
        description: 'checkout API',
      }).body,
    );
    expect(body).toEqual({
      status: 'warn',
      version: '1',
      releaseId: '1.4.2',
      serviceId: 'checkout',
      description: 'checkout API',
      output: 'queue: backlog of 900; search: check rejected with Error: ECONNREFUSED',
      checks: {
        db: [
          {
            status: 'pass',
            time: new Date(T).toISOString(),
            observedValue: 2.5,
            observedUnit: 'ms',
            details: { pool: 4 },
          },
        ],
        queue: [
          {
            status: 'warn',
            time: new Date(T - 10).toISOString(),
            observedValue: 1,
            observedUnit: 'ms',
            output: 'backlog of 900',
          },
        ],
        search: [
          {
            status: 'fail',
            time: new Date(T - 20).toISOString(),
            observedValue: 30,
            observedUnit: 'ms',
            output: 'check rejected with Error: ECONNREFUSED',
            details: { error: { name: 'Error', message: 'ECONNREFUSED' } },
          },
        ],
      },
    });
  });

  it('omits output on pass and says "failed" when a failing check gave no message', () => {
    const body = JSON.parse(renderHealthJson(unhealthyReport()).body);
    expect(body.status).toBe('fail');
    expect(body.output).toBe('db: failed');
    expect(body.checks.db[0].output).toBe('failed');
  });

  it('shows only statuses when details are hidden', () => {
    const response = renderHealthJson(degradedReport(), { includeDetails: false });
    expect(JSON.parse(response.body)).toEqual({
      status: 'warn',
      checks: {
        db: [{ status: 'pass' }],
        queue: [{ status: 'warn' }],
        search: [{ status: 'fail' }],
      },
    });
    expect(response.body).not.toContain('ECONNREFUSED');
  });
});
