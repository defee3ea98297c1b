import { tmpdir } from 'node:os';
import {
  setMonitorDiagnostics,
  type ExporterDiscoveryOptions,
  type MonitorFault,
} from '@lexigram/monitor-core';

/**
 * Run `fn` with the process-wide fault channel sending every fault to a list, then put the
 * default channel back (also when `fn` throws). Returns `fn`'s result and the faults.
 */
export function collectFaults<T>(fn: () => T): { result: T; faults: MonitorFault[] } {
  const faults: MonitorFault[] = [];
  setMonitorDiagnostics((fault) => faults.push(fault));
  try {
    return { result: fn(), faults };
  } finally {
    setMonitorDiagnostics(undefined);
  }
}

/**
 * Ask a discovering exporter registry for a type only a package that is not installed could
 * handle (`ghost`, looked up as `lexigram-ghost-exporter` from an empty folder). Returns what
 * `createExporter` gave back and the faults it reported.
 */
export function lookUpMissingExporter(
  withDefaults: (options: ExporterDiscoveryOptions) => {
    createExporter(config: { type: string }): unknown;
  },
): { created: unknown; faults: MonitorFault[] } {
  const { result, faults } = collectFaults(() =>
    withDefaults({
      paths: [tmpdir()],
      packages: { ghost: 'lexigram-ghost-exporter' },
    }).createExporter({ type: 'ghost' }),
  );
  return { created: result, faults };
}
