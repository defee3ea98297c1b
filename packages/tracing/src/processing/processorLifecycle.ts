import type { MonitorFaultHandler, SpanExporter } from '@lexigram/monitor-core';
import type { ShutdownOnce } from '@lexigram/monitor-core/internal';
import { reportExportFault } from './errorReporter.js';

/** The exporter's own flush; a throw or rejection is reported, never propagated. */
export async function flushExporter(
  exporter: SpanExporter,
  component: string,
  onError: MonitorFaultHandler | undefined,
): Promise<void> {
  try {
    await exporter.forceFlush?.();
  } catch (error) {
    reportExportFault(component, onError, error);
  }
}

/** What {@link shutdownProcessor} needs of a processor. */
export interface ProcessorShutdown {
  readonly closing: ShutdownOnce;
  readonly exporter: SpanExporter;
  /** e.g. `batchSpanProcessor`. */
  readonly component: string;
  readonly onError: MonitorFaultHandler | undefined;
  readonly shutdownTimeoutMs: number | undefined;
  /** Export what is queued. */
  readonly flush: () => Promise<void>;
  /** Runs after the flush, before the exporter shuts down. */
  readonly beforeExporterShutdown?: () => void;
}

/**
 * The processors' shutdown: once, flush what is queued, then shut the exporter down, all within
 * `shutdownTimeoutMs`. Never rejects.
 */
export function shutdownProcessor(p: ProcessorShutdown): Promise<void> {
  return p.closing.run(
    async () => {
      await p.flush();
      p.beforeExporterShutdown?.();
      try {
        await p.exporter.shutdown?.();
      } catch (error) {
        reportExportFault(p.component, p.onError, error);
      }
    },
    {
      component: `tracing.${p.component}`,
      ...(p.shutdownTimeoutMs === undefined ? {} : { timeoutMs: p.shutdownTimeoutMs }),
      ...(p.onError ? { onError: p.onError } : {}),
    },
  );
}
