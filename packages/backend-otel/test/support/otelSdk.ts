import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A scenario for OpenTelemetry's own SDK, run by `test/fixtures/otelSdkSender.cjs`. */
export type SdkScenario =
  | {
      signal: 'traces';
      url: string;
      resource: Record<string, string>;
      scope: { name: string; version?: string | undefined };
      children: number;
    }
  | {
      signal: 'metrics';
      url: string;
      resource: Record<string, string>;
      scope: { name: string };
      rounds: number;
    };

/**
 * Record and export `scenario` with OpenTelemetry's SDK and its OTLP/HTTP protobuf exporter, in
 * a child `node` process (asynchronously, so the receiver in this process can answer).
 */
export async function sendWithOtelSdk(scenario: SdkScenario): Promise<void> {
  const script = join(__dirname, '..', 'fixtures', 'otelSdkSender.cjs');
  const { stdout } = await run(process.execPath, [script, JSON.stringify(scenario)], {
    cwd: join(__dirname, '..', '..'),
    timeout: 30_000,
  });
  if (!stdout.includes('done')) throw new Error(`OpenTelemetry SDK sender failed: ${stdout}`);
}
