/** One request of the built-in load. */
export interface LoadTarget {
  readonly path: string;
  readonly weight: number;
}

/**
 * Send `total` requests to `baseUrl`, `concurrency` at a time, picking paths by weight in a fixed
 * rotation (no randomness: the same run every time), drawing a progress bar on `write`.
 */
export async function driveLoad(
  baseUrl: string,
  targets: readonly LoadTarget[],
  total: number,
  concurrency: number,
  write: (text: string) => void,
): Promise<{ readonly sent: number; readonly seconds: number }> {
  const rotation = targets.flatMap((t) => Array.from({ length: t.weight }, () => t.path));
  let next = 0;
  let done = 0;
  const began = performance.now();
  const draw = (): void => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    write(`\r  load [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  };
  const worker = async (): Promise<void> => {
    while (next < total) {
      const path = rotation[next++ % rotation.length]!;
      const res = await fetch(`${baseUrl}${path}`);
      await res.arrayBuffer();
      done++;
      if (done % 10 === 0 || done === total) draw();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  write('\n');
  return { sent: done, seconds: (performance.now() - began) / 1000 };
}
