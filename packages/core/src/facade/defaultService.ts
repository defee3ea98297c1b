import { processSingleton } from '../internal/processSingleton.js';
import { ObservabilityService } from './observabilityService.js';

interface Holder {
  service: ObservabilityService;
}

const holder: Holder = processSingleton(
  '@lexigram/monitor-core/defaultObservability',
  () => ({ service: new ObservabilityService() }),
  (existing) => typeof (existing as Partial<Holder> | undefined)?.service?.span === 'function',
);

/**
 * The process-wide default {@link ObservabilityService}, the one decorators such as `traced` and
 * `metered` use when given none. Until {@link setObservability} is called it runs on no-ops.
 * Shared by every copy of core loaded in the process.
 */
export function getObservability(): ObservabilityService {
  return holder.service;
}

/** Make `service` the process-wide default; returns the previous one. */
export function setObservability(service: ObservabilityService): ObservabilityService {
  const previous = holder.service;
  holder.service = service;
  return previous;
}

/** Restore the no-op default (for tests and shutdown). */
export function resetObservability(): void {
  holder.service = new ObservabilityService();
}
