import { runDemo } from './support/runDemo.js';

describe('examples/demo: tracing section', () => {
  it('prints traced work that continues the incoming trace', () => {
    const out = runDemo('tracing');
    expect(out).toContain(
      '=== tracing: spans, W3C propagation, traced, messaging and database spans ===',
    );
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    expect(out).toContain(`extracted: trace=${trace} parent=00f067aa0ba902b7 remote=true`);

    const spans = out.split('\n').filter((l) => l.startsWith('[span] '));
    const names = spans.map((l) => l.split(' ')[1]);
    expect(names).toEqual(['UPDATE', 'reserveStock', 'INSERT', 'publish', 'POST', 'process']);
    for (const line of spans) expect(line).toContain(`trace=${trace}`);

    const server = spans.find((l) => l.startsWith('[span] POST /checkout'))!;
    expect(server).toContain('(server)');
    expect(server).toContain('parent=00f067aa0ba902b7');
    expect(server).toContain('"http.status_code":201');
    const failed = spans.find((l) => l.startsWith('[span] INSERT'))!;
    expect(failed).toMatch(/\(client\) .* status=error\(audit table is read-only\)/);
    expect(failed).toContain('events=[exception]');
    expect(out).toContain('caught: audit table is read-only (recorded on its span)');

    expect(out).toMatch(
      /injected into the message: traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01/,
    );
    expect(out).toContain('tracestate=congo=t61rcWkgMzE baggage=tenant=acme');
    expect(out).toContain('consumer sees tenant=acme');
    expect(out).toMatch(
      /log: \{.*"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736".*"msg":"checkout started"/,
    );

    expect(out).toContain(
      'invalid traceparent "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" -> ignored, new trace',
    );
    expect(out).toContain('invalid traceparent "garbage" -> ignored, new trace');
    expect(out).toContain('baggage header: user=Ann%20Lee');
    expect(out).toContain('spans recorded: 6, all ended: true');
    expect(out).toContain('Demo finished.');
  });
});
