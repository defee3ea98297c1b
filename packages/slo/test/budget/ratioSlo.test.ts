import { MonitorConfigError } from '@lexigram/monitor-core';
import { DEFAULT_BURN_RATE_RULES, DEFAULT_SLO_PERIOD_MS, RatioSLO } from '../../src/index.js';

function fields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof MonitorConfigError) return error.fields.map((f) => f.path);
    throw error;
  }
  return [];
}

describe('RatioSLO', () => {
  it('holds the objective and error budget as whole parts per million', () => {
    const slo = new RatioSLO({ name: 'checkout', objective: 0.999 });
    expect(slo.objectivePpm).toBe(999_000);
    expect(slo.errorBudgetPpm).toBe(1000);
    // What floating point alone would give: not quite 0.001.
    expect(1 - 0.999).not.toBe(0.001);
    expect(new RatioSLO({ name: 'x', objective: 0.99995 }).errorBudgetPpm).toBe(50);
    expect(new RatioSLO({ name: 'x', objective: 0.95 }).errorBudgetPpm).toBe(50_000);
  });

  it('defaults to availability over 30 days with the SRE Workbook rules', () => {
    const slo = new RatioSLO({ name: 'checkout', objective: 0.999 });
    expect(slo.kind).toBe('availability');
    expect(slo.thresholdMs).toBeUndefined();
    expect(slo.periodMs).toBe(DEFAULT_SLO_PERIOD_MS);
    expect(DEFAULT_SLO_PERIOD_MS).toBe(30 * 24 * 3_600_000);
    expect(slo.burnRateRules.map((r) => [r.name, r.action, r.burnRate, r.severity])).toEqual([
      ['page-1h', 'page', 14.4, 'critical'],
      ['page-6h', 'page', 6, 'critical'],
      ['ticket-3d', 'ticket', 1, 'medium'],
    ]);
    expect(slo.burnRateRules[0]).toMatchObject({
      longWindowMs: 3_600_000,
      shortWindowMs: 300_000,
      burnRateMilli: 14_400,
    });
    expect(String(slo)).toBe('checkout: 99.9 % good over 30d');
  });

  it('is a latency SLO when given a threshold', () => {
    const slo = new RatioSLO({
      name: 'fast',
      objective: 0.99,
      thresholdMs: 300,
      periodMs: 86_400_000,
    });
    expect(slo.kind).toBe('latency');
    expect(slo.thresholdMs).toBe(300);
    expect(String(slo)).toBe('fast: 99 % under 300 ms over 1d');
  });

  it('takes custom burn-rate rules', () => {
    const slo = new RatioSLO({
      name: 'x',
      objective: 0.99,
      burnRateRules: [
        {
          name: 'fast',
          action: 'page',
          burnRate: 10,
          longWindowMs: 600_000,
          shortWindowMs: 60_000,
          severity: 'high',
        },
      ],
    });
    expect(slo.burnRateRules).toEqual([
      expect.objectContaining({ name: 'fast', severity: 'high', burnRateMilli: 10_000 }),
    ]);
    expect(Object.isFrozen(slo.burnRateRules)).toBe(true);
  });

  it.each([
    [{ objective: 1 }, ['objective']],
    [{ objective: 0 }, ['objective']],
    [{ objective: 0.9999999 }, ['objective']],
    [{ name: '' }, ['name']],
    [{ periodMs: 0 }, ['periodMs']],
    [{ thresholdMs: -1 }, ['thresholdMs']],
  ])('rejects %o naming the field', (patch, expected) => {
    expect(fields(() => new RatioSLO({ name: 'x', objective: 0.999, ...patch }))).toEqual(expected);
  });

  it('explains a too-fine objective', () => {
    expect(() => new RatioSLO({ name: 'x', objective: 0.9999999 })).toThrow(
      /objective: must be a whole number of parts per million/,
    );
  });

  it('rejects bad rules naming the rule and field', () => {
    const base = DEFAULT_BURN_RATE_RULES[0]!;
    expect(
      fields(
        () =>
          new RatioSLO({
            name: 'x',
            objective: 0.999,
            burnRateRules: [
              { ...base, shortWindowMs: base.longWindowMs },
              { ...base, name: 'b', burnRate: 14.4444 },
              { ...base, name: 'c', action: 'email' as 'page' },
              { ...base, name: 'c' },
            ],
          }),
      ),
    ).toEqual([
      'burnRateRules[0].shortWindowMs',
      'burnRateRules[1].burnRate',
      'burnRateRules[2].action',
      'burnRateRules[3].name',
    ]);
  });
});
