/** Config handed to a handler: anything with a `type`. */
export interface TypedConfig {
  readonly type: string;
}

/** Creates one kind of exporter (or backend) from config. */
export interface ExporterHandler<TConfig extends TypedConfig = TypedConfig, TExporter = unknown> {
  /** True when this handler creates exporters of `type` (e.g. `"console"`). */
  canHandle(type: string): boolean;
  /** Create the exporter. */
  create(config: TConfig): TExporter;
}

/**
 * An ordered set of handlers: `register` puts a handler first, so a later registration overrides
 * a built-in for the same type; `createExporter` asks each in turn.
 *
 * Subclasses (`MetricsExporterRegistry`, `TracingExporterRegistry`) add a `withDefaults()` that
 * registers their built-in handlers.
 *
 * @example
 * ```ts
 * const registry = new HandlerRegistry<{ type: string }, Exporter>();
 * registry.register({ canHandle: (t) => t === 'stdout', create: () => new StdoutExporter() });
 * registry.createExporter({ type: 'stdout' });
 * ```
 */
export class HandlerRegistry<TConfig extends TypedConfig = TypedConfig, TExporter = unknown> {
  private handlers: ExporterHandler<TConfig, TExporter>[] = [];

  /** A registry holding `handlers`, the first one checked first. */
  static withHandlers<C extends TypedConfig, E>(
    handlers: readonly ExporterHandler<C, E>[],
  ): HandlerRegistry<C, E> {
    const registry = new HandlerRegistry<C, E>();
    for (let i = handlers.length - 1; i >= 0; i--) registry.register(handlers[i]!);
    return registry;
  }

  /** Add `handler` at the front: it is asked before every handler registered earlier. */
  register(handler: ExporterHandler<TConfig, TExporter>): this {
    this.handlers.unshift(handler);
    return this;
  }

  /** Remove `handler`; true when it was registered. */
  unregister(handler: ExporterHandler<TConfig, TExporter>): boolean {
    const index = this.handlers.indexOf(handler);
    if (index < 0) return false;
    this.handlers.splice(index, 1);
    return true;
  }

  /** The first handler that can handle `type`, if any. */
  findHandler(type: string): ExporterHandler<TConfig, TExporter> | undefined {
    return this.handlers.find((h) => h.canHandle(type));
  }

  /** True when some handler can handle `type`. */
  canHandle(type: string): boolean {
    return this.findHandler(type) !== undefined;
  }

  /** An exporter from the first handler that can handle `config.type`, or null when none can. */
  createExporter(config: TConfig): TExporter | null {
    const handler = this.findHandler(config.type);
    return handler ? handler.create(config) : null;
  }

  /** The handlers, first-asked first. */
  list(): readonly ExporterHandler<TConfig, TExporter>[] {
    return [...this.handlers];
  }
}
