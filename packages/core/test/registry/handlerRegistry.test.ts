import { HandlerRegistry, type ExporterHandler } from '@lexigram/monitor-core';

type Config = { type: string; tag?: string };
const handler = (type: string, result: string): ExporterHandler<Config, string> => ({
  canHandle: (t) => t === type,
  create: (c) => `${result}${c.tag ?? ''}`,
});

describe('HandlerRegistry', () => {
  it('returns null when no handler can handle the type', () => {
    expect(new HandlerRegistry<Config, string>().createExporter({ type: 'x' })).toBeNull();
  });

  it('asks the most recently registered handler first', () => {
    const registry = new HandlerRegistry<Config, string>();
    registry.register(handler('console', 'builtin')).register(handler('console', 'override'));
    expect(registry.createExporter({ type: 'console', tag: '!' })).toBe('override!');
    expect(registry.list()).toHaveLength(2);
  });

  it('withHandlers keeps the given order and unregister removes one', () => {
    const first = handler('a', 'first');
    const registry = HandlerRegistry.withHandlers([first, handler('a', 'second')]);
    expect(registry.createExporter({ type: 'a' })).toBe('first');
    expect(registry.unregister(first)).toBe(true);
    expect(registry.unregister(first)).toBe(false);
    expect(registry.createExporter({ type: 'a' })).toBe('second');
    expect(registry.canHandle('b')).toBe(false);
  });
});
