import { createServer, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { readCapped } from '../../src/internal/index.js';

const CAP = 1000;

/** A web stream serving `sizes` chunks of 'b', then closing; records whether it was cancelled. */
function webBody(sizes: readonly number[]): {
  stream: ReadableStream<Uint8Array>;
  cancelled: () => boolean;
} {
  let served = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = sizes[served++];
      if (size === undefined) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(98));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

/** A web stream that never ends: a new 256-byte chunk on every pull, for ever. */
function endlessWebBody(): {
  stream: ReadableStream<Uint8Array>;
  pulls: () => number;
  cancelled: () => boolean;
} {
  let pulls = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      controller.enqueue(new Uint8Array(256).fill(97));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulls: () => pulls, cancelled: () => cancelled };
}

/** A Node stream that never ends: 256 bytes on every read, for ever. */
function endlessNodeBody(): { stream: Readable; reads: () => number } {
  let reads = 0;
  const stream = new Readable({
    read() {
      reads++;
      this.push(Buffer.alloc(256, 97));
    },
  });
  return { stream, reads: () => reads };
}

describe('readCapped', () => {
  it.each([
    ['just under the cap', CAP - 1, CAP - 1],
    ['at the cap', CAP, CAP],
    ['just over the cap', CAP + 1, CAP],
    ['far over the cap', 50 * CAP, CAP],
    ['empty', 0, 0],
  ])(
    '%s: a %i-byte body reads as %i bytes, from a web stream, a Response and a Node stream',
    async (_, size, expected) => {
      const chunks =
        size === 0
          ? []
          : [Math.ceil(size / 3), Math.ceil(size / 3), size - 2 * Math.ceil(size / 3)].filter(
              (n) => n > 0,
            );
      const web = webBody(chunks);
      expect(await readCapped(web.stream, CAP)).toBe('b'.repeat(expected));
      expect(await readCapped(new Response(webBody(chunks).stream), CAP)).toBe(
        'b'.repeat(expected),
      );
      const node = Readable.from(chunks.map((n) => Buffer.alloc(n, 98)));
      expect(await readCapped(node, CAP)).toBe('b'.repeat(expected));
      expect(node.destroyed).toBe(true);
    },
  );

  it('returns at most the cap, and everything under it, for any body size and chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 3000 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 5000 }),
        async (sizes, cap) => {
          const total = sizes.reduce((a, b) => a + b, 0);
          const web = webBody(sizes);
          expect((await readCapped(web.stream, cap)).length).toBe(Math.min(cap, total));
          const node = Readable.from(sizes.map((n) => Buffer.alloc(n, 98)));
          expect((await readCapped(node, cap)).length).toBe(Math.min(cap, total));
          expect(node.destroyed).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a body that never ends: stops at the cap and cancels the web stream', async () => {
    const body = endlessWebBody();
    expect(await readCapped(body.stream, CAP)).toBe('a'.repeat(CAP));
    expect(body.cancelled()).toBe(true);
    // It stopped pulling right after the cap (ceil(1000 / 256) = 4 chunks, plus the queue's one).
    expect(body.pulls()).toBeLessThanOrEqual(6);
  });

  it('a body that never ends: stops at the cap and destroys the Node stream', async () => {
    const body = endlessNodeBody();
    expect(await readCapped(body.stream, CAP)).toBe('a'.repeat(CAP));
    expect(body.stream.destroyed).toBe(true);
    // Node reads ahead up to its high-water mark (16 KB), never without bound.
    expect(body.reads()).toBeLessThan(100);
  });

  it('a stream that errors: returns what was read before the error, never rejects', async () => {
    let step = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (step++ === 0) controller.enqueue(new TextEncoder().encode('partial'));
        else controller.error(new Error('connection reset'));
      },
    });
    expect(await readCapped(failing, CAP)).toBe('partial');
    const failsAtOnce = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new Error('boom'));
      },
    });
    expect(await readCapped(failsAtOnce, CAP)).toBe('');
    const node = new Readable({ read() {} });
    node.push('partial');
    setImmediate(() => node.destroy(new Error('socket hang up')));
    expect(await readCapped(node, CAP)).toBe('partial');
    expect(node.destroyed).toBe(true);
  });

  it('a body that stalls below the cap: the signal stops the read and drops the stream', async () => {
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('so far'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const reading = readCapped(stalled, CAP, { signal: controller.signal });
    setImmediate(() => controller.abort());
    expect(await reading).toBe('so far');
    expect(cancelled).toBe(true);
    const node = new Readable({ read() {} });
    node.push('so far');
    const nodeAbort = new AbortController();
    const nodeReading = readCapped(node, CAP, { signal: nodeAbort.signal });
    setImmediate(() => nodeAbort.abort());
    expect(await nodeReading).toBe('so far');
    expect(node.destroyed).toBe(true);
    expect(
      await readCapped(new Readable({ read() {} }), CAP, { signal: AbortSignal.abort() }),
    ).toBe('');
  });

  it('does not split a multi-byte character at the cap, and reads no body as empty', async () => {
    // 'é' is two bytes: a cap of 4 bytes holds 'aé' and half of the next 'é', which is left out.
    const body = endlessWebBody();
    expect(await readCapped(new Response('aéé'), 4)).toBe('aé');
    expect(await readCapped(new Response('aéé'), 5)).toBe('aéé');
    expect(await readCapped(new Response(null, { status: 204 }), CAP)).toBe('');
    expect(await readCapped(undefined, CAP)).toBe('');
    expect(await readCapped(null, CAP)).toBe('');
    expect(await readCapped(body.stream, 0)).toBe('');
    expect(body.cancelled()).toBe(true);
    expect(() => readCapped(null, -1)).toThrow(RangeError);
    expect(() => readCapped(null, 1.5)).toThrow(/maxBytes must be a non-negative integer/);
  });

  it('a real server sending an endless body: the read stops at the cap and the connection is closed', async () => {
    let closed = false;
    let written = 0;
    const server: Server = createServer((_req, res: ServerResponse) => {
      res.writeHead(500);
      const chunk = Buffer.alloc(64 * 1024, 97);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
      };
      res.on('drain', pump);
      res.on('close', () => (closed = true));
      pump();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(await readCapped(response, 4096)).toBe('a'.repeat(4096));
      await new Promise<void>((resolve) => {
        const check = (): void => (closed ? resolve() : void setTimeout(check, 5));
        check();
      });
      expect(closed).toBe(true);
      // Back-pressure stopped the server long before anything like an unbounded body.
      expect(written).toBeLessThan(64 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
