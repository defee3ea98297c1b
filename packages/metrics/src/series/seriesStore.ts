import type { Labels, MonitorFaultHandler } from '@lexigram/monitor-core';
import { metricsFault } from '../logging/metricsFaults.js';
import { OVERFLOW_LABEL } from '../validation/names.js';
import { deletePath, forEachLeaf, type LabelTree as Node } from './labelTree.js';
import { assertLabelsObject, buildSchema, labelValuesOf, labelsObject } from './labelValues.js';
import type { SeriesHandle } from './seriesHandle.js';

/** Options of {@link SeriesStore}. */
export interface SeriesStoreOptions {
  /** Full metric name, for messages. */
  readonly metricName: string;
  /** Label names fixed up front; when omitted the first observation fixes them. */
  readonly labelNames: readonly string[] | undefined;
  /** Validated, frozen constant labels. */
  readonly constLabels: Labels;
  /** Label names the metric type reserves (`le`, `quantile`). */
  readonly reserved: readonly string[];
  /** Cardinality cap. */
  readonly maxSeries: number;
  /** Make slot `slot` ready for a new series: grow the instrument's columns to it, zero it. */
  readonly claim: (slot: number) => void;
  /** Let go of what slot `slot` holds: its series was removed. */
  readonly release?: (slot: number) => void;
  /** Where the one cap fault goes (else the process-wide channel). */
  readonly onError: MonitorFaultHandler | undefined;
}

const OVERFLOW_LABELS: Labels = Object.freeze({ [OVERFLOW_LABEL]: 'true' });

/**
 * The series of one metric, as slot numbers: the instrument keeps each series' state in flat
 * columns indexed by slot (a `Float64Array` for counters), so a series costs a tree entry and its
 * column cells, with no object, label copy or key string of its own. Series live in a tree of
 * Maps, one level per label in schema order, the leaves holding slots (small integers, stored
 * unboxed): a lookup is one `Map.get` per label value, no key string is built (nothing
 * allocated, and `{a:'1,b:2'}` can never meet `{a:'1', b:'2'}`), and label values keep their
 * cached string hash. The tree's keys are the label values, so label objects are built from it
 * at collect time rather than kept per series. Past `maxSeries`, new label sets share one
 * overflow series. Slots of removed series are reused.
 */
export class SeriesStore {
  /** Number of series, the overflow series not included. */
  size = 0;
  private names: readonly string[] | undefined;
  // Label count, -1 until the schema is fixed; the first three names kept in fields so the hot
  // path reads each label at its own site (monomorphic) instead of in a loop over `names`.
  private arity = -1;
  private name0 = '';
  private name1 = '';
  private name2 = '';
  // Depth = arity; the leaves are slots. With no labels, `single` is the one slot. -1: none.
  private root: Node = new Map();
  private single = -1;
  // The slot of an observation without labels (every label ''), once it exists.
  private unlabeled = -1;
  private overflow = -1;
  private nextSlot = 0;
  private readonly freeSlots: number[] = [];
  // Bound handles, by slot; only series someone bound have one.
  private handles: Map<number, SeriesHandle> | undefined = undefined;
  private warned = false;
  private readonly options: SeriesStoreOptions;
  private readonly overflowLabels: Labels;
  private readonly noOwnLabels: Labels;

  constructor(options: SeriesStoreOptions) {
    this.options = options;
    const constLabels = options.constLabels;
    const hasConst = Object.keys(constLabels).length > 0;
    this.overflowLabels = hasConst
      ? Object.freeze({ ...constLabels, ...OVERFLOW_LABELS })
      : OVERFLOW_LABELS;
    this.noOwnLabels = hasConst ? constLabels : Object.freeze({});
    if (options.labelNames !== undefined) this.fixSchema(options.labelNames);
  }

  /** The label schema (sorted), or undefined until the first observation fixes it. */
  get labelNames(): readonly string[] | undefined {
    return this.names;
  }

