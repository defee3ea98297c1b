type WithResources = { getActiveResourcesInfo?: () => string[] };

/**
 * Types of the handles and requests keeping the event loop alive (`Timeout`, `TCPWrap`,
 * `FSReqCallback`, ...), one entry per resource; undefined where Node lacks
 * `process.getActiveResourcesInfo`.
 */
export function activeResourceTypes(): string[] | undefined {
  const info = (process as WithResources).getActiveResourcesInfo;
  return typeof info === 'function' ? info.call(process) : undefined;
}

/** Number of active handles and requests, or undefined where Node cannot tell. */
export function countActiveResources(): number | undefined {
  return activeResourceTypes()?.length;
}

/** Active handles and requests counted per type, or undefined where Node cannot tell. */
export function countActiveResourcesByType(): Map<string, number> | undefined {
  const types = activeResourceTypes();
  if (!types) return undefined;
  const counts = new Map<string, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}
