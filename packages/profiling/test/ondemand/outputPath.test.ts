import { join } from 'node:path';
import { outputPath } from '../../src/ondemand/outputPath.js';

describe('outputPath', () => {
  it('prefers the exact filePath', () => {
    expect(outputPath({ filePath: '/x/y.cpuprofile', directory: '/z' }, 'CPU', 'cpuprofile')).toBe(
      '/x/y.cpuprofile',
    );
  });

  it('generates unique names in the directory, in Node’s own shape', () => {
    const a = outputPath({ directory: '/tmp/p' }, 'CPU', 'cpuprofile');
    const b = outputPath({ directory: '/tmp/p' }, 'CPU', 'cpuprofile');
    expect(a).not.toBe(b);
    expect(a.startsWith(join('/tmp/p', 'CPU.'))).toBe(true);
    expect(a).toMatch(new RegExp(`CPU\\.\\d{8}\\.\\d{6}\\.${process.pid}\\.\\d{3}\\.cpuprofile$`));
  });

  it('defaults to the current directory', () => {
    expect(outputPath({}, 'Heap', 'heapsnapshot').startsWith(process.cwd())).toBe(true);
  });
});
