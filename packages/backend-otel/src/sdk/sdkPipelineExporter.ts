import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { PipelineExporter } from '../transport/pipelineExporter.js';

/**
 * An exporter in the OpenTelemetry SDK's callback style (`export(items, resultCallback)`) on this
 * package's pipeline, for the span and metric exporters {@link OpenTelemetryBackend} hands to
 * `NodeSDK`. The callback always gets a result; nothing is thrown.
 */
export abstract class SdkPipelineExporter<Internal> extends PipelineExporter<Internal> {
  /** SDK callback style; never throws. */
  export(items: Internal, resultCallback: (result: ExportResult) => void): void {
    this.pipeline.send(items).then(
      () => resultCallback({ code: ExportResultCode.SUCCESS }),
      (error: unknown) =>
        resultCallback({
          code: ExportResultCode.FAILED,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
  }

  /** Abort exports in flight now (a shutdown deadline has passed). */
  abort(): Promise<void> {
    return this.pipeline.shutdown(0);
  }
}
