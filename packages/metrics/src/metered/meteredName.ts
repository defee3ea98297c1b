/**
 * The default metric name of a metered function, as the reference names it:
 * `{module}.{qualname}.duration` (`orders.OrderService.place.duration`), or `{qualname}.duration`
 * without a module. Names keep their dots (a Prometheus exporter maps them to `_`); any other
 * character a metric name forbids becomes `_`, and a leading digit gets a `_` in front.
 */
export function defaultMeteredName(qualname: string, module?: string): string {
  const parts = module ? [module, qualname, 'duration'] : [qualname, 'duration'];
  const name = parts.join('.').replace(/[^a-zA-Z0-9_:./-]/g, '_');
  return /^[a-zA-Z_:]/.test(name) ? name : `_${name}`;
}
