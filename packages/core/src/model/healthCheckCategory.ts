/**
 * The role of a health check in the Kubernetes health model.
 *
 * - `Liveness`: the process is alive (not deadlocked); failure gets it restarted.
 * - `Readiness`: it can take traffic; failure takes it out of the load balancer.
 * - `Startup`: it finished starting; after the first success probes switch to liveness/readiness.
 *
 * Checks registered without a category count as `Readiness`.
 */
export const HealthCheckCategory = {
  Liveness: 'liveness',
  Readiness: 'readiness',
  Startup: 'startup',
} as const;

/** One of `'liveness' | 'readiness' | 'startup'`. */
export type HealthCheckCategory = (typeof HealthCheckCategory)[keyof typeof HealthCheckCategory];
