import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('examples/demo', () => {
  it('runs to the end on embedded defaults and shows each section', () => {
    const out = execFileSync('pnpm', ['exec', 'tsx', 'src/main.ts'], {
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
      env: { ...process.env, LEX_ENV: '' },
      timeout: 120_000,
    });
    expect(out).toContain('=== core: config, logging, no-op facade, backend discovery ===');
    expect(out).toContain('config: backend=memory service=demo-service');
    expect(out).toMatch(/validate\(production\): error debug/);
    expect(out).toContain('"[REDACTED]"');
    expect(out).not.toContain('hunter2');
    expect(out).toContain('no-op facade: span and metrics run harmlessly, result=42');
    expect(out).toContain('hook: alert demo-alert (low)');
    expect(out).toContain('npm install @lexigram/monitor-backend-prometheus');
    expect(out).toContain('Demo finished.');
  });
});
