import type { MonitorFault } from '@lexigram/monitor-core';
import { MonitorConfigError } from '@lexigram/monitor-core';
import { SpanExportError } from '@lexigram/monitor-core';
import {
  BATCH_SPAN_PROCESSOR_DEFAULTS,
  BatchSpanProcessor,
  type BatchSpanProcessorOptions,
} from '../../src/processing/batchSpanProcessor.js';
import { Tracer } from '../../src/tracer/tracer.js';
import { ScriptedExporter } from '../support/exporters.js';
import { pendingUntil } from '@lexigram/test-support';

function setup(options: BatchSpanProcessorOptions = {}) {
  const exporter = new ScriptedExporter();
  const errors: unknown[] = [];
  const faults: MonitorFault[] = [];
  const processor = new BatchSpanProcessor(exporter, {
    onError: (fault) => {
      faults.push(fault);
      errors.push(fault.error);
    },
    ...options,
  });
  const tracer = new Tracer({ processor, trackLeaks: false, maxSpans: 0 });
  const end = (...names: string[]) => names.forEach((n) => tracer.startSpan(n).end());
  return { exporter, errors, faults, processor, tracer, end };
}

const refedTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('BatchSpanProcessor', () => {
  it('has the documented defaults', () => {
    expect(BATCH_SPAN_PROCESSOR_DEFAULTS).toEqual({
      maxQueueSize: 2048,
      maxExportBatchSize: 512,
      scheduledDelayMs: 5000,
      exportTimeoutMs: 30000,
    });
    expect(new BatchSpanProcessor(new ScriptedExporter()).options).toEqual(
      BATCH_SPAN_PROCESSOR_DEFAULTS,
    );
  });

  it('validates its options', () => {
    expect(() => new BatchSpanProcessor(new ScriptedExporter(), { maxQueueSize: 0 })).toThrow(
      MonitorConfigError,
    );
    expect(
      () =>
        new BatchSpanProcessor(new ScriptedExporter(), {
          maxQueueSize: 10,
          maxExportBatchSize: 20,
        }),
    ).toThrow(/maxExportBatchSize: must not exceed maxQueueSize/);
    expect(() => new BatchSpanProcessor(new ScriptedExporter(), { scheduledDelayMs: 1.5 })).toThrow(
      /scheduledDelayMs/,
    );
  });

  it('splits into batches of maxExportBatchSize', async () => {
    const { exporter, end, processor } = setup({ maxExportBatchSize: 2, scheduledDelayMs: 60_000 });
    end('a', 'b', 'c', 'd', 'e');
    await processor.forceFlush();
    expect(exporter.batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(processor.stats()).toMatchObject({ exportedSpans: 5, queuedSpans: 0, droppedSpans: 0 });
  });

  it('drops and counts spans past maxQueueSize, and reports the drop off the hot path', async () => {
    const { exporter, end, processor, errors } = setup({
      maxQueueSize: 4,
      maxExportBatchSize: 4,
      scheduledDelayMs: 60_000,
    });
    end('1', '2', '3', '4', '5', '6');
    expect(processor.stats()).toMatchObject({ droppedSpans: 2, queuedSpans: 4 });
    expect(errors).toEqual([]);
    await processor.forceFlush();
    expect(exporter.names).toEqual(['1', '2', '3', '4']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(SpanExportError);
    expect(String(errors[0])).toMatch(/2 spans dropped. Raise maxQueueSize/);
  });

  it.each(['throw', 'reject'] as const)(
    'never lets an exporter that %ss reach the application',
    async (mode) => {
      const { exporter, end, processor, errors } = setup({ maxExportBatchSize: 2 });
      exporter.mode = mode;
      expect(() => end('a', 'b', 'c')).not.toThrow();
      await expect(processor.forceFlush()).resolves.toBeUndefined();
      expect(processor.stats()).toMatchObject({
        exportedSpans: 0,
        failedSpans: 3,
        failedExports: 2,
        queuedSpans: 0,
      });
      expect(errors).toHaveLength(2);
      expect(errors[0]).toBeInstanceOf(SpanExportError);
      expect((errors[0] as SpanExportError).cause).toBeInstanceOf(Error);
      exporter.mode = 'ok';
      end('d');
      await processor.forceFlush();
      expect(exporter.names).toEqual(['d']);
    },
  );

  it('shutdown exports what is queued, shuts the exporter down once and drops later spans', async () => {
    const { exporter, end, processor } = setup({ scheduledDelayMs: 60_000 });
    end('a', 'b');
    await Promise.all([processor.shutdown(), processor.shutdown()]);
    expect(exporter.names).toEqual(['a', 'b']);
    expect(exporter.shutdownCalls).toBe(1);
    end('late');
    await processor.forceFlush();
    expect(exporter.names).toEqual(['a', 'b']);
    expect(processor.stats().droppedSpans).toBe(1);
  });

  it('never keeps the process alive with its timers', () => {
    const before = refedTimers();
    const { end } = setup({ scheduledDelayMs: 60_000 });
    end('a');
    expect(refedTimers()).toBe(before);
  });

  it('warns once by default when exports fail', async () => {
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      const exporter = new ScriptedExporter();
      exporter.mode = 'reject';
      const processor = new BatchSpanProcessor(exporter, { maxExportBatchSize: 1 });
      const tracer = new Tracer({ processor, trackLeaks: false });
      tracer.startSpan('a').end();
      tracer.startSpan('b').end();
      await processor.forceFlush();
      expect(processor.stats().failedExports).toBe(2);
      expect(emitWarning).toHaveBeenCalledTimes(1);
      expect(String(emitWarning.mock.calls[0]![0])).toMatch(/collector unreachable/);
    } finally {
      emitWarning.mockRestore();
    }
  });
});

describe('BatchSpanProcessor on virtual time', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('exports nothing on the caller stack, then a full batch on the next turn', async () => {
    const { exporter, end } = setup({ maxExportBatchSize: 3, scheduledDelayMs: 60_000 });
    end('a', 'b');
    await jest.advanceTimersByTimeAsync(59_000);
    expect(exporter.batches).toEqual([]); // below a batch, waiting for the delay
    end('c');
    expect(exporter.batches).toEqual([]); // full, but exported off the hot path
    await jest.advanceTimersByTimeAsync(0); // the next turn, long before the delay is up
    expect(exporter.batches).toEqual([['a', 'b', 'c']]);
  });

  it('exports a partial batch after scheduledDelayMs', async () => {
    const { exporter, end } = setup({ scheduledDelayMs: 40 });
    end('a', 'b');
    await jest.advanceTimersByTimeAsync(39);
    expect(exporter.batches).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(exporter.batches).toEqual([['a', 'b']]);
  });

  it('gives up on an export that hangs past exportTimeoutMs', async () => {
    const { exporter, end, processor, errors } = setup({ exportTimeoutMs: 30 });
    exporter.mode = 'hang';
    end('a');
    let flushed = false;
    const flushing = processor.forceFlush().then(() => (flushed = true));
    await jest.advanceTimersByTimeAsync(29);
    expect(flushed).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await flushing;
    expect(processor.stats().failedExports).toBe(1);
    expect(String(errors[0])).toMatch(/timed out after 30 ms/);
  });

  it('forceFlush waits for an export under way and exports what was queued meanwhile', async () => {
    const { exporter, end, processor } = setup({ maxExportBatchSize: 2, scheduledDelayMs: 60_000 });
    exporter.mode = 'slow'; // each export settles after exporter.slowMs (20 ms)
    end('a', 'b');
    await jest.advanceTimersByTimeAsync(0); // the full batch is being exported now
    expect(exporter.batches).toEqual([]);
    end('c');
    let flushed = false;
    const flushing = processor.forceFlush().then(() => (flushed = true));
    await jest.advanceTimersByTimeAsync(19);
    expect(flushed).toBe(false);
    await jest.advanceTimersByTimeAsync(21); // the first export, then the flushed one
    await flushing;
    expect(exporter.batches).toEqual([['a', 'b'], ['c']]);
    expect(exporter.flushCalls).toBe(1);
  });
});

