import { toMetricName } from '../validation/names.js';

/**
 * The default metric name of a metered function. The reference names it
 * `{module}.{qualname}.duration`, but Prometheus names cannot contain dots, so every character a
 * metric name forbids becomes `_`: `orders.OrderService.place.duration` →
 * `orders_OrderService_place_duration`. Without a module it is `{qualname}_duration`.
 */
export function defaultMeteredName(qualname: string, module?: string): string {
  const parts = module ? [module, qualname, 'duration'] : [qualname, 'duration'];
  return toMetricName(parts.join('.'));
}
