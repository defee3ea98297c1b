/** One route's figures read back from a Prometheus exposition. */
export interface RouteFigures {
  readonly route: string;
  readonly count: number;
  readonly errors: number;
  readonly p50Seconds: number;
  readonly p99Seconds: number;
}

interface Buckets {
  count: number;
  errors: number;
  bounds: Map<number, number>;
}

const LINE = /^([a-zA-Z_:][\w:]*)\{([^}]*)\}\s+(\S+)/;

function labelsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

/**
 * Per-route request count, 5xx count and p50 / p99 (linear interpolation inside the bucket, as
 * PromQL's `histogram_quantile` does) of `metric` in a Prometheus text exposition.
 */
export function routeFigures(
  exposition: string,
  metric = 'http_server_request_duration_seconds',
): RouteFigures[] {
  const routes = new Map<string, Buckets>();
  for (const line of exposition.split('\n')) {
    const m = LINE.exec(line);
    if (!m || (m[1] !== `${metric}_bucket` && m[1] !== `${metric}_count`)) continue;
    const labels = labelsOf(m[2]!);
    const route = labels['http_route'] ?? '?';
    const entry = routes.get(route) ?? { count: 0, errors: 0, bounds: new Map() };
    routes.set(route, entry);
    const value = Number(m[3]);
    if (m[1] === `${metric}_count`) {
      entry.count += value;
      if (Number(labels['http_response_status_code'] ?? 0) >= 500) entry.errors += value;
    } else {
      const le = labels['le'] === '+Inf' ? Infinity : Number(labels['le']);
      entry.bounds.set(le, (entry.bounds.get(le) ?? 0) + value);
    }
  }
  return [...routes].map(([route, b]) => ({
    route,
    count: b.count,
    errors: b.errors,
    p50Seconds: quantile(0.5, b.bounds),
    p99Seconds: quantile(0.99, b.bounds),
  }));
}

function quantile(q: number, bounds: Map<number, number>): number {
  const sorted = [...bounds].sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  let prevBound = 0;
  let prevCount = 0;
  for (const [bound, count] of sorted) {
    if (count >= rank) {
      if (bound === Infinity) return prevBound;
      return prevBound + ((bound - prevBound) * (rank - prevCount)) / (count - prevCount || 1);
    }
    prevBound = bound;
    prevCount = count;
  }
  return prevBound;
}

/** The value of an unlabelled (or first) series of `name`. */
export function firstValue(exposition: string, name: string): number | undefined {
  const re = new RegExp(`^${name}(?:\\{[^}]*\\})?\\s+(\\S+)`, 'm');
  const m = re.exec(exposition);
  return m ? Number(m[1]) : undefined;
}
