import { PerformanceMonitorError } from '@lexigram/monitor-core';
import { profiled, profiledFunction } from '../../src/profile/profiled.js';
import { PerformanceMonitor } from '../../src/monitor/performanceMonitor.js';
import type { FunctionProfileResult } from '../../src/model/functionProfileResult.js';
import { sleep } from '@lexigram/test-support';

describe('profiledFunction', () => {
  it('keeps a sync function sync and reports every call', () => {
    const profiles: FunctionProfileResult[] = [];
    function add(a: number, b: number) {
      return a + b;
    }
    const wrapped = profiledFunction(add, { onProfile: (p) => profiles.push(p) });
    expect(wrapped(2, 3)).toBe(5);
    expect(wrapped(1, 1)).toBe(2);
    expect(wrapped.name).toBe('add');
    expect(profiles.map((p) => p.functionName)).toEqual(['add', 'add']);
  });

  it('reports failed async calls before rethrowing, under the given name', async () => {
    const profiles: FunctionProfileResult[] = [];
    const boom = new Error('nope');
    const wrapped = profiledFunction(
      async () => {
        await sleep(10);
        throw boom;
      },
      { name: 'jobs.run', onProfile: (p) => profiles.push(p) },
    );
    await expect(wrapped()).rejects.toBe(boom);
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ functionName: 'jobs.run', success: false, error: boom });
  });

  it('keeps `this`', () => {
    const profiles: FunctionProfileResult[] = [];
    const obj = {
      factor: 3,
      times: profiledFunction(
        function (this: { factor: number }, x: number) {
          return x * this.factor;
        },
        { onProfile: (p) => profiles.push(p) },
      ),
    };
    expect(obj.times(2)).toBe(6);
  });

  it('feeds a monitor through recordProfile', () => {
    const monitor = new PerformanceMonitor();
    const wrapped = profiledFunction(() => 1, { onProfile: (p) => monitor.recordProfile(p) });
    wrapped();
    wrapped();
    expect(monitor.metrics.functionProfileCount).toBe(2);
  });

  it('requires onProfile', () => {
    expect(() => profiledFunction(() => 1, {} as never)).toThrow(PerformanceMonitorError);
    expect(() => profiled(undefined as never)).toThrow(/onProfile must be a function/);
  });
});

describe('@profiled', () => {
  it('profiles methods as Class.method, static ones too', async () => {
    const profiles: FunctionProfileResult[] = [];
    const onProfile = (p: FunctionProfileResult) => profiles.push(p);
    class Reports {
      constructor(private readonly prefix: string) {}
      @profiled({ onProfile })
      async build(id: string) {
        await sleep(5);
        return `${this.prefix}-${id}`;
      }
      @profiled({ onProfile })
      static version() {
        return 2;
      }
      @profiled({ onProfile, name: 'custom' })
      named() {
        return 'n';
      }
    }
    await expect(new Reports('r').build('1')).resolves.toBe('r-1');
    expect(Reports.version()).toBe(2);
    expect(new Reports('x').named()).toBe('n');
    expect(profiles.map((p) => p.functionName)).toEqual([
      'Reports.build',
      'Reports.version',
      'custom',
    ]);
  });
});
