import {
  discoverExporterHandlers,
  type ExporterDiscoveryOptions,
  type ExporterKind,
} from './exporterDiscovery.js';
import { HandlerRegistry, type ExporterHandler, type TypedConfig } from './handlerRegistry.js';

/**
 * A {@link HandlerRegistry} that, asked for a type no registered handler provides, loads the
 * installed package known to provide it ({@link KNOWN_EXPORTER_PACKAGES}, e.g. `otlp` →
 * `@lexigram/monitor-backend-otel`) from the application's directory and registers that
 * package's handlers for its `kind`. So `createExporter({ type: 'otlp' })` works once the
 * package is installed, and the registry's package never imports it. Each type is looked up
 * once per registry; a missing or broken package is reported through the fault channel and the
 * type stays unhandled (`createExporter` gives null, as for any unknown type).
 *
 * @example
 * ```ts
 * class TracingExporterRegistry extends DiscoveringHandlerRegistry<TracingExporterConfig, SpanExporter> {
 *   constructor(options?: ExporterDiscoveryOptions) {
 *     super('tracing', options);
 *   }
 * }
 * ```
 */
export class DiscoveringHandlerRegistry<
  TConfig extends TypedConfig = TypedConfig,
  TExporter = unknown,
> extends HandlerRegistry<TConfig, TExporter> {
  private readonly looked = new Set<string>();

  /**
   * @param kind - which export of a package holds the handlers (`monitorTracingExporters` or
   *   `monitorMetricsExporters`).
   * @param discovery - where to look, extra `type → package` entries, or `discover: false`.
   */
  constructor(
    private readonly kind: ExporterKind,
    private readonly discovery: ExporterDiscoveryOptions = {},
  ) {
    super();
  }

  /** The first handler for `type`, loading the package known to provide it when none is. */
  override findHandler(type: string): ExporterHandler<TConfig, TExporter> | undefined {
    const found = super.findHandler(type);
    if (found || this.discovery.discover === false || this.looked.has(type)) return found;
    this.looked.add(type);
    const result = discoverExporterHandlers(this.kind, type, this.discovery);
    if (!result) return undefined;
    for (const handler of result.handlers) {
      this.register(handler as unknown as ExporterHandler<TConfig, TExporter>);
    }
    return super.findHandler(type);
  }
}
