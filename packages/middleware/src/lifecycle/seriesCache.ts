import type { BoundObserver, HistogramProtocol } from '@lexigram/monitor-core';
import { HTTP_LABEL_NAMES, UNMATCHED_ROUTE } from './metricNames.js';
import { methodName } from './semconv.js';

/**
 * Bound histogram series by route, then by method and status, so recording a request is two Map
 * lookups and no allocation once the series exists. The number of routes is capped: routes past
 * the cap share the unmatched series, so a bad adapter cannot grow memory without bound.
 */
export class SeriesCache {
  private readonly byRoute = new Map<string, Map<number, BoundObserver>>();

  constructor(
    private readonly histogram: HistogramProtocol,
    private readonly maxRoutes: number,
  ) {}

  /** The series of (`route` or unmatched, method index, status). */
  get(route: string | undefined, method: number, status: number): BoundObserver {
    const routeLabel = route ?? UNMATCHED_ROUTE;
    let byKey = this.byRoute.get(routeLabel);
    if (byKey === undefined) {
      if (this.byRoute.size >= this.maxRoutes && routeLabel !== UNMATCHED_ROUTE) {
        return this.get(undefined, method, status);
      }
      byKey = new Map();
      this.byRoute.set(routeLabel, byKey);
    }
    // Status codes are three digits. Anything else (Node never sends it) is looked up without
    // the cache: a shared key would record it under whichever odd status came first.
    if (!(status >= 0 && status < 1000)) return this.lookUp(routeLabel, method, status);
    const key = method * 1000 + status;
    let series = byKey.get(key);
    if (series === undefined) {
      series = this.lookUp(routeLabel, method, status);
      byKey.set(key, series);
    }
    return series;
  }

  private lookUp(route: string, method: number, status: number): BoundObserver {
    return this.histogram.labels({
      [HTTP_LABEL_NAMES.method]: methodName(method),
      [HTTP_LABEL_NAMES.route]: route,
      [HTTP_LABEL_NAMES.status]: String(status),
    });
  }
}
