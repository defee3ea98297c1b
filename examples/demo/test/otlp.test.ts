import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runDemo } from './support/runDemo.js';

describe('examples/demo: otlp section', () => {
  it('ships spans and metrics to a stand-in collector when no endpoint is set', () => {
    const saved = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    try {
      const out = runDemo('otlp');
      expect(out).toContain('=== otlp: spans and metrics to an OTLP endpoint ===');
      expect(out).toContain('spans: 3 exported, 0 dropped');
      expect(out).toContain('metric data points: 2 exported, 0 dropped');
      expect(out).toContain(
        'collector received 3 spans and metrics demo_orders_total, demo_checkout_seconds',
      );
    } finally {
      if (saved !== undefined) process.env.OTEL_EXPORTER_OTLP_ENDPOINT = saved;
    }
  });

  it('sends to the endpoint given by OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    const paths: string[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      req.resume();
      req.on('end', () => {
        paths.push(`${req.url} ${req.headers['content-type']}`);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      // Asynchronously, so the receiver in this process can answer.
      const { stdout } = await promisify(execFile)('pnpm', ['exec', 'tsx', 'src/main.ts', 'otlp'], {
        cwd: join(__dirname, '..'),
        env: {
          ...process.env,
          LEX_ENV: '',
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        },
        timeout: 120_000,
      });
      expect(stdout).toContain(`sending to OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:${port}`);
      expect(stdout).toContain('spans: 3 exported, 0 dropped');
      expect(paths.sort()).toEqual([
        '/v1/metrics application/x-protobuf',
        '/v1/traces application/x-protobuf',
      ]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
