import type { HealthReport } from '../model/healthCheckResult.js';
import type { HealthResponse } from './healthResponse.js';
import {
  HEALTH_JSON_CONTENT_TYPE,
  renderHealthJson,
  type HealthJsonOptions,
} from './renderHealthJson.js';
import { renderJson } from './renderJson.js';
import { renderText, type TextRenderOptions } from './renderText.js';

/** The response formats: the reference's JSON, IETF `health+json`, Kubernetes-style text. */
export type HealthFormat = 'json' | 'health+json' | 'text';

/** Options for any format (each renderer reads the ones it knows). */
export type AnyRenderOptions = HealthJsonOptions & TextRenderOptions;

/** Render `report` in `format`. */
export function renderHealth(
  report: HealthReport,
  format: HealthFormat,
  options: AnyRenderOptions = {},
): HealthResponse {
  if (format === 'health+json') return renderHealthJson(report, options);
  if (format === 'text') return renderText(report, options);
  return renderJson(report, options);
}

const BY_MEDIA_TYPE: ReadonlyMap<string, HealthFormat> = new Map([
  [HEALTH_JSON_CONTENT_TYPE, 'health+json'],
  ['text/plain', 'text'],
  ['application/json', 'json'],
  ['application/*', 'json'],
  ['*/*', 'json'],
]);

/**
 * The format an `Accept` header asks for: the supported media type with the highest `q`
 * (earlier wins a tie); `json` when the header is absent or names nothing supported.
 *
 * @example
 * ```ts
 * healthFormatFromAccept('application/health+json'); // 'health+json'
 * healthFormatFromAccept('text/plain;q=0.9, application/json;q=0.5'); // 'text'
 * ```
 */
export function healthFormatFromAccept(accept: string | undefined | null): HealthFormat {
  if (!accept) return 'json';
  let best: HealthFormat = 'json';
  let bestQ = -1;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const format = BY_MEDIA_TYPE.get(type);
    if (format === undefined) continue;
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (Number.isFinite(q) && q > 0 && q > bestQ) {
      best = format;
      bestQ = q;
    }
  }
  return best;
}
