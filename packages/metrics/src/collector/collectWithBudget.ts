import type { CollectableMetric, MetricFamily } from '@lexigram/monitor-core';
import { MetricCollectionError } from '@lexigram/monitor-core';
import { isPromiseLike, withTimeout } from '@lexigram/monitor-core/internal';

/**
 * Snapshot every metric: synchronous ones directly, asynchronous ones (gauge callbacks)
 * concurrently, each under `timeoutMs`. A metric whose collect throws, rejects or runs out of
 * time is left out and passed to `report`; the others are returned in order. Never rejects.
 */
export async function collectWithBudget(
  metrics: readonly CollectableMetric[],
  timeoutMs: number,
  report: (error: MetricCollectionError) => void,
): Promise<MetricFamily[]> {
  const results: (MetricFamily | undefined)[] = new Array<MetricFamily | undefined>(metrics.length);
  let pending: Promise<void>[] | undefined;
  for (let i = 0; i < metrics.length; i++) {
    const metric = metrics[i]!;
    let out: MetricFamily | Promise<MetricFamily>;
    try {
      out = metric.collect();
    } catch (error) {
      report(failed(metric.name, error));
      continue;
    }
    if (isPromiseLike<MetricFamily>(out)) {
      const index = i;
      (pending ??= []).push(
        settleWithin(metric.name, out, timeoutMs, report).then((family) => {
          results[index] = family;
        }),
      );
    } else {
      results[i] = out;
    }
  }
  if (pending !== undefined) await Promise.all(pending);
  const families: MetricFamily[] = [];
  for (const family of results) if (family !== undefined) families.push(family);
  return families;
}

async function settleWithin(
  metricName: string,
  promise: PromiseLike<MetricFamily>,
  timeoutMs: number,
  report: (error: MetricCollectionError) => void,
): Promise<MetricFamily | undefined> {
  // The timer is unref'd: a hung callback must not keep the process alive.
  const outcome = await withTimeout(promise, timeoutMs);
  if (outcome.status === 'fulfilled') return outcome.value;
  report(
    outcome.status === 'rejected'
      ? failed(metricName, outcome.reason)
      : new MetricCollectionError(
          metricName,
          `The collect callback of metric "${metricName}" did not settle within ${timeoutMs} ms, so it was left out of this collection. Make the callback faster, or raise collectTimeoutMs.`,
          { timedOut: true },
        ),
  );
  return undefined;
}

function failed(metricName: string, error: unknown): MetricCollectionError {
  const reason = error instanceof Error ? error.message : String(error);
  return new MetricCollectionError(
    metricName,
    `The collect callback of metric "${metricName}" failed (${reason}), so it was left out of this collection; the other metrics were collected. Fix the callback.`,
    { cause: error },
  );
}
