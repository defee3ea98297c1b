/**
 * The npm package that provides each backend type that core knows by name, so asking for one that
 * is not installed can say what to install.
 */
export const KNOWN_BACKEND_PACKAGES: Readonly<Record<string, string>> = Object.freeze({
  prometheus: '@lexigram/monitor-backend-prometheus',
  opentelemetry: '@lexigram/monitor-backend-otel',
});
