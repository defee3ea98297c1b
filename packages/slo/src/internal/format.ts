const UNITS: readonly (readonly [number, string])[] = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'm'],
  [1000, 's'],
];

/** `3_600_000` → `1h`, `90_000` → `90s`, `1500` → `1500ms`: the largest unit that divides. */
export function formatDurationMs(ms: number): string {
  for (const [size, unit] of UNITS) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** `0.99` → `p99`, `0.999` → `p99.9`, `0.5` → `p50`. */
export function percentileLabel(percentile: number): string {
  return `p${Number((percentile * 100).toFixed(4))}`;
}

/** A number for a human message: up to `digits` decimals, trailing zeros dropped. */
export function formatNumber(value: number, digits = 2): string {
  return Number.isFinite(value) ? String(Number(value.toFixed(digits))) : String(value);
}

/** A context value as text for a chat message or an annotation. */
export function displayValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
    case 'bigint':
    case 'boolean':
    case 'undefined':
      return String(value);
    default:
      if (value === null) return 'null';
      if (value instanceof Date) return value.toISOString();
      try {
        return JSON.stringify(value) ?? typeof value;
      } catch {
        return Object.prototype.toString.call(value);
      }
  }
}
