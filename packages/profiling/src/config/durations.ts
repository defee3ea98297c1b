import { z } from 'zod';

/** A whole number of milliseconds of at least `min`, with a message that names the field. */
export function millis(field: string, min = 1): z.ZodNumber {
  return z
    .number({ error: `${field} must be a number of milliseconds` })
    .int({ error: `${field} must be a whole number of milliseconds` })
    .min(min, { error: `${field} must be at least ${min} ms` });
}

/** A whole count of at least `min`, with a message that names the field. */
export function count(field: string, min = 1): z.ZodNumber {
  return z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${min}` });
}
