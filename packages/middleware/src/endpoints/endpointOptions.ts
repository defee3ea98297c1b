import type {
  HealthJsonOptions,
  HealthProbesProtocol,
  HealthReport,
  MetricsCollectorProtocol,
  MetricsExpositionProtocol,
  MonitorFaultHandler,
} from '@lexigram/monitor-core';

/** A health source: probes (e.g. monitor-health's `HealthCheckRegistry`) or a function. */
export type HealthSource = HealthProbesProtocol | (() => HealthReport | Promise<HealthReport>);

/** Options of the served `/metrics` and `/health` endpoints. */
export interface MonitorEndpointOptions {
  /**
   * Renders `/metrics` (the Prometheus backend implements it). Without one, `/metrics` serves the
   * collector's snapshot as JSON and says so.
   */
  readonly exposition?: MetricsExpositionProtocol;
  /** Source of the JSON snapshot when there is no `exposition`. */
  readonly metricsCollector?: MetricsCollectorProtocol;
  /** Path of the metrics endpoint; `false` serves none. Default `/metrics` (when a source is given). */
  readonly metricsPath?: string | false;
  /** Health probes served at `healthPath` and its `/live`, `/ready`, `/startup` children. */
  readonly health?: HealthSource;
  /** Path of the health endpoint; `false` serves none. Default `/health` (when `health` is given). */
  readonly healthPath?: string | false;
  /** Show check messages and details. Default false: anyone can reach these endpoints. */
  readonly includeDetails?: boolean;
  /** Service fields of the `application/health+json` format (version, releaseId, ...). */
  readonly healthJson?: Omit<HealthJsonOptions, 'includeDetails'>;
  /** Receives faults of rendering (a failing exposition or health source). */
  readonly onError?: MonitorFaultHandler;
}

/** A response the endpoints produce, written by each adapter in its own way. */
export interface EndpointResponse {
  readonly statusCode: number;
  readonly contentType: string;
  readonly body: string;
}
