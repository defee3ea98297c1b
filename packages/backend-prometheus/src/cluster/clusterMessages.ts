import type { MetricFamily } from '@lexigram/monitor-core';

/** IPC message the primary sends to ask a worker for its snapshot. */
export const COLLECT_REQUEST = 'lexigram:metrics:collect';
/** IPC message a worker answers with. */
export const COLLECT_REPLY = 'lexigram:metrics:reply';

/** Primary → worker. */
export interface CollectRequest {
  readonly type: typeof COLLECT_REQUEST;
  readonly id: number;
}

/** Worker → primary: the snapshot, encoded by {@link encodeFamilies}. */
export interface CollectReply {
  readonly type: typeof COLLECT_REPLY;
  readonly id: number;
  readonly families: string;
}

// Node's default IPC serialization is JSON, which turns NaN and ±Infinity (every histogram's
// last bucket) into null; they travel as marked strings instead.
const MARK = '\u0000';

/** Families as a string that survives JSON IPC, non-finite numbers included. */
export function encodeFamilies(families: readonly MetricFamily[]): string {
  return JSON.stringify(families, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? `${MARK}${String(value)}` : value,
  );
}

/** The inverse of {@link encodeFamilies}. */
export function decodeFamilies(text: string): MetricFamily[] {
  return JSON.parse(text, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(MARK) ? Number(value.slice(1)) : value,
  ) as MetricFamily[];
}

/** True when `message` is a {@link CollectRequest}. */
export function isCollectRequest(message: unknown): message is CollectRequest {
  return (message as CollectRequest | null)?.type === COLLECT_REQUEST;
}

/** True when `message` is a {@link CollectReply}. */
export function isCollectReply(message: unknown): message is CollectReply {
  return (message as CollectReply | null)?.type === COLLECT_REPLY;
}
