import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { SpanStatus, type Monitor } from '@lexigram/monitor-core';
import { Observable, type Subscription } from 'rxjs';
import { MONITOR } from './tokens.js';

/** Nest's metadata key of `@Controller(path)` and `@Get(path)`. */
const PATH_METADATA = 'path';

function paths(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}

/** The route template of a handler: controller path + method path, e.g. `/users/:id`. */
export function routeTemplate(controller: object, handler: object): string {
  const base = paths(Reflect.getMetadata(PATH_METADATA, controller))[0] ?? '';
  const own = paths(Reflect.getMetadata(PATH_METADATA, handler))[0] ?? '';
  const joined = `/${[base, own]
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return joined;
}

/**
 * Traces every controller handler: a span `Controller.method` with the route template, active
 * while the handler runs, and the template given to the request's server span and metrics.
 */
export class HandlerTracingInterceptor implements NestInterceptor {
  constructor(private readonly monitor: Monitor) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const controller = context.getClass();
    const handler = context.getHandler();
    const route = routeTemplate(controller, handler);
    const req = context.switchToHttp().getRequest<object>();
    this.monitor.get<(req: object, route: string) => void>('setHttpRoute')?.(req, route);
    const name = `${controller.name}.${handler.name}`;
    const tracer = this.monitor.tracer;
    return new Observable((subscriber) => {
      let inner: Subscription | undefined;
      let done: (() => void) | undefined;
      // The span ends when the promise settles; subscribing inside it runs the handler with the
      // span active.
      void tracer.startActiveSpan(
        name,
        { attributes: { 'http.route': route, 'code.function': handler.name } },
        (span) =>
          new Promise<void>((resolve) => {
            done = resolve;
            inner = next.handle().subscribe({
              next: (value) => subscriber.next(value),
              error: (error: unknown) => {
                span.recordException(error);
                span.setStatus(
                  SpanStatus.Error,
                  error instanceof Error ? error.message : String(error),
                );
                resolve();
                subscriber.error(error);
              },
              complete: () => {
                resolve();
                subscriber.complete();
              },
            });
          }),
      );
      return () => {
        inner?.unsubscribe();
        done?.();
      };
    });
  }
}
Injectable()(HandlerTracingInterceptor);
Inject(MONITOR)(HandlerTracingInterceptor, undefined, 0);
