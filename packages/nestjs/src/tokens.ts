/** Injection token of the {@link Monitor} built by `MonitorModule.configure`. */
export const MONITOR = 'LEXIGRAM_MONITOR';
/** Injection token of the monitor's tracer (`TracerProtocol`). */
export const MONITOR_TRACER = 'LEXIGRAM_MONITOR_TRACER';
/** Injection token of the monitor's metrics collector (`MetricsCollectorProtocol`). */
export const MONITOR_METER = 'LEXIGRAM_MONITOR_METER';
/** Injection token of the monitor's health probes (`HealthProbesProtocol`). */
export const MONITOR_HEALTH = 'LEXIGRAM_MONITOR_HEALTH';
/** Injection token of the monitor's `ObservabilityService` facade. */
export const MONITOR_OBSERVABILITY = 'LEXIGRAM_MONITOR_OBSERVABILITY';
