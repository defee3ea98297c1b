/**
 * The npm package that provides each exporter type core knows by name. A tracing or metrics
 * exporter registry asked for one of these types loads the package from the application's
 * directory (see {@link DiscoveringHandlerRegistry}), so installing it is all a user does.
 */
export const KNOWN_EXPORTER_PACKAGES: Readonly<Record<string, string>> = Object.freeze({
  otlp: '@lexigram/monitor-backend-otel',
});
