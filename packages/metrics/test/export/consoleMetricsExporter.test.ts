import { ConsoleMetricsExporter } from '../../src/export/consoleMetricsExporter.js';
import { MetricsCollector } from '../../src/collector/metricsCollector.js';

function sink(): { write: (s: string) => void; text: () => string } {
  const chunks: string[] = [];
  return { write: (s) => void chunks.push(s), text: () => chunks.join('') };
}

describe('ConsoleMetricsExporter', () => {
  it('writes readable lines for a collection', async () => {
    const m = new MetricsCollector();
    m.increment('hits_total', 2, { route: '/' });
    m.setGauge('temp', NaN);
    const out = sink();
    new ConsoleMetricsExporter({ stream: out }).export(await m.collect());
    expect(out.text()).toBe(
      '# counter hits_total\nhits_total{route="/"} 2\n# gauge temp\ntemp NaN\n',
    );
  });

  it('writes one JSON line per family, non-finite numbers as strings', async () => {
    const m = new MetricsCollector();
    m.setGauge('g', Infinity);
    const out = sink();
    new ConsoleMetricsExporter({ stream: out, format: 'json' }).export(await m.collect());
    const parsed = JSON.parse(out.text()) as { name: string; series: { value: unknown }[] };
    expect(parsed.name).toBe('g');
    expect(parsed.series[0]!.value).toBe('+Inf');
  });

  it('writes nothing for an empty collection or after shutdown', () => {
    const out = sink();
    const e = new ConsoleMetricsExporter({ stream: out });
    e.export([]);
    e.shutdown();
    e.export([{ name: 'x', help: '', unit: '', type: 'gauge', series: [] }]);
    expect(out.text()).toBe('');
  });

  it('defaults to process.stdout', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    new ConsoleMetricsExporter().export([
      { name: 'x', help: '', unit: '', type: 'gauge', series: [] },
    ]);
    expect(write).toHaveBeenCalledWith('# gauge x\n');
    write.mockRestore();
  });
});
