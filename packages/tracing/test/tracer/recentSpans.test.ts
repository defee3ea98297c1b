import type { RecentSpansProtocol } from '@lexigram/monitor-core';
import { Tracer } from '../../src/tracer/tracer.js';

describe('Tracer.getRecentSpans', () => {
  it('returns finished spans newest first, bounded by the store and by limit', () => {
    const tracer = new Tracer({ serviceName: 'svc', maxSpans: 3, processor: 'simple' });
    const open = tracer.startSpan('open');
    for (const name of ['a', 'b', 'c']) tracer.startSpan(name).end();
    const recent: RecentSpansProtocol = tracer;
    // 'open' was pushed out of the 3-span ring by a, b, c.
    expect(recent.getRecentSpans().map((s) => s.name)).toEqual(['c', 'b', 'a']);
    expect(recent.getRecentSpans(2).map((s) => s.name)).toEqual(['c', 'b']);
    expect(recent.getRecentSpans(0)).toEqual([]);
    open.end();
    void tracer.shutdown();
  });

  it('leaves out spans still running and keeps nothing with maxSpans 0', () => {
    const tracer = new Tracer({ serviceName: 'svc', processor: 'simple' });
    const running = tracer.startSpan('running');
    tracer.startSpan('done').end();
    const [only] = tracer.getRecentSpans();
    expect(tracer.getRecentSpans()).toHaveLength(1);
    expect(only?.name).toBe('done');
    expect(only?.ended).toBe(true);
    expect(only?.resource.serviceName).toBe('svc');
    running.end();
    const none = new Tracer({ serviceName: 'svc', maxSpans: 0, processor: 'simple' });
    none.startSpan('x').end();
    expect(none.getRecentSpans()).toEqual([]);
    void tracer.shutdown();
    void none.shutdown();
  });
});
