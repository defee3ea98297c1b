import { InvalidMetricError, type Labels } from '@lexigram/monitor-core';
import type { MonitorFaultHandler } from '@lexigram/monitor-core';
import { metricsFault } from '../logging/metricsFaults.js';
import { OVERFLOW_LABEL } from '../validation/names.js';
import { buildSchema, labelValue, labelsObject, rejectUnknownLabels } from './labelValues.js';
import type { SeriesCell } from './seriesCell.js';
import { describeValue } from '@lexigram/monitor-core/internal';

/** Options of {@link SeriesStore}. */
export interface SeriesStoreOptions<C extends SeriesCell> {
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
  /** Creates the cell of a new series. */
  readonly create: (labels: Labels) => C;
  /** Where the one cap fault goes (else the process-wide channel). */
  readonly onError: MonitorFaultHandler | undefined;
}

type Node = Map<string, unknown>;

const OVERFLOW_LABELS: Labels = Object.freeze({ [OVERFLOW_LABEL]: 'true' });

/**
 * The series of one metric. Series live in a tree of Maps, one level per label in schema order,
 * so a lookup is one `Map.get` per label value: no key string is built (nothing allocated, and
 * `{a:'1,b:2'}` can never meet `{a:'1', b:'2'}`), and label values keep their cached string hash.
 * Past `maxSeries`, new label sets share one overflow series.
 */
export class SeriesStore<C extends SeriesCell> {
  /** Number of series, the overflow series not included. */
  size = 0;
  private names: readonly string[] | undefined;
  // Label count, -1 until the schema is fixed; the first three names kept in fields so the hot
  // path reads each label at its own site (monomorphic) instead of in a loop over `names`.
  private arity = -1;
  private name0 = '';
  private name1 = '';
  private name2 = '';
  // Depth = arity; the leaves are cells. With no labels, `single` is the one cell.
  private root: Node = new Map();
  private single: C | undefined = undefined;
  // The series of an observation without labels (every label ''), once it exists.
  private unlabeled: C | undefined = undefined;
  private overflow: C | undefined = undefined;
  private warned = false;
  private readonly options: SeriesStoreOptions<C>;

  constructor(options: SeriesStoreOptions<C>) {
    this.options = options;
    if (options.labelNames !== undefined) this.fixSchema(options.labelNames);
  }

  /** The label schema (sorted), or undefined until the first observation fixes it. */
  get labelNames(): readonly string[] | undefined {
    return this.names;
  }

  /** The series of `labels`, created on first use (or the overflow series past the cap). */
  resolve(labels: Labels | undefined): C {
    // `== null`: JavaScript callers passing null mean "no labels" too.
    if (labels == null) return this.unlabeled ?? this.resolveSlow(undefined);
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
    return keys === this.arity ? (node as C) : this.resolveSlow(labels);
  }

  /** Drop the series of `labels`; true when it existed. */
  remove(labels: Labels): boolean {
    assertLabelsObject(this.options.metricName, labels);
    const names = this.names;
    if (names === undefined) return false;
    const values = this.valuesOf(labels, names);
    if (names.length === 0) {
      if (this.single === undefined) return false;
      this.single = undefined;
      this.unlabeled = undefined;
      this.size--;
      return true;
    }
    const path: Node[] = [];
    let node = this.root;
    for (let i = 0; i < values.length - 1; i++) {
      path.push(node);
      const next = node.get(values[i]!) as Node | undefined;
      if (next === undefined) return false;
      node = next;
    }
    const cell = node.get(values[values.length - 1]!) as C | undefined;
    if (cell === undefined) return false;
    node.delete(values[values.length - 1]!);
    // Prune emptied inner maps so removed series leave nothing behind.
    for (let i = values.length - 2; i >= 0 && node.size === 0; i--) {
      const parent = path[i]!;
      parent.delete(values[i]!);
      node = parent;
    }
    if (this.unlabeled === cell) this.unlabeled = undefined;
    this.size--;
    return true;
  }

