import type { SloStatusProtocol } from '@lexigram/monitor-core';
import { ErrorBudgetMonitor } from '../../src/index.js';

const MINUTE = 60_000;

describe('ErrorBudgetMonitor.getSloStatus', () => {
  it('reports budget left, burn rate per rule window and firing rules', () => {
    let now = 1_000 * MINUTE;
    const monitor = new ErrorBudgetMonitor({ clock: () => now });
    const checkout = monitor.register({ name: 'checkout', objective: 0.99 });
    monitor.register({ name: 'idle', objective: 0.999 });
    // 10 minutes at 20 % errors: burn rate 20 against a 1 % budget.
    for (let i = 0; i < 10; i++) {
      checkout.recordEvents(80, 100);
      now += MINUTE;
    }
    const status: SloStatusProtocol = monitor;
    const [busy, idle] = status.getSloStatus();
    expect(busy).toMatchObject({
      name: 'checkout',
      kind: 'availability',
      objective: 0.99,
      good: 800,
      bad: 200,
      total: 1000,
      exhausted: true,
    });
    expect(busy?.budgetRemainingRatio).toBeCloseTo(-19, 6);
    expect(busy?.burnRates.map((w) => w.windowMs)).toEqual([
      5 * MINUTE,
      30 * MINUTE,
      60 * MINUTE,
      360 * MINUTE,
      4320 * MINUTE,
    ]);
    expect(busy?.burnRates[0]?.burnRate).toBeCloseTo(20, 6);
    expect(busy?.firing).toEqual(['page-1h', 'page-6h', 'ticket-3d']);
    expect(idle).toMatchObject({ name: 'idle', total: 0, budgetRemainingRatio: 1, firing: [] });
  });
});
