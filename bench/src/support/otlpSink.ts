/**
 * A loopback OTLP/HTTP sink for the OTLP bench: reads each request body in full and answers 200
 * with an empty body, as a collector that accepts everything would. It does not decode, so the
 * bench measures the exporters, not the receiver.
 */
import { createServer, type Server } from 'node:http';

/** Start the sink on a free port; returns its base URL, the bytes it got, and a close function. */
export async function startOtlpSink(): Promise<{
  url: string;
  bytes: () => number;
  close: () => Promise<void>;
}> {
  let received = 0;
  const server: Server = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
