import type { AlertDispatcherProtocol } from '@lexigram/monitor-core';
import { FanOutAlertDispatcher } from '../../src/index.js';

function recorder(name: string, log: string[]): AlertDispatcherProtocol {
  return {
    sendAlert: async (title) => void log.push(`${name}:${title}`),
    sendMetricAlert: async (metric, value) => void log.push(`${name}:${metric}=${value}`),
  };
}

describe('FanOutAlertDispatcher', () => {
  it('sends every alert to every dispatcher', async () => {
    const log: string[] = [];
    const fanOut = new FanOutAlertDispatcher([recorder('a', log), recorder('b', log)]);
    await fanOut.sendAlert('t', 'm', 'low');
    await fanOut.sendMetricAlert('lat', 5, 1);
    expect(log).toEqual(['a:t', 'b:t', 'a:lat=5', 'b:lat=5']);
    expect(fanOut.dispatchers).toHaveLength(2);
  });

  it('keeps going when one dispatcher throws or rejects, and reports it', async () => {
    const log: string[] = [];
    const errors: string[] = [];
    const broken: AlertDispatcherProtocol = {
      sendAlert: () => {
        throw new Error('sync boom');
      },
      sendMetricAlert: () => Promise.reject(new Error('async boom')),
    };
    const fanOut = new FanOutAlertDispatcher([broken, recorder('ok', log)], (error) =>
      errors.push((error as Error).message),
    );
    await expect(fanOut.sendAlert('t', 'm', 'high')).resolves.toBeUndefined();
    await expect(fanOut.sendMetricAlert('x', 1, 0)).resolves.toBeUndefined();
    expect(log).toEqual(['ok:t', 'ok:x=1']);
    expect(errors).toEqual(['sync boom', 'async boom']);
  });

  it('survives an error callback that throws', async () => {
    const broken: AlertDispatcherProtocol = {
      sendAlert: () => Promise.reject(new Error('x')),
      sendMetricAlert: async () => {},
    };
    const fanOut = new FanOutAlertDispatcher([broken], () => {
      throw new Error('callback');
    });
    await expect(fanOut.sendAlert('t', 'm', 'low')).resolves.toBeUndefined();
  });
});
