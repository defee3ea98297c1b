import type { BoundObserver, HistogramProtocol, Labels } from '@lexigram/monitor-core';
import { SeriesCache } from '../../src/lifecycle/seriesCache.js';

/** A histogram whose `labels()` hands out a new series each call and records the labels. */
function fakeHistogram(): { histogram: HistogramProtocol; lookups: Labels[] } {
  const lookups: Labels[] = [];
  const histogram = {
    labels: (labels: Labels): BoundObserver => {
      lookups.push(labels);
      return { labels, observe: () => {} } as unknown as BoundObserver;
    },
  } as unknown as HistogramProtocol;
  return { histogram, lookups };
}

const labelsOf = (series: BoundObserver): unknown =>
  (series as unknown as { labels: Labels }).labels;

describe('SeriesCache', () => {
  it('looks a series up once, then hands out the same one', () => {
    const { histogram, lookups } = fakeHistogram();
    const cache = new SeriesCache(histogram, 10);
    const first = cache.get('/a', 0, 200);
    expect(cache.get('/a', 0, 200)).toBe(first);
    expect(lookups).toEqual([
      { 'http.request.method': 'GET', 'http.route': '/a', 'http.response.status_code': '200' },
    ]);
    // Status 0 and 999 are cached like any three-digit code.
    expect(cache.get('/a', 0, 0)).toBe(cache.get('/a', 0, 0));
    expect(cache.get('/a', 0, 999)).toBe(cache.get('/a', 0, 999));
    expect(lookups).toHaveLength(3);
  });

  it('keeps every method and status apart', () => {
    const { histogram } = fakeHistogram();
    const cache = new SeriesCache(histogram, 10);
    const pairs: [number, number][] = [
      [0, 200],
      [0, 404],
      [1, 200],
      [2, 0],
      [1, 999],
      [9, 200],
    ];
    for (const [method, status] of pairs) {
      expect(labelsOf(cache.get('/a', method, status))).toMatchObject({
        'http.request.method': ['GET', 'HEAD', 'POST'][method] ?? '_OTHER',
        'http.response.status_code': String(status),
      });
    }
  });

  it('records a status outside 0..999 under its own label, not a cached neighbour', () => {
    const { histogram, lookups } = fakeHistogram();
    const cache = new SeriesCache(histogram, 10);
    expect(labelsOf(cache.get('/a', 0, 1000))).toMatchObject({
      'http.request.method': 'GET',
      'http.response.status_code': '1000',
    });
    // 1000 on GET must not take the key of status 0 on HEAD, nor -1 that of status 0 on GET.
    expect(labelsOf(cache.get('/a', 1, 0))).toMatchObject({
      'http.request.method': 'HEAD',
      'http.response.status_code': '0',
    });
    expect(labelsOf(cache.get('/a', 0, 0))).toMatchObject({ 'http.response.status_code': '0' });
    expect(labelsOf(cache.get('/a', 0, -1))).toMatchObject({ 'http.response.status_code': '-1' });
    expect(labelsOf(cache.get('/a', 0, 1234))).toMatchObject({
      'http.response.status_code': '1234',
    });
    // -1 on HEAD must not take the key of 999 on GET either.
    expect(labelsOf(cache.get('/a', 1, -1))).toMatchObject({ 'http.response.status_code': '-1' });
    expect(labelsOf(cache.get('/a', 0, 999))).toMatchObject({
      'http.request.method': 'GET',
      'http.response.status_code': '999',
    });
    expect(lookups).toHaveLength(7);
  });

  it('sends routes past the cap, but not earlier ones, to the unmatched series', () => {
    const { histogram } = fakeHistogram();
    const cache = new SeriesCache(histogram, 2);
    cache.get('/a', 0, 200);
    cache.get(undefined, 0, 200);
    expect(labelsOf(cache.get('/b', 0, 200))).toMatchObject({ 'http.route': '_UNMATCHED' });
    expect(labelsOf(cache.get('/a', 0, 404))).toMatchObject({ 'http.route': '/a' });
  });
});
