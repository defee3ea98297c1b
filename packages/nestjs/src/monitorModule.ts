import type {
  DynamicModule,
  MiddlewareConsumer,
  NestModule,
  OnApplicationShutdown,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { Inject, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  NoOpMetricsBackend,
  createMonitor,
  type CreateMonitorOptions,
  type Monitor,
  type MonitorConfig,
  type MonitorConfigInput,
  type MonitorShutdownReport,
} from '@lexigram/monitor-core';
import { HandlerTracingInterceptor } from './handlerTracing.js';
import {
  MONITOR,
  MONITOR_HEALTH,
  MONITOR_METER,
  MONITOR_OBSERVABILITY,
  MONITOR_TRACER,
} from './tokens.js';

/** Options of {@link MonitorModule.configure}. */
export interface NestMonitorOptions {
  /** The monitor config (object, then `LEX_MONITOR_*`). */
  readonly config?: MonitorConfigInput | MonitorConfig;
  /** `createMonitor` options: `backend` (default: installed one per `backendType`), paths... */
  readonly options?: CreateMonitorOptions;
  /** Install the request middleware (spans, RED metrics, `/metrics`, `/health`). Default true. */
  readonly middleware?: boolean;
  /** Trace controller handlers with their route templates. Default true. */
  readonly traceHandlers?: boolean;
}

/** Injection token of the module's options. */
const NEST_OPTIONS = 'LEXIGRAM_MONITOR_NEST_OPTIONS';

const NEXT = Symbol('lexigram.nest.next');
type Tagged = IncomingMessage & { [NEXT]?: (error?: unknown) => void };

/**
 * The monitor as a Nest module: `MonitorModule.configure(...)` builds the monitor with
 * `createMonitor`, provides it (and its tracer, meter, health probes, facade) for injection,
 * installs the request middleware, traces controller handlers with their route templates, and
 * drains and shuts the monitor down with Nest's lifecycle (`app.enableShutdownHooks()`).
 *
 * @example
 * ```ts
 * @Module({ imports: [MonitorModule.configure({ config: { tracing: { serviceName: 'api' } } })] })
 * class AppModule {}
 * ```
 */
export class MonitorModule implements NestModule, BeforeApplicationShutdown, OnApplicationShutdown {
  private report: Promise<MonitorShutdownReport> | undefined;

  constructor(
    private readonly monitor: Monitor,
    private readonly options: NestMonitorOptions,
  ) {}

  /** A global module wiring the monitor `options.config` describes. */
  static configure(options: NestMonitorOptions = {}): DynamicModule {
    const interceptors =
      options.traceHandlers === false
        ? []
        : [{ provide: APP_INTERCEPTOR, useClass: HandlerTracingInterceptor }];
    return {
      module: MonitorModule,
      global: true,
      providers: [
        { provide: NEST_OPTIONS, useValue: options },
        {
          provide: MONITOR,
          useFactory: async () => {
            const monitor = await createMonitor(options.config ?? {}, options.options);
            await monitor.start();
            return monitor;
          },
        },
        { provide: MONITOR_TRACER, useFactory: (m: Monitor) => m.tracer, inject: [MONITOR] },
        { provide: MONITOR_METER, useFactory: (m: Monitor) => m.meter, inject: [MONITOR] },
        { provide: MONITOR_HEALTH, useFactory: (m: Monitor) => m.health, inject: [MONITOR] },
        {
          provide: MONITOR_OBSERVABILITY,
          useFactory: (m: Monitor) => m.observability,
          inject: [MONITOR],
        },
        ...interceptors,
      ],
      exports: [MONITOR, MONITOR_TRACER, MONITOR_METER, MONITOR_HEALTH, MONITOR_OBSERVABILITY],
    };
  }

  /**
   * A no-op module for unit tests: the no-op backend, no-op tracing and metrics, nothing looked
   * up, no middleware, nothing connected.
   */
  static stub(): DynamicModule {
    return MonitorModule.configure({
      config: { enabled: false },
      options: {
        env: false,
        discover: false,
        setDefault: false,
        backend: new NoOpMetricsBackend(),
      },
      middleware: false,
      traceHandlers: false,
    });
  }

  /** Nest calls this to install middleware: the monitor's request instrumentation. */
  configure(consumer: MiddlewareConsumer): void {
    if (this.options.middleware === false) return;
    const handler = this.monitor.http((req: Tagged, _res: ServerResponse) => req[NEXT]?.());
    consumer
      .apply((req: Tagged, res: ServerResponse, next: (error?: unknown) => void) => {
        // Express rewrites req.url relative to the middleware's mount path; the instrumentation
        // (and its /metrics and /health endpoints) needs the path the client asked for.
        const mounted = req.url;
        const original = (req as { originalUrl?: string }).originalUrl;
        req[NEXT] = (error?: unknown) => {
          req.url = mounted;
          next(error);
        };
        if (original !== undefined) req.url = original;
        handler(req, res);
      })
      .forRoutes('*');
  }

  /** Readiness fails and in-flight requests finish while Nest stops taking new work. */
  beforeApplicationShutdown(): Promise<void> {
    this.report ??= this.monitor.shutdown();
    return this.report.then(() => undefined);
  }

  /** Spans and metrics flushed, exporters closed (already done when the drain ran). */
  async onApplicationShutdown(): Promise<void> {
    this.report ??= this.monitor.shutdown();
    await this.report;
  }
}

Module({})(MonitorModule);
Inject(MONITOR)(MonitorModule, undefined, 0);
Inject(NEST_OPTIONS)(MonitorModule, undefined, 1);
