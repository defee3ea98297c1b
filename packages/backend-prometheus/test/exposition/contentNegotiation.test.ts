import {
  OPENMETRICS_CONTENT_TYPE,
  PROMETHEUS_TEXT_CONTENT_TYPE,
  prefersOpenMetrics,
} from '../../src/exposition/contentNegotiation.js';
import { PrometheusExposition } from '../../src/exposition/prometheusExposition.js';

describe('content negotiation', () => {
  it('chooses OpenMetrics for the header Prometheus 2.42 sends', () => {
    const accept =
      'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';
    expect(prefersOpenMetrics(accept)).toBe(true);
    expect(new PrometheusExposition().contentType(accept)).toBe(OPENMETRICS_CONTENT_TYPE);
  });

  it('keeps text 0.0.4 by default, for text/plain, and when text is preferred', () => {
    expect(prefersOpenMetrics(undefined)).toBe(false);
    expect(prefersOpenMetrics('*/*')).toBe(false);
    expect(prefersOpenMetrics('text/plain;version=0.0.4')).toBe(false);
    expect(prefersOpenMetrics('text/plain;version=0.0.4,application/openmetrics-text;q=0.5')).toBe(
      false,
    );
    expect(prefersOpenMetrics('application/openmetrics-text;version=0.0.1')).toBe(false);
    expect(prefersOpenMetrics('application/openmetrics-text;q=0')).toBe(false);
    expect(new PrometheusExposition().contentType()).toBe(PROMETHEUS_TEXT_CONTENT_TYPE);
  });

  it('compares the best q of each side; a tie goes to OpenMetrics', () => {
    expect(prefersOpenMetrics('application/openmetrics-text;q=0.5,text/plain;q=0.5')).toBe(true);
    expect(prefersOpenMetrics('application/openmetrics-text;q=0.4,text/plain;q=0.5')).toBe(false);
    expect(prefersOpenMetrics('application/openmetrics-text;q=0.6,text/plain;q=0.5')).toBe(true);
    // text/* and */* count for the text format.
    expect(prefersOpenMetrics('application/openmetrics-text;q=0.4,text/*;q=0.5')).toBe(false);
    expect(prefersOpenMetrics('application/openmetrics-text;q=0.4,*/*;q=0.5')).toBe(false);
    // Other types count for neither.
    expect(prefersOpenMetrics('application/openmetrics-text;q=0.4,application/json')).toBe(true);
    // The best of several OpenMetrics entries counts, a pre-release version does not.
    expect(
      prefersOpenMetrics(
        'application/openmetrics-text;version=1.0.0;q=0.3,application/openmetrics-text;version=0.0.1,text/plain;q=0.5',
      ),
    ).toBe(false);
    expect(
      prefersOpenMetrics(
        'application/openmetrics-text;q=0.3,application/openmetrics-text;version=1.0.0;q=0.8,text/plain;q=0.5',
      ),
    ).toBe(true);
    expect(
      prefersOpenMetrics('text/plain;q=0.3,text/plain;q=0.9,application/openmetrics-text;q=0.8'),
    ).toBe(false);
  });

  it('reads media types in any case', () => {
    expect(prefersOpenMetrics('Application/OpenMetrics-Text;Version=1.0.0,text/plain;q=0.5')).toBe(
      true,
    );
    expect(prefersOpenMetrics('APPLICATION/OPENMETRICS-TEXT')).toBe(true);
    expect(prefersOpenMetrics('TEXT/PLAIN,application/openmetrics-text;q=0.5')).toBe(false);
  });

  it('reads parameters with spaces and in any case, and ignores ones without a value', () => {
    expect(
      prefersOpenMetrics('application/openmetrics-text ; Q = 0.5 ; charset , text/plain ; q = 0.4'),
    ).toBe(true);
    expect(
      prefersOpenMetrics(
        'application/openmetrics-text ; VERSION = 1.0.0 ; q = 0.4 , text/plain ; q=0.5',
      ),
    ).toBe(false);
    expect(prefersOpenMetrics('application/openmetrics-text; version = 0.0.1')).toBe(false);
    expect(prefersOpenMetrics('application/openmetrics-text; version = 1.0.0')).toBe(true);
    expect(prefersOpenMetrics('application/openmetrics-text;q=abc,text/plain;q=0.1')).toBe(false);
  });
});