  /** Call `fn` on every series, the overflow series last. */
  forEach(fn: (cell: C) => void): void {
    const names = this.names;
    if (names !== undefined) {
      if (names.length === 0) {
        if (this.single !== undefined) fn(this.single);
      } else {
        walk(this.root, names.length, fn as (cell: unknown) => void);
      }
    }
    if (this.overflow !== undefined) fn(this.overflow);
  }

  /** Own labels merged with the constant labels, as snapshots carry them. */
  exportLabels(cell: C): Labels {
    const constLabels = this.options.constLabels;
    if (cell.exportLabels !== undefined) return cell.exportLabels;
    const merged =
      Object.keys(constLabels).length === 0
        ? cell.labels
        : Object.freeze({ ...constLabels, ...cell.labels });
    cell.exportLabels = merged;
    return merged;
  }

  /** The lookup of `resolve` for no labels, more than three, or a schema not fixed yet. */
  private resolveAny(labels: Labels): C {
    const names = this.names;
    if (names === undefined) return this.resolveSlow(labels);
    const n = names.length;
    let node: unknown = n === 0 ? this.single : this.root;
    for (let i = 0; i < n; i++) {
      const value = labels[names[i]!];
      if (typeof value !== 'string') return this.resolveSlow(labels);
      node = (node as Node).get(value);
      if (node === undefined) return this.resolveSlow(labels);
    }
    if (node === undefined) return this.resolveSlow(labels);
    let keys = 0;
    for (const _ in labels) keys++;
    return keys === n ? (node as C) : this.resolveSlow(labels);
  }

  private resolveSlow(labels: Labels | undefined): C {
    if (labels !== undefined) assertLabelsObject(this.options.metricName, labels);
    const names = this.names ?? this.fixSchema(labels === undefined ? [] : Object.keys(labels));
    const values = labels === undefined ? names.map(() => '') : this.valuesOf(labels, names);
    const n = names.length;
    if (n === 0) {
      if (this.single === undefined) {
        if (this.size >= this.options.maxSeries) return this.overflowCell();
        this.single = this.options.create(labelsObject(names, values));
        this.size++;
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
      const cell = node.get(values[n - 1]!) as C | undefined;
      if (cell !== undefined) {
        if (labels === undefined) this.unlabeled = cell;
        return cell;
      }
    }
    if (this.size >= this.options.maxSeries) return this.overflowCell();
    for (; depth < n - 1; depth++) {
      const next: Node = new Map();
      node.set(values[depth]!, next);
      node = next;
    }
    const cell = this.options.create(labelsObject(names, values));
    node.set(values[n - 1]!, cell);
    this.size++;
    if (labels === undefined) this.unlabeled = cell;
    return cell;
  }

  private overflowCell(): C {
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
    this.overflow ??= this.options.create(OVERFLOW_LABELS);
    return this.overflow;
  }

  private valuesOf(labels: Labels, names: readonly string[]): string[] {
    const { metricName } = this.options;
    const values: string[] = [];
    let present = 0;
    for (const name of names) {
      if (Object.hasOwn(labels, name)) present++;
      values.push(labelValue(metricName, labels, name));
    }
    // More enumerable keys than schema labels found means an unknown key: find and name it.
    let keys = 0;
    for (const _ in labels) keys++;
    if (keys !== present) rejectUnknownLabels(metricName, labels, names);
    return values;
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

function assertLabelsObject(metricName: string, labels: unknown): void {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
    throw new InvalidMetricError(
      `Labels of metric "${metricName}" must be an object of label name to string value, got ${describeValue(labels)}.`,
    );
  }
}

function walk(node: Node, depth: number, fn: (cell: unknown) => void): void {
  if (depth === 1) {
    for (const cell of node.values()) fn(cell);
    return;
  }
  for (const child of node.values()) walk(child as Node, depth - 1, fn);
}
