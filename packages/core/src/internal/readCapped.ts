import type { Readable } from 'node:stream';

/** A response body {@link readCapped} reads: a fetch `Response`, its body, or a Node stream. */
export type CappedBodySource = Response | ReadableStream<Uint8Array> | Readable | null | undefined;

/** Options of {@link readCapped}. */
export interface ReadCappedOptions {
  /** Stop reading (and drop the stream) when this aborts, e.g. a stalled body past a deadline. */
  readonly signal?: AbortSignal;
}

/**
 * Up to `maxBytes` bytes of a response body, decoded as UTF-8 (a character the cap cuts in two
 * is left out). The body is read chunk by chunk and never buffered past the cap; once the cap is
 * reached, the body ends or errors, or `signal` aborts, the stream is cancelled (web) or
 * destroyed (Node), which also frees the connection. A body that never ends, or a huge one (a
 * proxy's error page, a wrong URL), therefore costs at most `maxBytes` plus one chunk. Never
 * rejects: whatever was read before a failure is returned. An invalid `maxBytes` (a bug in the
 * caller) throws a RangeError at once.
 *
 * @example
 * ```ts
 * const text = res.ok ? '' : await readCapped(res, 4096);
 * ```
 */
export function readCapped(
  source: CappedBodySource,
  maxBytes: number,
  options: ReadCappedOptions = {},
): Promise<string> {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`readCapped: maxBytes must be a non-negative integer, got ${maxBytes}.`);
  }
  return readBody(source, maxBytes, options.signal);
}

async function readBody(
  source: CappedBodySource,
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<string> {
  const body = bodyOf(source);
  if (body === undefined) return '';
  const chunks: Uint8Array[] = [];
  const keep = (chunk: Uint8Array, size: number): number => {
    const room = maxBytes - size;
    chunks.push(chunk.byteLength > room ? chunk.subarray(0, room) : chunk);
    return size + Math.min(chunk.byteLength, room);
  };
  if (isWebStream(body)) await readWeb(body, maxBytes, signal, keep);
  else await readNode(body, maxBytes, signal, keep);
  // `stream: true` holds back a trailing incomplete UTF-8 sequence instead of mangling it.
  return new TextDecoder().decode(Buffer.concat(chunks), { stream: true });
}

type Keep = (chunk: Uint8Array, size: number) => number;

// Duck-typed, not `instanceof`: a Response or stream may come from another undici or realm.
function bodyOf(source: CappedBodySource): ReadableStream<Uint8Array> | Readable | undefined {
  if (source === null || source === undefined) return undefined;
  if (isWebStream(source) || typeof (source as Readable).on === 'function') {
    return source as ReadableStream<Uint8Array> | Readable;
  }
  return (source as Response).body ?? undefined;
}

function isWebStream(body: object): body is ReadableStream<Uint8Array> {
  return typeof (body as ReadableStream).getReader === 'function';
}

async function readWeb(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  signal: AbortSignal | undefined,
  keep: Keep,
): Promise<void> {
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader();
  } catch {
    return; // Locked or already read by someone else: nothing of it is ours to read.
  }
  const stop = (): void => {
    reader.cancel().catch(() => {});
  };
  signal?.addEventListener('abort', stop, { once: true });
  let size = 0;
  try {
    while (size < maxBytes && signal?.aborted !== true) {
      const chunk = await reader.read();
      if (chunk.done) break;
      if (chunk.value !== undefined) size = keep(chunk.value, size);
    }
  } catch {
    // A body cut off mid-way: what was read is all there is.
  } finally {
    signal?.removeEventListener('abort', stop);
    stop();
  }
}

async function readNode(
  body: Readable,
  maxBytes: number,
  signal: AbortSignal | undefined,
  keep: Keep,
): Promise<void> {
  const stop = (): void => {
    body.destroy();
  };
  if (signal?.aborted === true) return stop();
  signal?.addEventListener('abort', stop, { once: true });
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      size = keep(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, size);
      if (size >= maxBytes) break;
    }
  } catch {
    // Destroyed by the signal, or a body cut off mid-way: what was read is all there is.
  } finally {
    signal?.removeEventListener('abort', stop);
    stop();
  }
}
