import {
  resolveOtlpOptions,
  type OtlpExporterOptions,
  type OtlpSignal,
  type ResolvedOtlpOptions,
} from '../config/resolveOtlpOptions.js';
import {
  OtlpExportPipeline,
  type OtlpExportStats,
  type PipelineSignal,
} from './otlpExportPipeline.js';

/**
 * What every OTLP exporter of this package shares: settings resolved from options, environment
 * and config, one {@link OtlpExportPipeline}, and `forceFlush` / `shutdown` / `stats` over it.
 * Subclasses add the `export` their caller expects (core's, or the OpenTelemetry SDK's).
 */
export abstract class PipelineExporter<Internal> {
  /** The settings in use, after environment variables and config were applied. */
  readonly options: ResolvedOtlpOptions;
  /** The export machinery subclasses send through. */
  protected readonly pipeline: OtlpExportPipeline<Internal>;
  private readonly shutdownTimeoutMs: number;

  /**
   * @param describe - the signal's serializer and counting, given the resolved settings.
   * @param shutdownTimeoutMs - longest `shutdown()` waits for exports in flight; default the
   *   export timeout.
   * @throws MonitorConfigError when an option or `OTEL_EXPORTER_OTLP_*` variable is invalid.
   */
  protected constructor(
    signal: OtlpSignal,
    options: OtlpExporterOptions,
    describe: (resolved: ResolvedOtlpOptions) => PipelineSignal<Internal>,
    shutdownTimeoutMs?: number,
  ) {
    this.options = resolveOtlpOptions(signal, options);
    this.shutdownTimeoutMs = shutdownTimeoutMs ?? this.options.timeoutMs;
    this.pipeline = new OtlpExportPipeline(describe(this.options), this.options);
  }

  /** Wait for exports in flight. */
  async forceFlush(): Promise<void> {
    await this.pipeline.flush(Date.now() + this.options.timeoutMs);
  }

  /** Finish exports in flight within the shutdown timeout, then abort the rest. */
  shutdown(): Promise<void> {
    return this.pipeline.shutdown(this.shutdownTimeoutMs);
  }

  /** Items exported and dropped so far. */
  stats(): OtlpExportStats {
    return this.pipeline.stats();
  }
}
