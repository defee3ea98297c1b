import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, monitorHooks } from '@lexigram/monitor-core';
import {
  ErrorBudgetMonitor,
  LoggingAlertDispatcher,
  SLOMonitor,
  SlackAlertDispatcher,
} from '@lexigram/monitor-slo';

const MINUTE = 60_000;

/** Seeded log-normal latencies, so the demo prints the same numbers every run. */
function latencies(seed: number, medianMs: number): () => number {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () =>
    medianMs *
    Math.exp(0.6 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

/** Percentile SLOs, error budgets with burn-rate alerts, and webhook alert delivery. */
export default {
  title: 'slo: percentile SLOs, error budgets, burn-rate alerts, alert dispatch',
  async run(): Promise<void> {
    // Simulated time: the demo moves the clock instead of waiting.
    let now = Date.UTC(2024, 4, 1, 12);
    const clock = () => now;
    const logger = createLogger({ config: { format: 'text' } });
    const offHook = monitorHooks.alertFired.subscribe((a) =>
      console.log(`hook alertFired: ${a.alertName} (${a.severity})`),
    );

    // 1. A percentile SLO over a rolling one-minute window.
    const slos = new SLOMonitor({
      clock,
      logger,
      slotsPerWindow: 6,
      dispatcher: new LoggingAlertDispatcher({ logger }),
    });
    slos.register({
      name: 'api.p99',
      metric: 'http.request.duration',
      percentile: 0.99,
      thresholdMs: 200,
      windowMs: MINUTE,
    });
    const slow = latencies(1, 90);
    for (let i = 0; i < 100_000; i++) slos.recordSample('http.request.duration', slow());
    const p99 = slos.measure('api.p99')!;
    console.log(
      `p99 of ${p99.sampleCount} samples: ${p99.valueMs.toFixed(1)} ms (burn rate ${p99.burnRate.toFixed(2)}x)`,
    );
    const violations = await slos.evaluate();
    console.log(`violations: ${violations.map((v) => v.message).join('; ')}`);
    now += MINUTE + 1;
    const fast = latencies(2, 40);
    for (let i = 0; i < 1000; i++) slos.recordSample('http.request.duration', fast());
    console.log(
      `a minute later the slow samples left the window: ${(await slos.evaluate()).length} violations, p99 ${slos.measure('api.p99')!.valueMs.toFixed(1)} ms`,
    );

    // 2. An error-budget SLO with the SRE Workbook's multi-window burn-rate alerts.
    const budgets = new ErrorBudgetMonitor({ clock, logger });
    const checkout = budgets.register({ name: 'checkout', objective: 0.999 });
    for (let minute = 0; minute < 3 * 24 * 60; minute++, now += MINUTE) {
      checkout.recordEvents(100, 100); // three clean days
    }
    for (let minute = 0; minute < 2; minute++, now += MINUTE) checkout.recordBad(100); // outage
    const budget = checkout.errorBudget();
    console.log(
      `checkout: ${budget.bad} bad of ${budget.total}, ${(budget.remainingRatio * 100).toFixed(1)} % of the error budget left, burn rate ${checkout.burnRate().toFixed(1)}x over 1h`,
    );
    for (const alert of await budgets.evaluate()) {
      console.log(`burn-rate alert: ${alert.title} -> ${alert.message}`);
    }

    // 3. Slack webhook delivery against a local server that fails once.
    const received: string[] = [];
    let requests = 0;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        requests++;
        if (requests === 1) {
          res.writeHead(500).end('try again');
          return;
        }
        received.push((JSON.parse(body) as { text: string }).text);
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const slack = new SlackAlertDispatcher({
      webhookUrl: `http://127.0.0.1:${port}/services/T0/B0/demo`,
      logger,
      initialBackoffMs: 20,
    });
    slos.dispatcher = slack;
    for (let i = 0; i < 100; i++) slos.recordSample('http.request.duration', 450);
    await slos.evaluate();
    await slos.evaluate(); // the same violation again: de-duplicated
    await slack.close();
    server.closeAllConnections();
    server.close();
    console.log(`slack received: ${received.join(' | ')}`);
    const stats = slack.stats;
    console.log(
      `slack stats: delivered=${stats.delivered} retries=${stats.retries} deduplicated=${stats.deduplicated}`,
    );

    offHook();
    // Give the logger's stream a turn to flush before the next section prints.
    await new Promise((resolve) => setImmediate(resolve));
  },
};
