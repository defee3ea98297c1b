import type { Labels } from '@lexigram/monitor-core';

/**
 * The series of a metric as a tree of Maps, one level per label in schema order: inner levels
 * map a label value to the next level, the last level maps it to the series' slot (a small
 * integer, stored unboxed in the Map).
 */
export type LabelTree = Map<string, unknown>;

/**
 * Delete the leaf at the path `values` (one value per level) and prune the inner maps it
 * empties, so removed series leave nothing behind. Returns the leaf's slot, or undefined when
 * there was none.
 */
export function deletePath(root: LabelTree, values: readonly string[]): number | undefined {
  const path: LabelTree[] = [];
  let node = root;
  for (let i = 0; i < values.length - 1; i++) {
    path.push(node);
    const next = node.get(values[i]!) as LabelTree | undefined;
    if (next === undefined) return undefined;
    node = next;
  }
  const last = values[values.length - 1]!;
  const slot = node.get(last) as number | undefined;
  if (slot === undefined) return undefined;
  node.delete(last);
  for (let i = values.length - 2; i >= 0 && node.size === 0; i--) {
    const parent = path[i]!;
    parent.delete(values[i]!);
    node = parent;
  }
  return slot;
}

/**
 * Call `fn` on every leaf of a tree with one level per name in `names`, in insertion order, with
 * its slot and a new label object: the constant labels, then `names[i]` = the value at level i.
 * One or two labels without constant labels (most metrics) take loops with one object literal
 * per series, several times faster than adding keys one by one.
 */
export function forEachLeaf(
  root: LabelTree,
  names: readonly string[],
  constLabels: Labels,
  fn: (slot: number, labels: Labels) => void,
): void {
  const plain = Object.keys(constLabels).length === 0;
  const [a = '', b = ''] = names;
  if (plain && names.length === 1) {
    root.forEach((slot, x) => fn(slot as number, { [a]: x }));
  } else if (plain && names.length === 2) {
    root.forEach((level, x) => {
      (level as LabelTree).forEach((slot, y) => fn(slot as number, { [a]: x, [b]: y }));
    });
  } else {
    walkFrom(root, 0, names.length, new Array<string>(names.length), (slot, values) => {
      const out: Record<string, string> = plain ? {} : { ...constLabels };
      for (let i = 0; i < names.length; i++) out[names[i]!] = values[i]!;
      fn(slot, out);
    });
  }
}

function walkFrom(
  node: LabelTree,
  level: number,
  depth: number,
  values: string[],
  visit: (slot: number, values: readonly string[]) => void,
): void {
  const last = level === depth - 1;
  node.forEach((child, value) => {
    values[level] = value;
    if (last) visit(child as number, values);
    else walkFrom(child as LabelTree, level + 1, depth, values, visit);
  });
}