describe('BatchSpanProcessor after failed exports (virtual time)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('pauses the background before the next export, doubling per failure, then delivers the queue', async () => {
    const { exporter, end, processor } = setup({
      maxExportBatchSize: 2,
      maxQueueSize: 4,
      scheduledDelayMs: 100,
    });
    exporter.mode = 'reject';
    end('a', 'b');
    await jest.advanceTimersByTimeAsync(0);
    expect(exporter.attempts).toBe(1);
    end('c', 'd'); // a full batch, which would go out on the next turn: paused instead
    await jest.advanceTimersByTimeAsync(99);
    expect(exporter.attempts).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(exporter.attempts).toBe(2); // c, d failed: the next pause is 200 ms
    end('e', 'f', 'g', 'h', 'i'); // the queue holds 4: i is dropped and counted
    await jest.advanceTimersByTimeAsync(199);
    expect(exporter.attempts).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(exporter.attempts).toBe(3); // e, f failed; g, h stay queued for after the pause
    expect(processor.stats()).toMatchObject({
      failedExports: 3,
      failedSpans: 6,
      droppedSpans: 1,
      queuedSpans: 2,
    });
    exporter.mode = 'ok'; // the backend is back
    await jest.advanceTimersByTimeAsync(399);
    expect(exporter.batches).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(exporter.batches).toEqual([['g', 'h']]);
    end('j', 'k'); // a success ended the pauses: a full batch goes out on the next turn again
    await jest.advanceTimersByTimeAsync(0);
    expect(exporter.batches).toEqual([
      ['g', 'h'],
      ['j', 'k'],
    ]);
  });

  it('forceFlush does not wait for the pause', async () => {
    const { exporter, end, processor } = setup({ scheduledDelayMs: 60_000 });
    exporter.mode = 'reject';
    end('a');
    await processor.forceFlush();
    expect(exporter.attempts).toBe(1);
    exporter.mode = 'ok';
    end('b');
    await processor.forceFlush();
    expect(exporter.batches).toEqual([['b']]);
  });

  it.each([
    [20_000, [20_000, 30_000, 30_000]],
    [40_000, [40_000, 40_000]],
  ])(
    'caps the pause at 30 s, or at scheduledDelayMs when longer (%i)',
    async (scheduledDelayMs, pauses) => {
      const { exporter, end } = setup({ maxExportBatchSize: 1, scheduledDelayMs });
      exporter.mode = 'reject';
      end('a', 'b', 'c', 'd', 'e');
      await jest.advanceTimersByTimeAsync(0);
      expect(exporter.attempts).toBe(1);
      for (const [i, pause] of pauses.entries()) {
        await jest.advanceTimersByTimeAsync(pause - 1);
        expect(exporter.attempts).toBe(i + 1);
        await jest.advanceTimersByTimeAsync(1);
        expect(exporter.attempts).toBe(i + 2);
      }
    },
  );
});

