/**
 * The `q` quantile (0..1) of observations counted per bucket, by linear interpolation inside the
 * bucket that holds it, as Prometheus' `histogram_quantile` does. `bounds` are the buckets' upper
 * bounds (ascending, the last may be `+Inf`), `counts` the observations in each bucket (not
 * cumulative). A quantile in the `+Inf` bucket is the highest finite bound. NaN with no data.
 */
export function bucketQuantile(
  q: number,
  bounds: ArrayLike<number>,
  counts: ArrayLike<number>,
): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  if (total <= 0) return Number.NaN;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const inBucket = counts[i] ?? 0;
    if (seen + inBucket >= rank && inBucket > 0) {
      const upper = bounds[i] ?? Number.POSITIVE_INFINITY;
      const lower = i === 0 ? 0 : (bounds[i - 1] ?? 0);
      if (!Number.isFinite(upper)) return lower;
      return lower + (upper - lower) * ((rank - seen) / inBucket);
    }
    seen += inBucket;
  }
  return bounds.length > 0 ? bounds[bounds.length - 1]! : Number.NaN;
}
