import { componentLogger } from '../../src/internal/logger.js';
import { captureLogger } from '../support/captureLogger.js';

describe('componentLogger', () => {
  it("uses the user's pino logger, bound to the component", () => {
    const { logger, records } = captureLogger();
    componentLogger({ logger }, 'slo-monitor')().warn({ a: 1 }, 'hello');
    expect(records()).toEqual([
      expect.objectContaining({ level: 'warn', component: 'slo-monitor', a: 1, msg: 'hello' }),
    ]);
  });

  it("builds one from core's createLogger with the given settings", () => {
    const log = componentLogger({ logging: { level: 'error' } }, 'x');
    expect(log().level).toBe('error');
    expect(log()).toBe(log());
  });
});
