/**
 * @lexigram/monitor-nestjs: Lexigram Monitor as a NestJS module. The application loads
 * `reflect-metadata` first, as every Nest application does.
 *
 * @packageDocumentation
 */
export { MonitorModule, type NestMonitorOptions } from './monitorModule.js';
export { HandlerTracingInterceptor, routeTemplate } from './handlerTracing.js';
export {
  MONITOR,
  MONITOR_HEALTH,
  MONITOR_METER,
  MONITOR_OBSERVABILITY,
  MONITOR_TRACER,
} from './tokens.js';
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
