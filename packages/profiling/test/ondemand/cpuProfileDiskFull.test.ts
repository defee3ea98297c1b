import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureArgs, tempDir } from '../support/work.js';

describe('a CPU profile whose write fails (F22)', () => {
  it('leaves no truncated .cpuprofile and names the real cause', () => {
    const tmp = tempDir();
    try {
      const filePath = join(tmp.dir, 'c.cpuprofile');
      // A 4 KB file size limit: the profile (far larger) cannot be written, as on a full disk.
      const out = execFileSync(
        'bash',
        [
          '-c',
          'trap "" XFSZ; ulimit -f 4; exec "$0" "$@"',
          process.execPath,
          ...fixtureArgs('cpuProfileDiskFullChild.ts', filePath),
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
      const result = JSON.parse(out.trim().split('\n').pop()!) as {
        ok: boolean;
        message?: string;
        cause?: string;
      };
      expect(result.ok).toBe(false);
      expect(result.cause).toBe('EFBIG');
      expect(result.message).toContain('EFBIG');
      expect(result.message).toContain('free disk space');
      expect(result.message).not.toContain('check the directory is writable');
      expect(existsSync(filePath)).toBe(false);
      expect(readdirSync(tmp.dir)).toEqual([]);
    } finally {
      tmp.cleanup();
    }
  });
});
