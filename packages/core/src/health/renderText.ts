import type { HealthReport } from '../model/healthCheckResult.js';
import { HealthStatus } from '../model/healthStatus.js';
import type { HealthResponse, RenderOptions } from './healthResponse.js';
import { cleanMessage } from './sanitize.js';

/** Options of {@link renderText}. */
export interface TextRenderOptions extends RenderOptions {
  /** Name in the last line, as Kubernetes' `livez` / `readyz`. Default `'health'`. */
  readonly probeName?: string;
  /** List every check (Kubernetes' `?verbose`). Default true; when off a passing probe is `ok`. */
  readonly verbose?: boolean;
}

/**
 * Kubernetes-style text (as `/readyz?verbose`), `text/plain`: one line per check, `[+]name ok`,
 * `[+]name degraded: reason` or `[-]name failed: reason` (`reason withheld` when details are
 * hidden), then `<probe> check passed` (200; degraded passes) or `<probe> check failed` (503).
 * A failing probe always lists its checks, as Kubernetes does.
 */
export function renderText(report: HealthReport, options: TextRenderOptions = {}): HealthResponse {
  const includeDetails = options.includeDetails ?? true;
  const probe = options.probeName ?? 'health';
  const passed = report.status === HealthStatus.Healthy || report.status === HealthStatus.Degraded;
  const contentType = 'text/plain; charset=utf-8';
  if (passed && options.verbose === false) return { statusCode: 200, contentType, body: 'ok\n' };
  const lines = Object.entries(report.checks).map(([name, result]) => {
    const reason = includeDetails ? oneLine(result.message) : 'reason withheld';
    if (result.status === HealthStatus.Healthy) return `[+]${name} ok`;
    if (result.status === HealthStatus.Degraded) {
      return reason ? `[+]${name} degraded: ${reason}` : `[+]${name} degraded`;
    }
    return `[-]${name} failed: ${reason || 'no reason given'}`;
  });
  lines.push(`${probe} check ${passed ? 'passed' : 'failed'}`);
  return { statusCode: passed ? 200 : 503, contentType, body: `${lines.join('\n')}\n` };
}

function oneLine(message: string | undefined): string {
  return message === undefined ? '' : cleanMessage(message).replace(/\s*[\r\n]+\s*/g, ' ');
}
