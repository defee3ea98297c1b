import 'reflect-metadata';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { SpanStatus, type Monitor } from '@lexigram/monitor-core';
import { Observable, of, throwError } from 'rxjs';
import { HandlerTracingInterceptor, routeTemplate } from '../src/handlerTracing.js';

function withPath<T extends object>(target: T, path: unknown): T {
  if (path !== undefined) Reflect.defineMetadata('path', path, target);
  return target;
}

interface FakeSpan {
  readonly name: string;
  readonly attributes: unknown;
  readonly exceptions: unknown[];
  status?: [SpanStatus, string | undefined];
  ended: boolean;
}

/** A monitor whose tracer records each span and ends it when the callback's promise settles. */
function fakeMonitor(): { monitor: Monitor; spans: FakeSpan[]; routes: string[] } {
  const spans: FakeSpan[] = [];
  const routes: string[] = [];
  const tracer = {
    startActiveSpan: (
      name: string,
      options: { attributes: unknown },
      fn: (span: unknown) => Promise<void>,
    ) => {
      const record: FakeSpan = {
        name,
        attributes: options.attributes,
        exceptions: [],
        ended: false,
      };
      spans.push(record);
      const span = {
        recordException: (error: unknown) => record.exceptions.push(error),
        setStatus: (code: SpanStatus, message?: string) => (record.status = [code, message]),
      };
      return fn(span).finally(() => (record.ended = true));
    },
  };
  const monitor = {
    tracer,
    get: (name: string) =>
      name === 'setHttpRoute' ? (_req: object, route: string) => routes.push(route) : undefined,
  } as unknown as Monitor;
  return { monitor, spans, routes };
}

class UsersController {
  find(): void {}
}

function httpContext(type = 'http'): ExecutionContext {
  withPath(UsersController, 'users');
  withPath(UsersController.prototype.find, ':id');
  return {
    getType: () => type,
    getClass: () => UsersController,
    getHandler: () => UsersController.prototype.find,
    switchToHttp: () => ({ getRequest: () => ({}) }),
  } as unknown as ExecutionContext;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('routeTemplate', () => {
  it('joins the controller and handler paths without repeated or trailing slashes', () => {
    expect(routeTemplate(withPath({}, '/users/'), withPath({}, '/:id/'))).toBe('/users/:id');
    expect(routeTemplate(withPath({}, '//users'), withPath({}, ':id//'))).toBe('/users/:id');
    expect(routeTemplate(withPath({}, 'users'), withPath({}, '/'))).toBe('/users');
    expect(routeTemplate(withPath({}, ''), withPath({}, ':id'))).toBe('/:id');
    expect(routeTemplate({}, {})).toBe('/');
    // Slashes inside a path stay.
    expect(routeTemplate(withPath({}, 'api/users'), withPath({}, ':id/posts'))).toBe(
      '/api/users/:id/posts',
    );
  });

  it('takes the first of several paths, and ignores a path that is not a string', () => {
    expect(routeTemplate(withPath({}, ['a', 'b']), withPath({}, ['x', 'y']))).toBe('/a/x');
    expect(routeTemplate(withPath({}, 42), withPath({}, 'x'))).toBe('/x');
  });
});

describe('HandlerTracingInterceptor', () => {
  it('leaves a context that is not HTTP alone', () => {
    const { monitor, spans } = fakeMonitor();
    const handled = of(1);
    const next: CallHandler = { handle: () => handled };
    expect(new HandlerTracingInterceptor(monitor).intercept(httpContext('rpc'), next)).toBe(
      handled,
    );
    expect(spans).toEqual([]);
  });

  it('names the span Controller.method with the route and function, and passes values on', async () => {
    const { monitor, spans, routes } = fakeMonitor();
    const values: unknown[] = [];
    let completed = false;
    new HandlerTracingInterceptor(monitor)
      .intercept(httpContext(), { handle: () => of(1, 2) })
      .subscribe({ next: (v) => values.push(v), complete: () => (completed = true) });
    await settle();
    expect(values).toEqual([1, 2]);
    expect(completed).toBe(true);
    expect(routes).toEqual(['/users/:id']);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({
      name: 'UsersController.find',
      attributes: { 'http.route': '/users/:id', 'code.function': 'find' },
      exceptions: [],
      ended: true,
    });
    expect(spans[0]!.status).toBeUndefined();
  });

  it('records the exception and an error status, with the message of a non-Error too', async () => {
    const { monitor, spans } = fakeMonitor();
    const errors: unknown[] = [];
    const boom = new Error('boom');
    for (const thrown of [boom, 'plain failure']) {
      new HandlerTracingInterceptor(monitor)
        .intercept(httpContext(), { handle: () => throwError(() => thrown) })
        .subscribe({ error: (e: unknown) => errors.push(e) });
    }
    await settle();
    expect(errors).toEqual([boom, 'plain failure']);
    expect(spans.map((s) => s.exceptions)).toEqual([[boom], ['plain failure']]);
    expect(spans.map((s) => s.status)).toEqual([
      [SpanStatus.Error, 'boom'],
      [SpanStatus.Error, 'plain failure'],
    ]);
    expect(spans.every((s) => s.ended)).toBe(true);
  });

  it('ends the span and the handler when the caller unsubscribes first', async () => {
    const { monitor, spans } = fakeMonitor();
    let handlerUnsubscribed = false;
    const never = new Observable<never>(() => () => (handlerUnsubscribed = true));
    const subscription = new HandlerTracingInterceptor(monitor)
      .intercept(httpContext(), { handle: () => never })
      .subscribe();
    await settle();
    expect(spans[0]!.ended).toBe(false);
    subscription.unsubscribe();
    await settle();
    expect(handlerUnsubscribed).toBe(true);
    expect(spans[0]!.ended).toBe(true);
  });
});
