import type { ReadableSpanData, SpanExporter } from '@lexigram/monitor-core';
import { SpanExportError } from '@lexigram/monitor-core';
import { exportSpans } from '../../src/processing/exportSpans.js';

const spans = [] as readonly ReadableSpanData[];

describe('exportSpans', () => {
  it('makes no promise for a synchronous exporter that succeeds', () => {
    expect(exportSpans({ export() {} }, spans, 100)).toBeNull();
  });

  it('resolves when an async exporter resolves', async () => {
    await expect(exportSpans({ export: async () => {} }, spans, 100)).resolves.toBeUndefined();
  });

  it('rejects with a SpanExportError keeping the cause for throws and rejections', async () => {
    const cause = new Error('down');
    const throwing: SpanExporter = {
      export() {
        throw cause;
      },
    };
    const rejecting: SpanExporter = { export: () => Promise.reject(cause) };
    for (const exporter of [throwing, rejecting]) {
      const error = await exportSpans(exporter, spans, 100)!.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SpanExportError);
      expect((error as SpanExportError).code).toBe('SPAN_EXPORT_FAILED');
      expect((error as SpanExportError).cause).toBe(cause);
    }
  });

  it('rejects after the timeout when the exporter hangs', async () => {
    const started = Date.now();
    await expect(
      exportSpans({ export: () => new Promise<void>(() => {}) }, spans, 30),
    ).rejects.toThrow(/timed out after 30 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
