import { TRACE_FLAG_SAMPLED, type SpanContextData, type SpanKind } from '@lexigram/monitor-core';
import { AlwaysOffSampler } from './alwaysOffSampler.js';
import { AlwaysOnSampler } from './alwaysOnSampler.js';
import type { Sampler } from './sampler.js';

/** Options of {@link ParentBasedSampler}. */
export interface ParentBasedSamplerOptions {
  /** Decides for root spans (no parent). */
  root: Sampler;
  /** For a sampled parent from another process. Default: always on. */
  remoteParentSampled?: Sampler;
  /** For an unsampled parent from another process. Default: always off. */
  remoteParentNotSampled?: Sampler;
  /** For a sampled parent in this process. Default: always on. */
  localParentSampled?: Sampler;
  /** For an unsampled parent in this process. Default: always off. */
  localParentNotSampled?: Sampler;
}

/**
 * Follows the parent's sampled flag, so a trace is kept or dropped as the caller decided; root
 * spans are decided by `root`.
 */
export class ParentBasedSampler implements Sampler {
  private readonly root: Sampler;
  private readonly remoteSampled: Sampler;
  private readonly remoteNotSampled: Sampler;
  private readonly localSampled: Sampler;
  private readonly localNotSampled: Sampler;

  constructor(options: ParentBasedSamplerOptions) {
    this.root = options.root;
    this.remoteSampled = options.remoteParentSampled ?? new AlwaysOnSampler();
    this.remoteNotSampled = options.remoteParentNotSampled ?? new AlwaysOffSampler();
    this.localSampled = options.localParentSampled ?? new AlwaysOnSampler();
    this.localNotSampled = options.localParentNotSampled ?? new AlwaysOffSampler();
  }

  shouldSample(
    traceId: string,
    parent: SpanContextData | undefined,
    name: string,
    kind: SpanKind,
  ): boolean {
    if (parent === undefined) return this.root.shouldSample(traceId, parent, name, kind);
    const sampled = (parent.traceFlags & TRACE_FLAG_SAMPLED) !== 0;
    const delegate = parent.isRemote
      ? sampled
        ? this.remoteSampled
        : this.remoteNotSampled
      : sampled
        ? this.localSampled
        : this.localNotSampled;
    return delegate.shouldSample(traceId, parent, name, kind);
  }

  toString(): string {
    return `ParentBasedSampler{root=${this.root.toString()}}`;
  }
}