  /** The slot of the series of `labels`, created on first use (the overflow past the cap). */
  resolve(labels: Labels | undefined): number {
    // `== null`: JavaScript callers passing null mean "no labels" too.
    if (labels == null) return this.unlabeled >= 0 ? this.unlabeled : this.resolveSlow(undefined);
    // The fast path reads `labels[name]` and counts keys with for-in, both of which see
    // inherited properties: only plain objects take it, so only own properties select a series.
    if (Object.getPrototypeOf(labels) !== Object.prototype) return this.resolveSlow(labels);
    let node: unknown;
    switch (this.arity) {
      case 1: {
        const a = labels[this.name0];
        if (typeof a !== 'string') return this.resolveSlow(labels);
        node = this.root.get(a);
        break;
      }
      case 2: {
        const a = labels[this.name0];
        const b = labels[this.name1];
        if (typeof a !== 'string' || typeof b !== 'string') return this.resolveSlow(labels);
        const level = this.root.get(a) as Node | undefined;
        if (level === undefined) return this.resolveSlow(labels);
        node = level.get(b);
        break;
      }
      case 3: {
        const a = labels[this.name0];
        const b = labels[this.name1];
        const c = labels[this.name2];
        if (typeof a !== 'string' || typeof b !== 'string' || typeof c !== 'string') {
          return this.resolveSlow(labels);
        }
        const level1 = this.root.get(a) as Node | undefined;
        if (level1 === undefined) return this.resolveSlow(labels);
        const level2 = level1.get(b) as Node | undefined;
        if (level2 === undefined) return this.resolveSlow(labels);
        node = level2.get(c);
        break;
      }
      default:
        return this.resolveAny(labels);
    }
    if (node === undefined) return this.resolveSlow(labels);
    // Every schema label matched; an extra key must still be rejected. for-in over a fast-mode
    // object walks its enum cache and allocates nothing.
    let keys = 0;
    for (const _ in labels) keys++;
    return keys === this.arity ? (node as number) : this.resolveSlow(labels);
  }

  /**
   * Drop the series of `labels`; true when it existed. Its bound handle (if any) is detached and
   * its slot freed for a later series.
   */
  remove(labels: Labels): boolean {
    assertLabelsObject(this.options.metricName, labels);
    const names = this.names;
    if (names === undefined) return false;
    const values = labelValuesOf(this.options.metricName, labels, names);
    let slot: number;
    if (names.length === 0) {
      if (this.single < 0) return false;
      slot = this.single;
      this.single = -1;
    } else {
      const found = deletePath(this.root, values);
      if (found === undefined) return false;
      slot = found;
    }
    if (this.unlabeled === slot) this.unlabeled = -1;
    this.size--;
    const handle = this.handles?.get(slot);
    if (handle !== undefined) {
      handle.detach();
      this.handles!.delete(slot);
    }
    this.options.release?.(slot);
    this.freeSlots.push(slot);
    return true;
  }

  /**
   * Call `fn` with the slot and the export labels (own labels merged over the constant labels)
   * of every series, the overflow series last. The label objects are built for this call: a
   * series keeps none.
   */
  forEachSeries(fn: (slot: number, labels: Labels) => void): void {
    const names = this.names;
    if (names !== undefined) {
      if (names.length === 0) {
        if (this.single >= 0) fn(this.single, this.noOwnLabels);
      } else {
        forEachLeaf(this.root, names, this.options.constLabels, fn);
      }
    }
    if (this.overflow >= 0) fn(this.overflow, this.overflowLabels);
  }

  /**
   * The own labels of the series `labels` resolved to `slot` (the overflow series' label past
   * the cap), as a new frozen object: what `metricRecorded` listeners and bound handles carry.
   */
  ownLabels(labels: Labels | undefined, slot: number): Labels {
    if (slot === this.overflow) return OVERFLOW_LABELS;
    const names = this.names ?? [];
    const values =
      labels == null ? names.map(() => '') : labelValuesOf(this.options.metricName, labels, names);
    return labelsObject(names, values);
  }

  /** The bound handle of the series at `slot`, made by `make` the first time. */
  handle<H extends SeriesHandle>(slot: number, make: () => H): H {
    let handle = this.handles?.get(slot);
    if (handle === undefined) {
      handle = make();
      (this.handles ??= new Map()).set(slot, handle);
    }
    return handle as H;
  }

