/**
 * A token bucket: up to `capacity` takes at once, refilled continuously at `capacity` per
 * `perMs`. Used as the per-destination rate limit of webhook dispatchers.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number | undefined;

  constructor(
    readonly capacity: number,
    readonly perMs: number,
  ) {
    this.tokens = capacity;
  }

  /** Take one token at `nowMs`; false when the bucket is empty. */
  tryTake(nowMs: number): boolean {
    if (this.updatedAt !== undefined && nowMs > this.updatedAt) {
      this.tokens = Math.min(
        this.capacity,
        this.tokens + ((nowMs - this.updatedAt) * this.capacity) / this.perMs,
      );
    }
    if (this.updatedAt === undefined || nowMs > this.updatedAt) this.updatedAt = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
