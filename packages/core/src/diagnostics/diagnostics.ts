import { pino, type Logger } from 'pino';
import { processSingleton } from '../internal/processSingleton.js';
import type { MonitorFault, MonitorFaultHandler } from './monitorFault.js';

/** How often the default handler logs one code at most; the rest are counted and summarised. */
const LOG_INTERVAL_MS = 10_000;

interface DiagnosticsState {
  handler: MonitorFaultHandler | undefined;
  logger: Logger | undefined;
  readonly counts: Map<string, number>;
  readonly lastLoggedAt: Map<string, number>;
  readonly suppressed: Map<string, number>;
  readonly warned: Set<string>;
}

const state: DiagnosticsState = processSingleton('@lexigram/monitor-core/diagnostics', () => ({
  handler: undefined,
  logger: undefined,
  counts: new Map<string, number>(),
  lastLoggedAt: new Map<string, number>(),
  suppressed: new Map<string, number>(),
  warned: new Set<string>(),
}));

/**
 * Send every background fault of every Lexigram Monitor package in this process to `handler`
 * (pass `undefined` to restore the default: rate-limited warnings through a pino logger on
 * stderr, and one `process.emitWarning` per code). A component's own `onError` option wins over
 * this.
 *
 * @example
 * ```ts
 * setMonitorDiagnostics((fault) => myLogger.warn({ code: fault.code, err: fault.error }, fault.message));
 * ```
 */
export function setMonitorDiagnostics(handler: MonitorFaultHandler | undefined): void {
  state.handler = handler;
}

/**
 * How many faults were reported in this process, by code, since start (or the last
 * `resetMonitorFaultCounts()`): what the monitor dropped or failed to do.
 */
export function getMonitorFaultCounts(): ReadonlyMap<string, number> {
  return new Map(state.counts);
}

/** Forget the fault counts and the once-per-code warnings (for tests). */
export function resetMonitorFaultCounts(): void {
  state.counts.clear();
  state.lastLoggedAt.clear();
  state.suppressed.clear();
  state.warned.clear();
}

/**
 * Report a background fault: count it, then hand it to `onError` when given, else to the
 * process-wide handler, else to the default channel. Never throws.
 */
export function reportFault(fault: MonitorFault, onError?: MonitorFaultHandler): void {
  state.counts.set(fault.code, (state.counts.get(fault.code) ?? 0) + 1);
  const handler = onError ?? state.handler;
  if (handler) {
    try {
      handler(fault);
      return;
    } catch (error) {
      defaultHandler({
        code: 'FAULT_HANDLER_THREW',
        component: fault.component,
        message: `The onError handler threw while handling ${fault.code}: ${describe(error)}`,
        error,
        details: { original: fault.code },
      });
      return;
    }
  }
  defaultHandler(fault);
}

function defaultHandler(fault: MonitorFault): void {
  try {
    const now = Date.now();
    const last = state.lastLoggedAt.get(fault.code);
    if (last !== undefined && now - last < LOG_INTERVAL_MS) {
      state.suppressed.set(fault.code, (state.suppressed.get(fault.code) ?? 0) + 1);
      return;
    }
    state.lastLoggedAt.set(fault.code, now);
    const suppressed = state.suppressed.get(fault.code) ?? 0;
    state.suppressed.delete(fault.code);
    logger().warn(
      {
        code: fault.code,
        component: fault.component,
        ...(fault.details ? { details: fault.details } : {}),
        ...(fault.error === undefined ? {} : { err: describe(fault.error) }),
        ...(suppressed > 0 ? { suppressed } : {}),
      },
      fault.message,
    );
    if (!state.warned.has(fault.code)) {
      state.warned.add(fault.code);
      process.emitWarning(`${fault.component}: ${fault.message}`, {
        code: `LEXIGRAM_${fault.code}`,
      });
    }
  } catch {
    // The last line of defence: a broken stderr must not break the application.
  }
}

function logger(): Logger {
  // Built on first fault so an application that never has one never opens a stream.
  state.logger ??= pino({ base: { lib: 'lexigram-monitor' } }, pino.destination(2));
  return state.logger;
}

function describe(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return String(error);
  } catch {
    return 'an unprintable value';
  }
}
