import { PerformanceMonitorError } from '@lexigram/monitor-core';
import type * as Inspector from 'node:inspector';

/** A connected in-process inspector session with a promise-returning `post`. */
export interface InspectorSession {
  readonly session: Inspector.Session;
  post<T = unknown>(method: string, params?: object): Promise<T>;
  disconnect(): void;
}

let loading: Promise<typeof Inspector> | undefined;

/**
 * Connect an in-process inspector session (no debugger port is opened).
 *
 * @throws PerformanceMonitorError when this Node build or thread has no inspector.
 */
export async function openInspectorSession(purpose: string): Promise<InspectorSession> {
  let inspector: typeof Inspector;
  try {
    // Loaded on demand, once: node:inspector fails to load in builds without the inspector,
    // which must not break importing this package.
    loading ??= import('node:inspector');
    inspector = await loading;
  } catch (error) {
    loading = undefined;
    throw new PerformanceMonitorError(
      `Cannot ${purpose}: this Node.js build has no inspector (node:inspector failed to load)`,
      { cause: error },
    );
  }
  const session = new inspector.Session();
  try {
    session.connect();
  } catch (error) {
    throw new PerformanceMonitorError(
      `Cannot ${purpose}: connecting an inspector session failed; run on a Node.js with the inspector enabled`,
      { cause: error },
    );
  }
  return {
    session,
    post<T>(method: string, params?: object): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        session.post(method, params ?? {}, (error, result) => {
          if (error) reject(error);
          else resolve(result as T);
        });
      });
    },
    disconnect(): void {
      try {
        session.disconnect();
      } catch {
        // Already disconnected.
      }
    },
  };
}