  /** Let every bound handle re-read the instrument's columns, which were just reallocated. */
  refreshHandles(): void {
    this.handles?.forEach(refreshHandle);
  }

  /** Call `fn` on every bound handle of a live series. */
  forEachHandle(fn: (handle: SeriesHandle) => void): void {
    this.handles?.forEach(fn);
  }

  /** The lookup of `resolve` for no labels, more than three, or a schema not fixed yet. */
  private resolveAny(labels: Labels): number {
    const names = this.names;
    if (names === undefined || Object.getPrototypeOf(labels) !== Object.prototype) {
      return this.resolveSlow(labels);
    }
    const n = names.length;
    let node: unknown = n === 0 ? (this.single >= 0 ? this.single : undefined) : this.root;
    for (let i = 0; i < n; i++) {
      const value = labels[names[i]!];
      if (typeof value !== 'string') return this.resolveSlow(labels);
      node = (node as Node).get(value);
      if (node === undefined) return this.resolveSlow(labels);
    }
    if (node === undefined) return this.resolveSlow(labels);
    let keys = 0;
    for (const _ in labels) keys++;
    return keys === n ? (node as number) : this.resolveSlow(labels);
  }

  private resolveSlow(labels: Labels | undefined): number {
    if (labels !== undefined) assertLabelsObject(this.options.metricName, labels);
    const names = this.names ?? this.fixSchema(labels === undefined ? [] : Object.keys(labels));
    const values =
      labels === undefined
        ? names.map(() => '')
        : labelValuesOf(this.options.metricName, labels, names);
    const n = names.length;
    if (n === 0) {
      if (this.single < 0) {
        if (this.size >= this.options.maxSeries) return this.overflowSlot();
        this.single = this.takeSlot();
      }
      this.unlabeled = this.single;
      return this.single;
    }
    // Walk as far as the path exists, then either return the series or grow the path from there.
    let node = this.root;
    let depth = 0;
    for (; depth < n - 1; depth++) {
      const next = node.get(values[depth]!) as Node | undefined;
      if (next === undefined) break;
      node = next;
    }
    if (depth === n - 1) {
      const found = node.get(values[n - 1]!) as number | undefined;
      if (found !== undefined) {
        if (labels === undefined) this.unlabeled = found;
        return found;
      }
    }
    if (this.size >= this.options.maxSeries) return this.overflowSlot();
    for (; depth < n - 1; depth++) {
      const next: Node = new Map();
      node.set(values[depth]!, next);
      node = next;
    }
    const slot = this.takeSlot();
    node.set(values[n - 1]!, slot);
    if (labels === undefined) this.unlabeled = slot;
    return slot;
  }

  /** A free slot (a removed series' first), claimed by the instrument; counts a series. */
  private takeSlot(): number {
    const slot = this.freeSlots.pop() ?? this.nextSlot++;
    this.options.claim(slot);
    this.size++;
    return slot;
  }

  private overflowSlot(): number {
    if (!this.warned) {
      this.warned = true;
      const { metricName, maxSeries } = this.options;
      metricsFault(
        this.options.onError,
        'seriesStore',
        'CARDINALITY_CAP_REACHED',
        `Metric "${metricName}" reached its cardinality cap of ${maxSeries} series: new label sets are recorded in one series labeled ${OVERFLOW_LABEL}="true". Use fewer distinct label values, or raise maxSeries (maxSeriesPerMetric in MetricsConfig).`,
        { metric: metricName, maxSeries },
      );
    }
    if (this.overflow < 0) {
      const slot = this.freeSlots.pop() ?? this.nextSlot++;
      this.options.claim(slot);
      this.overflow = slot;
    }
    return this.overflow;
  }

  private fixSchema(labelNames: readonly string[]): readonly string[] {
    const { metricName, constLabels, reserved } = this.options;
    const names = buildSchema(metricName, labelNames, constLabels, reserved);
    this.names = names;
    this.arity = names.length;
    this.name0 = names[0] ?? '';
    this.name1 = names[1] ?? '';
    this.name2 = names[2] ?? '';
    return names;
  }
}

function refreshHandle(handle: SeriesHandle): void {
  handle.refresh();
}
