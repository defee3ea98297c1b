import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MonitorConfigError, type MonitorFault } from '@lexigram/monitor-core';
import { resolveOtlpOptions } from '../../src/config/resolveOtlpOptions.js';
import { isLoopbackHost } from '../../src/config/resolveTls.js';
import { OtlpSpanExporter } from '../../src/spans/otlpSpanExporter.js';
import { OtlpReceiver } from '../support/otlpReceiver.js';
import { makeSpans } from '../support/spans.js';

const tlsDir = join(__dirname, '..', 'fixtures', 'tls');
const key = readFileSync(join(tlsDir, 'collector-key.pem'));
const cert = readFileSync(join(tlsDir, 'collector-cert.pem'));

describe('insecure: plain HTTP off this machine', () => {
  const faultsFor = (
    options: ConstructorParameters<typeof OtlpSpanExporter>[0],
  ): MonitorFault[] => {
    const faults: MonitorFault[] = [];
    const exporter = new OtlpSpanExporter({
      env: false,
      ...options,
      onError: (f) => faults.push(f),
    });
    void exporter.shutdown();
    return faults;
  };

  it('is reported once per URL when not acknowledged, naming the fix', () => {
    const faults = faultsFor({
      url: 'http://collector.example:4318/v1/traces',
      headers: { k: 'v' },
    });
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({
      code: 'OTLP_PLAINTEXT_ENDPOINT',
      component: 'backend-otel.otlpSpanExporter',
      details: { url: 'http://collector.example:4318/v1/traces', headers: 1 },
    });
    expect(faults[0]!.message).toMatch(/use https, or set insecure: true/i);
    // A second exporter to the same collector says nothing new.
    expect(faultsFor({ url: 'http://collector.example:4318/v1/traces' })).toEqual([]);
  });

  it('is silent when acknowledged in code, in core config or by OTEL_EXPORTER_OTLP_INSECURE', () => {
    expect(faultsFor({ url: 'http://a.example:4318/v1/traces', insecure: true })).toEqual([]);
    expect(faultsFor({ config: { endpoint: 'http://b.example:4318', insecure: true } })).toEqual(
      [],
    );
    expect(
      faultsFor({
        url: 'http://c.example:4318/v1/traces',
        env: { OTEL_EXPORTER_OTLP_TRACES_INSECURE: 'TRUE', OTEL_EXPORTER_OTLP_INSECURE: 'false' },
      }),
    ).toEqual([]);
  });

  it('is silent for https and for loopback hosts', () => {
    expect(faultsFor({ url: 'https://d.example:4318/v1/traces' })).toEqual([]);
    expect(faultsFor({})).toEqual([]); // http://localhost:4318
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'api.localhost'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['collector', '10.0.0.1', 'localhost.example.com', '::2'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('a malformed OTEL_EXPORTER_OTLP_INSECURE is a config error naming the variable', () => {
    expect(() =>
      resolveOtlpOptions('metrics', { env: { OTEL_EXPORTER_OTLP_METRICS_INSECURE: 'yes' } }),
    ).toThrow(MonitorConfigError);
    expect(() =>
      resolveOtlpOptions('metrics', { env: { OTEL_EXPORTER_OTLP_METRICS_INSECURE: 'yes' } }),
    ).toThrow(/OTEL_EXPORTER_OTLP_METRICS_INSECURE: is "yes": use true or false/);
  });
});

describe('https to a collector with a self-signed certificate', () => {
  const receiver = new OtlpReceiver({ tls: { key, cert } });
  let dir: string;
  beforeAll(async () => {
    await receiver.start();
    dir = mkdtempSync(join(tmpdir(), 'lexigram-otlp-tls-'));
  });
  afterAll(async () => {
    await receiver.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    receiver.requests.length = 0;
  });

  async function send(options: ConstructorParameters<typeof OtlpSpanExporter>[0]) {
    const faults: MonitorFault[] = [];
    const exporter = new OtlpSpanExporter({
      url: `${receiver.endpoint}/v1/traces`,
      env: false,
      retry: { maxAttempts: 1 },
      ...options,
      onError: (f) => faults.push(f),
    });
    const outcome = await exporter.export(await makeSpans(1)).then(
      () => 'sent',
      () => 'failed',
    );
    await exporter.shutdown();
    return { outcome, faults };
  }

  it('is refused without the certificate, and insecure: true does not turn verification off', async () => {
    for (const insecure of [false, true]) {
      const { outcome, faults } = await send({ insecure });
      expect(outcome).toBe('failed');
      expect(faults.map((f) => f.code)).toEqual(['OTLP_EXPORT_FAILED']);
      expect(faults[0]!.message).toMatch(/self[- ]signed/i);
    }
    expect(receiver.requests).toHaveLength(0);
  });

  it('is trusted with the certificate given in code', async () => {
    const { outcome, faults } = await send({ certificate: cert.toString('utf8') });
    expect([outcome, faults]).toEqual(['sent', []]);
    expect(receiver.accepted('traces')[0]!.body.resourceSpans[0].scopeSpans[0].spans[0].name).toBe(
      'POST /checkout',
    );
  });

  it('is trusted with OTEL_EXPORTER_OTLP_CERTIFICATE naming the file', async () => {
    const file = join(dir, 'ca.pem');
    writeFileSync(file, cert);
    const { outcome, faults } = await send({ env: { OTEL_EXPORTER_OTLP_CERTIFICATE: file } });
    expect([outcome, faults]).toEqual(['sent', []]);
    expect(receiver.accepted('traces')).toHaveLength(1);
    expect(() =>
      resolveOtlpOptions('traces', {
        env: { OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE: join(dir, 'missing.pem') },
      }),
    ).toThrow(/OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE: cannot read ".*missing\.pem" \(ENOENT\)/);
  });
});
