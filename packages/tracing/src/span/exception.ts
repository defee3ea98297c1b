import type { AttributeValue } from '@lexigram/monitor-core';

/** What describes a thrown value that cannot be read (revoked proxy, throwing getters). */
const UNREADABLE = 'unreadable thrown value';

/**
 * OpenTelemetry's exception attributes for `error`: `exception.type`, `exception.message` and
 * `exception.stacktrace`. Works for anything thrown, not only `Error`s, and never throws: a
 * value whose getters throw (or a revoked proxy) is described as unreadable.
 */
export function exceptionAttributes(error: unknown): Record<string, AttributeValue> {
  try {
    return readExceptionAttributes(error);
  } catch {
    return { 'exception.type': 'unknown', 'exception.message': UNREADABLE };
  }
}

function readExceptionAttributes(error: unknown): Record<string, AttributeValue> {
  if (error instanceof Error) {
    const attributes: Record<string, AttributeValue> = {
      'exception.type': error.name || error.constructor?.name || 'Error',
      'exception.message': String(error.message),
    };
    if (typeof error.stack === 'string') attributes['exception.stacktrace'] = error.stack;
    return attributes;
  }
  if (error !== null && typeof error === 'object') {
    const message = (error as { message?: unknown }).message;
    return {
      'exception.type': error.constructor?.name ?? 'Object',
      'exception.message': typeof message === 'string' ? message : safeString(error),
    };
  }
  return { 'exception.type': typeof error, 'exception.message': safeString(error) };
}

/** A short message for an error, for a span's status description. Never throws. */
export function errorMessage(error: unknown): string {
  try {
    return readErrorMessage(error);
  } catch {
    return UNREADABLE;
  }
}

function readErrorMessage(error: unknown): string {
  if (error instanceof Error) return String(error.message || error.name);
  if (error !== null && typeof error === 'object') {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return safeString(error);
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
