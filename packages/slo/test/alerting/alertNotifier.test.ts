import {
  createHookBus,
  type AlertDispatcherProtocol,
  type MonitorFault,
} from '@lexigram/monitor-core';
import { AlertNotifier, type RaisedAlert } from '../../src/alerting/alertNotifier.js';
import { captureLogger } from '../support/captureLogger.js';

function alert(name: string, send: RaisedAlert['send']): RaisedAlert {
  return {
    alertName: name,
    severity: 'high',
    message: `${name} fired`,
    level: 'error',
    fields: { rule: name },
    context: { rule: name },
    send,
  };
}

describe('AlertNotifier', () => {
  it('logs, emits and dispatches every alert, isolating dispatcher failures', async () => {
    const { logger, records } = captureLogger();
    const hooks = createHookBus();
    const fired: string[] = [];
    hooks.alertFired.subscribe((a) => fired.push(`${a.alertName}:${a.severity}`));
    const sent: string[] = [];
    const dispatcher = {} as AlertDispatcherProtocol;
    const faults: MonitorFault[] = [];
    const notifier = new AlertNotifier(logger, hooks, dispatcher, (f) => faults.push(f));
    await notifier.notifyAll([
      alert('a', async (d) => {
        expect(d).toBe(dispatcher);
        sent.push('a');
      }),
      alert('b', () => Promise.reject(new Error('down'))),
      alert('c', async () => void sent.push('c')),
    ]);
    expect(sent).toEqual(['a', 'c']);
    expect(fired).toEqual(['a:high', 'b:high', 'c:high']);
    expect(records().map((r) => [r.level, r.msg])).toEqual([
      ['error', 'a fired'],
      ['error', 'b fired'],
      ['error', 'c fired'],
    ]);
    expect(faults).toEqual([
      expect.objectContaining({
        code: 'ALERT_DISPATCH_FAILED',
        message: 'alert dispatcher failed',
        details: { alert: 'b' },
      }),
    ]);
    expect((faults[0]!.error as Error).message).toBe('down');
  });

  it('skips dispatch without a dispatcher and the hook without listeners', async () => {
    const { logger, records } = captureLogger();
    const notifier = new AlertNotifier(logger, createHookBus(), undefined);
    let called = false;
    await notifier.notifyAll([alert('a', async () => void (called = true))]);
    expect(called).toBe(false);
    expect(records()).toHaveLength(1);
  });
});
