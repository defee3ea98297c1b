import { HealthCheckCategory, monitorHooks } from '@lexigram/monitor-core';
import {
  CachedHealthChecker,
  GracefulShutdown,
  HealthCheckRegistry,
  HealthCheckResult,
  healthChecker,
  renderHealthJson,
  renderJson,
  renderText,
} from '@lexigram/monitor-health';

/** A stand-in for a cache client whose health check is a decorated method. */
class CacheClient {
  latencyMs = 180;

  @healthChecker('cache', { critical: false })
  async checkCache(): Promise<HealthCheckResult> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return this.latencyMs > 100
      ? HealthCheckResult.degraded(`slow: ${this.latencyMs} ms`, { latencyMs: this.latencyMs })
      : HealthCheckResult.healthy();
  }
}

/** Checks, probes, renderers, a cached checker and a graceful drain, all in memory. */
export default {
  title: 'health: checks, probes, renderers, caching, drain',
  async run(): Promise<void> {
    let hookEvents = 0;
    const off = monitorHooks.healthCheckRun.subscribe(() => hookEvents++);

    const registry = new HealthCheckRegistry();
    registry.add('process', () => true, { category: HealthCheckCategory.Liveness });
    registry.add('database', async () => ({ healthy: true, pool: 4 }));
    registry.add('search', () => Promise.reject(new Error('ECONNREFUSED 10.0.0.7:9200')), {
      critical: false,
    });
    registry.add('payments', () => new Promise<boolean>(() => {}), {
      timeoutMs: 50,
      critical: false,
    });
    registry.register(new CacheClient().checkCache);

    console.log(`readiness checks: ${registry.readinessChecks.join(', ')}`);
    console.log(`liveness checks: ${registry.livenessChecks.join(', ')}`);
    const ready = await registry.runReadiness();
    for (const [name, result] of Object.entries(ready.checks)) {
      console.log(`  ${name}: ${result.status}${result.message ? ` (${result.message})` : ''}`);
    }
    console.log(`readiness: ${ready.status} (non-critical failures degrade, not fail)`);

    const json = renderJson(ready);
    console.log(`reference JSON: HTTP ${json.statusCode} ${json.contentType}`);
    const ietf = renderHealthJson(ready, { serviceId: 'demo', includeDetails: false });
    console.log(`IETF health+json: HTTP ${ietf.statusCode} ${ietf.body}`);
    const text = renderText(ready, { probeName: 'readyz' });
    console.log(`Kubernetes text: HTTP ${text.statusCode}`);
    for (const line of text.body.trimEnd().split('\n')) console.log(`  ${line}`);

    const cached = new CachedHealthChecker({ cacheTtlMs: 1000, checkTimeoutMs: 200 });
    let runs = 0;
    cached.add('database', async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return true;
    });
    await Promise.all(Array.from({ length: 100 }, () => cached.runReadiness()));
    await cached.runReadiness();
    console.log(`cached checker: 101 callers, ${runs} run of the checks`);
    await cached.close();

    const shutdown = new GracefulShutdown(registry, { shutdownTimeoutMs: 100 });
    shutdown.beforeShutdown('close-server', () => new Promise((resolve) => setTimeout(resolve, 5)));
    shutdown.beforeShutdown('flush-exporters', () => new Promise<void>(() => {}));
    const report = await shutdown.shutdown();
    const readyWhileDraining = renderText(await shutdown.runReadiness(), { probeName: 'readyz' });
    const liveWhileDraining = renderText(await shutdown.runLiveness(), { probeName: 'livez' });
    console.log(
      `draining: readyz HTTP ${readyWhileDraining.statusCode}, livez HTTP ${liveWhileDraining.statusCode}`,
    );
    console.log(
      `shutdown hooks: completed=${report.completed.join(',')} timedOut=${report.timedOut.join(',')}`,
    );
    off();
    console.log(`healthCheckRun hook fired ${hookEvents} times`);
  },
};
