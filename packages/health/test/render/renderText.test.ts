import { HealthCheckResult, renderText } from '@lexigram/monitor-health';
import { degradedReport, unhealthyReport } from '../support/reports.js';

describe('renderText (Kubernetes style)', () => {
  it('lists each check and passes a degraded probe with 200', () => {
    const response = renderText(degradedReport());
    expect(response.statusCode).toBe(200);
    expect(response.contentType).toBe('text/plain; charset=utf-8');
    expect(response.body).toBe(
      [
        '[+]db ok',
        '[+]queue degraded: backlog of 900',
        '[-]search failed: check rejected with Error: ECONNREFUSED',
        'health check passed',
        '',
      ].join('\n'),
    );
  });

  it('fails an unhealthy probe with 503, named after the probe', () => {
    const response = renderText(unhealthyReport(), { probeName: 'readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toBe('[-]db failed: no reason given\nreadyz check failed\n');
  });

  it('withholds reasons when details are hidden', () => {
    const { body } = renderText(degradedReport(), { includeDetails: false });
    expect(body).toContain('[-]search failed: reason withheld');
    expect(body).toContain('[+]queue degraded: reason withheld');
    expect(body).not.toContain('ECONNREFUSED');
  });

  it('answers "ok" when passing and not verbose, but still lists a failure', () => {
    expect(renderText(degradedReport(), { verbose: false }).body).toBe('ok\n');
    expect(renderText(unhealthyReport(), { verbose: false }).body).toContain('[-]db failed');
  });

  it('keeps each check on one line, without stack frames', () => {
    const report = {
      status: 'unhealthy' as const,
      checks: {
        db: HealthCheckResult.unhealthy(
          `first line\nsecond line\n    at Object.<anonymous> (x.js:1:1)`,
        ),
        cache: HealthCheckResult.degraded(),
      },
    };
    expect(renderText(report).body).toBe(
      '[-]db failed: first line second line\n[+]cache degraded\nhealth check failed\n',
    );
  });
});
