import { z } from 'zod';
import { MonitorConfigError } from '../../src/index.js';
import { fieldErrorsFromZod, parseOptions } from '../../src/internal/index.js';

const Schema = z
  .object({
    sampleRate: z.number().min(0).max(1).default(1),
    name: z.string().default('svc'),
  })
  .strict();

function thrown(fn: () => unknown): MonitorConfigError {
  try {
    fn();
  } catch (error) {
    return error as MonitorConfigError;
  }
  throw new Error('expected a throw');
}

describe('parseOptions', () => {
  it('returns the parsed value with defaults applied', () => {
    expect(parseOptions(Schema, { sampleRate: 0.5 }, { source: 'Test options' })).toEqual({
      sampleRate: 0.5,
      name: 'svc',
    });
    expect(parseOptions(Schema, undefined, { source: 'Test options' })).toEqual({
      sampleRate: 1,
      name: 'svc',
    });
  });

  it('names each unknown key on its own path, under the prefix', () => {
    const error = thrown(() =>
      parseOptions(Schema, { a: 1, b: 2 }, { source: 'Tracer options', prefix: 'tracing' }),
    );
    expect(error).toBeInstanceOf(MonitorConfigError);
    expect(error.fields.map((f) => f.path)).toEqual(['tracing.a', 'tracing.b']);
    expect(error.fields[0]!.message).toBe('unknown field: remove it or check its spelling');
    expect(error.message).toContain('(from Tracer options)');
  });

  it('lists every bad field at once, with the env var that set it', () => {
    const error = thrown(() =>
      parseOptions(
        Schema,
        { sampleRate: 2, name: 3 },
        { source: 'env', prefix: 'tracing', sources: new Map([['tracing.sampleRate', 'LEX_X']]) },
      ),
    );
    expect(error.fields.map((f) => f.path)).toEqual(['tracing.sampleRate', 'tracing.name']);
    expect(error.fields[0]!.message).toMatch(/\(set by environment variable LEX_X\)$/);
  });

  it('fieldErrorsFromZod still accepts a sources map alone', () => {
    const parsed = Schema.safeParse({ zzz: 1 });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsFromZod(parsed.error, new Map([['zzz', 'LEX_Z']]))).toEqual([
      {
        path: 'zzz',
        message:
          'unknown field: remove it or check its spelling (set by environment variable LEX_Z)',
      },
    ]);
  });
});
