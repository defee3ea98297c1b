import { durationMsSchema } from '@lexigram/monitor-core/internal';
import { z } from 'zod';

/**
 * A whole number of milliseconds of at least `min`, up to the longest delay a Node.js timer
 * honours (core's one duration rule).
 */
export function millis(_field: string, min = 1): z.ZodType<number> {
  return durationMsSchema({ integer: true, min });
}

/** A whole count of at least `min`, with a message that names the field. */
export function count(field: string, min = 1): z.ZodNumber {
  return z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${min}` });
}
