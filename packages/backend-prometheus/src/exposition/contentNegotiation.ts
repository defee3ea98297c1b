/** Content type of the Prometheus text format 0.0.4. */
export const PROMETHEUS_TEXT_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Content type of OpenMetrics 1.0 text. */
export const OPENMETRICS_CONTENT_TYPE =
  'application/openmetrics-text; version=1.0.0; charset=utf-8';

const OPENMETRICS_MENTIONED = /openmetrics/i;

/**
 * True when the `Accept` header prefers OpenMetrics 1.0 over the Prometheus text format, as
 * Prometheus' own scrape header does (`application/openmetrics-text;version=1.0.0,...;q=0.5`).
 * A `version` other than 1.0.x (0.0.1 is OpenMetrics' pre-release) does not count.
 */
export function prefersOpenMetrics(accept: string | undefined): boolean {
  // Media types are case-insensitive (RFC 9110), in this quick check as in the parse below.
  if (accept === undefined || !OPENMETRICS_MENTIONED.test(accept)) return false;
  let omQ = -1;
  let textQ = -1;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    let q = 1;
    let version: string | undefined;
    for (const param of params) {
      const eq = param.indexOf('=');
      const key = param.slice(0, eq).trim();
      const value = param.slice(eq + 1).trim();
      if (key === 'q') q = Number(value);
      else if (key === 'version') version = value;
    }
    if (!(q > 0)) continue;
    if (type === 'application/openmetrics-text') {
      if (version === undefined || version.startsWith('1.0')) omQ = Math.max(omQ, q);
    } else if (type === 'text/plain' || type === '*/*' || type === 'text/*') {
      textQ = Math.max(textQ, q);
    }
  }
  return omQ >= 0 && omQ >= textQ;
}
