import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import {
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  Param,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  HealthStatus,
  NOOP_TRACER,
  resetObservability,
  type Monitor,
  type ReadableSpanData,
  type TracerProtocol,
} from '@lexigram/monitor-core';
import { monitorContribution as health } from '@lexigram/monitor-health';
import { monitorContribution as metrics } from '@lexigram/monitor-metrics';
import { monitorContribution as middleware } from '@lexigram/monitor-middleware';
import {
  monitorContribution as tracing,
  type InMemorySpanExporter,
} from '@lexigram/monitor-tracing';
import { MONITOR, MONITOR_TRACER, MonitorModule } from '../src/index.js';

// Decorators applied as functions: the shared ts-jest config compiles without legacy decorators.
class Greeter {
  constructor(readonly tracer: TracerProtocol) {}
}
Injectable()(Greeter);
Inject(MONITOR_TRACER)(Greeter, undefined, 0);

class UsersController {
  constructor(readonly greeter: Greeter) {}
  find(id: string): { id: string } {
    return { id };
  }
  fail(): never {
    throw new Error('handler broke');
  }
}
Controller('users')(UsersController);
Inject(Greeter)(UsersController, undefined, 0);
const proto = UsersController.prototype;
Get(':id')(proto, 'find', Object.getOwnPropertyDescriptor(proto, 'find')!);
Param('id')(proto, 'find', 0);
Get(':id/fail')(proto, 'fail', Object.getOwnPropertyDescriptor(proto, 'fail')!);

async function start(imports: unknown[]): Promise<{ app: INestApplication; url: string }> {
  class AppModule {}
  Module({ imports: imports as never[], controllers: [UsersController], providers: [Greeter] })(
    AppModule,
  );
  const app = await NestFactory.create(AppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

afterEach(() => resetObservability());

describe('MonitorModule.configure with a real Nest app over HTTP', () => {
  let app: INestApplication;
  let url: string;
  let monitor: Monitor;

  beforeAll(async () => {
    ({ app, url } = await start([
      MonitorModule.configure({
        config: { tracing: { serviceName: 'nest-api', exporter: 'memory' } },
        options: {
          env: false,
          discover: false,
          contributions: [metrics, tracing, health, middleware],
        },
      }),
    ]));
    monitor = app.get<Monitor>(MONITOR);
  });

  afterAll(async () => {
    if (!monitor.shuttingDown) await app.close();
  });

  async function spans(): Promise<readonly ReadableSpanData[]> {
    await (monitor.tracer as unknown as { forceFlush(): Promise<void> }).forceFlush();
    return monitor.get<InMemorySpanExporter>('spanExporter')!.getFinishedSpans();
  }

  it('provides the monitor and its tracer for injection', () => {
    expect(app.get(Greeter).tracer).toBe(monitor.tracer);
    expect(monitor.installed).toMatchObject({ metrics: true, tracing: true, middleware: true });
  });

  it('traces the request and the controller handler with its route template', async () => {
    const res = await fetch(`${url}/users/42`);
    expect(await res.json()).toEqual({ id: '42' });
    const all = await spans();
    const handler = all.find((s) => s.name === 'UsersController.find')!;
    expect(handler.attributes['http.route']).toBe('/users/:id');
    const server = all.find((s) => s.spanContext.spanId === handler.parentSpanId)!;
    expect(server).toBeDefined();
    expect(server.spanContext.traceId).toBe(handler.spanContext.traceId);
    expect(server.attributes['http.route']).toBe('/users/:id');
    const families = await monitor.meter.collect();
    const duration = families.find((f) => f.name === 'http.server.request.duration')!;
    expect(duration.series.map((s) => s.labels['http.route'])).toContain('/users/:id');
  });

  it('marks a failing handler span as an error and measures the 500', async () => {
    const res = await fetch(`${url}/users/7/fail`);
    expect(res.status).toBe(500);
    const handler = (await spans()).find((s) => s.name === 'UsersController.fail')!;
    expect(handler.status.code).toBe('error');
    expect(handler.status.message).toBe('handler broke');
  });

  it('serves /health and /metrics through the middleware', async () => {
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const metricsRes = await fetch(`${url}/metrics`);
    expect(metricsRes.status).toBe(200);
    expect(await metricsRes.text()).toContain('http.server.request.duration');
  });

  it("shuts the monitor down with Nest's lifecycle: readiness fails, liveness stays", async () => {
    await app.close();
    expect(monitor.shuttingDown).toBe(true);
    expect((await monitor.health.runReadiness()).status).toBe(HealthStatus.Unhealthy);
    expect((await monitor.health.runLiveness()).status).toBe(HealthStatus.Healthy);
  });
});

describe('MonitorModule.stub', () => {
  it('wires no-ops: the app runs, nothing is traced', async () => {
    const { app, url } = await start([MonitorModule.stub()]);
    try {
      expect(await (await fetch(`${url}/users/1`)).json()).toEqual({ id: '1' });
      expect(app.get<Monitor>(MONITOR).tracer).toBe(NOOP_TRACER);
      expect(app.get(Greeter).tracer).toBe(NOOP_TRACER);
    } finally {
      await app.close();
    }
  });
});
