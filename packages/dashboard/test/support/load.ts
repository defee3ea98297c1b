import { Agent, get } from 'node:http';

/** Steady background traffic against the service until `stop()`. */
export function startLoad(baseUrl: string, concurrency = 4): { stop(): Promise<void> } {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const paths = ['/users/1', '/users/2', '/users/3', '/slow', '/fail', '/users/4', '/nope'];
  let running = true;
  let n = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = get(`${baseUrl}${paths[n++ % paths.length]}`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', () => resolve());
    });
  const workers = Array.from({ length: concurrency }, async () => {
    while (running) await one();
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      agent.destroy();
    },
  };
}
