import {
  getMonitorFaultCounts,
  resetMonitorFaultCounts,
  setMonitorDiagnostics,
  type MonitorFault,
} from '../../src/index.js';
import { reportFault } from '../../src/internal/index.js';

const fault = (code: string): MonitorFault => ({
  code,
  component: 'test.component',
  message: `${code} happened`,
  error: new Error('boom'),
});

describe('the fault channel', () => {
  let warnings: string[];

  beforeEach(() => {
    resetMonitorFaultCounts();
    setMonitorDiagnostics(undefined);
    warnings = [];
    jest.spyOn(process, 'emitWarning').mockImplementation(((
      _: string,
      options: { code: string },
    ) => {
      warnings.push(options.code);
    }) as typeof process.emitWarning);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    setMonitorDiagnostics(undefined);
  });

  it('sends faults to the process-wide handler and counts them per code', () => {
    const seen: MonitorFault[] = [];
    setMonitorDiagnostics((f) => seen.push(f));
    reportFault(fault('EXPORT_FAILED'));
    reportFault(fault('EXPORT_FAILED'));
    reportFault(fault('COLLECT_FAILED'));
    expect(seen.map((f) => f.code)).toEqual(['EXPORT_FAILED', 'EXPORT_FAILED', 'COLLECT_FAILED']);
    expect(getMonitorFaultCounts().get('EXPORT_FAILED')).toBe(2);
    expect(getMonitorFaultCounts().get('COLLECT_FAILED')).toBe(1);
  });

  it('prefers the component onError over the process-wide handler', () => {
    const global: string[] = [];
    const local: string[] = [];
    setMonitorDiagnostics((f) => global.push(f.code));
    reportFault(fault('A'), (f) => local.push(f.code));
    expect(local).toEqual(['A']);
    expect(global).toEqual([]);
  });

  it('contains a handler that throws and never throws itself', () => {
    expect(() =>
      reportFault(fault('B'), () => {
        throw new Error('handler broke');
      }),
    ).not.toThrow();
    expect(warnings).toEqual(['LEXIGRAM_FAULT_HANDLER_THREW']);
  });

  it('warns through process.emitWarning at most once per code by default', () => {
    for (let i = 0; i < 5; i++) reportFault(fault('C'));
    reportFault(fault('D'));
    expect(warnings).toEqual(['LEXIGRAM_C', 'LEXIGRAM_D']);
    expect(getMonitorFaultCounts().get('C')).toBe(5);
  });
});
