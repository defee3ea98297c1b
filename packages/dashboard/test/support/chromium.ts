import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Path of Debian's Chromium, installing it with apt-get when missing and running as root.
 * Undefined (the caller skips, saying why) only off CI when it cannot be installed; under
 * `CI=true` a missing browser is an error.
 */
export function ensureChromium(): string | undefined {
  const find = () => {
    const found = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    });
    return found.status === 0 ? found.stdout.trim().split('\n')[0] : undefined;
  };
  let path = find();
  if (!path && process.getuid?.() === 0) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update'], { stdio: 'ignore', env });
      execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore', env });
    } catch {
      // Reported below through the missing path.
    }
    path = find();
  }
  if (!path && process.env['CI'] === 'true') {
    throw new Error('Chromium is missing and could not be installed (apt-get install -y chromium)');
  }
  return path;
}

/** Flags Chromium needs in a container (see the environment notes). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
