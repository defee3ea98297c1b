/**
 * Monitoring backends known by name. `Memory` and `NoOp` are built into core; the others come
 * from separately installed packages (see {@link KNOWN_BACKEND_PACKAGES}).
 */
export const BackendType = {
  Memory: 'memory',
  NoOp: 'noop',
  Prometheus: 'prometheus',
  OpenTelemetry: 'opentelemetry',
} as const;

/**
 * A backend type: one of the known names, or the name a third-party backend package registers.
 */

export type BackendType = (typeof BackendType)[keyof typeof BackendType] | (string & {});