describe('BatchSpanProcessor faults and lifecycle', () => {
  it('reports drops as SPANS_DROPPED and failures as SPAN_EXPORT_FAILED faults', async () => {
    const { exporter, faults, processor, end } = setup({ maxQueueSize: 1, maxExportBatchSize: 1 });
    exporter.mode = 'throw';
    end('a', 'b');
    await processor.forceFlush();
    expect(faults.map((f) => [f.code, f.component])).toEqual([
      ['SPANS_DROPPED', 'tracing.batchSpanProcessor'],
      ['SPAN_EXPORT_FAILED', 'tracing.batchSpanProcessor'],
    ]);
  });

  it('shutdown() resolves by shutdownTimeoutMs when the exporter never shuts down', async () => {
    jest.useFakeTimers();
    try {
      const faults: MonitorFault[] = [];
      const processor = new BatchSpanProcessor(
        { export: () => undefined, shutdown: () => new Promise<void>(() => undefined) },
        { shutdownTimeoutMs: 500, onError: (f) => faults.push(f) },
      );
      const closing = processor.shutdown();
      expect(processor.shutdown()).toBe(closing);
      expect(await pendingUntil(closing, 500)).toBe(true);
      expect(faults.map((f) => f.code)).toEqual(['SHUTDOWN_TIMEOUT']);
    } finally {
      jest.useRealTimers();
    }
  });
});
