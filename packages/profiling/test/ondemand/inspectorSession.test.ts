import { openInspectorSession } from '../../src/ondemand/inspectorSession.js';

describe('openInspectorSession', () => {
  it('posts commands and resolves their results', async () => {
    const inspector = await openInspectorSession('evaluate');
    try {
      const { result } = await inspector.post<{ result: { value: number } }>('Runtime.evaluate', {
        expression: '6 * 7',
      });
      expect(result.value).toBe(42);
    } finally {
      inspector.disconnect();
    }
  });

  it('rejects an unknown command and tolerates a second disconnect', async () => {
    const inspector = await openInspectorSession('test');
    await expect(inspector.post('Nope.method')).rejects.toThrow(/Nope\.method/);
    inspector.disconnect();
    expect(() => inspector.disconnect()).not.toThrow();
  });
});
