import type { z } from 'zod';
import { MonitorConfigError, type ConfigFieldError } from '../errors/configError.js';
import { MonitorConfigSchema } from './monitorConfig.js';

/** Prefix of the environment variables read by {@link configFromEnv}. */
export const ENV_PREFIX = 'LEX_MONITOR_';

/** Environment variables mapped to a config path outside the `LEX_MONITOR_` scheme. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  LEX_ENV: ['environment'],
  OTEL_SERVICE_NAME: ['tracing', 'serviceName'],
  OTEL_EXPORTER_OTLP_ENDPOINT: ['opentelemetry', 'endpoint'],
};

/** A config object read from the environment, and which variable set which path. */
export interface EnvConfig {
  readonly values: Record<string, unknown>;
  readonly sources: ReadonlyMap<string, string>;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Read configuration from environment variables.
 *
 * - `LEX_MONITOR_<FIELD>` sets a top-level field: `LEX_MONITOR_BACKEND_TYPE=prometheus`.
 * - `LEX_MONITOR_<SECTION>__<FIELD>` sets a section field: `LEX_MONITOR_TRACING__SAMPLE_RATE=0.1`.
 * - `LEX_ENV` sets `environment`; `OTEL_SERVICE_NAME` and `OTEL_EXPORTER_OTLP_ENDPOINT` set
 *   `tracing.serviceName` and `opentelemetry.endpoint`.
 *
 * Values are converted by the field's type: numbers, booleans (`true/false/1/0/yes/no/on/off`),
 * lists (JSON or comma-separated) and maps (JSON or `k=v,k2=v2`). An unknown variable under the
 * prefix is a {@link MonitorConfigError} naming it.
 */
export function configFromEnv(env: Env = process.env): EnvConfig {
  const values: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  const unknown: ConfigFieldError[] = [];

  const assign = (path: readonly string[], raw: string, variable: string): void => {
    const schema = schemaAt(path);
    if (!schema) {
      unknown.push({
        path: path.join('.'),
        message: `unknown setting from environment variable ${variable}: remove it or check its spelling`,
      });
      return;
    }
    let target = values;
    for (const key of path.slice(0, -1)) {
      target = (target[key] ??= {}) as Record<string, unknown>;
    }
    target[path[path.length - 1]!] = coerce(raw, schema);
    sources.set(path.join('.'), variable);
  };

  for (const [variable, path] of Object.entries(ALIASES)) {
    const raw = env[variable];
    if (raw !== undefined && raw !== '') assign(path, raw, variable);
  }
  for (const [variable, raw] of Object.entries(env)) {
    if (!variable.startsWith(ENV_PREFIX) || raw === undefined) continue;
    const path = variable
      .slice(ENV_PREFIX.length)
      .split('__')
      .map((part) => camelCase(part));
    assign(path, raw, variable);
  }
  if (unknown.length > 0) throw new MonitorConfigError(unknown, { source: 'environment' });
  return { values, sources };
}

function camelCase(screaming: string): string {
  return screaming.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The zod type at `path` of MonitorConfigSchema, wrappers (default, optional) removed. */
function schemaAt(path: readonly string[]): z.core.$ZodType | undefined {
  let current: z.core.$ZodType | undefined = MonitorConfigSchema;
  for (const key of path) {
    current = unwrap(current);
    const def = current._zod.def as { type: string; shape?: Record<string, z.core.$ZodType> };
    if (
      def.type !== 'object' ||
      !def.shape ||
      !Object.prototype.hasOwnProperty.call(def.shape, key)
    ) {
      return undefined;
    }
    current = def.shape[key];
    if (!current) return undefined;
  }
  return unwrap(current);
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType };
    if (def.innerType && ['default', 'prefault', 'optional', 'nullable'].includes(def.type)) {
      current = def.innerType;
    } else {
      return current;
    }
  }
}

function coerce(raw: string, schema: z.core.$ZodType): unknown {
  const def = schema._zod.def as { type: string; element?: z.core.$ZodType };
  const text = raw.trim();
  switch (def.type) {
    case 'number': {
      const n = Number(text);
      return text !== '' && !Number.isNaN(n) ? n : raw;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(lower)) return true;
      if (['false', '0', 'no', 'off'].includes(lower)) return false;
      return raw;
    }
    case 'array': {
      if (text.startsWith('[')) return parseJson(text);
      const items =
        text === ''
          ? []
          : text
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== '');
      return def.element ? items.map((item) => coerce(item, unwrap(def.element!))) : items;
    }
    case 'record': {
      if (text.startsWith('{')) return parseJson(text);
      const map: Record<string, string> = {};
      for (const pair of text.split(',')) {
        const eq = pair.indexOf('=');
        if (eq > 0) map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
        else if (pair.trim() !== '') return raw; // let validation name the field
      }
      return map;
    }
    default:
      return raw;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // not JSON: validation reports the field with the variable that set it
  }
}
