import type { Labels } from '@lexigram/monitor-core';

/** A level of the trie: label names map to value levels, value levels to the next name level. */
type Level = Map<string, unknown>;

/** Where a name level keeps the value for the label set that ends there (names are non-empty). */
const END = '';

/**
 * A map from label sets to values, looked up by walking the labels' own names and values: no
 * key string is built and no sort is made on a hit, so a read of thousands of series whose label
 * objects are new on every collect costs a few map lookups per series. The label strings of one
 * collector are the same string objects on every collect, whose hashes V8 keeps, so each
 * lookup is cheap. Label sets are matched in their own key order, which one collector keeps
 * for a metric; the same set in another order is another key (an extra entry, never a wrong
 * one).
 */
export class LabelTrie<T> {
  private root: Level = new Map();

  /** The value stored for `labels`, if any. */
  get(labels: Labels): T | undefined {
    let level: Level | undefined = this.root;
    for (const name in labels) {
      const values = level.get(name) as Level | undefined;
      if (values === undefined) return undefined;
      level = values.get(labels[name]!) as Level | undefined;
      if (level === undefined) return undefined;
    }
    return level.get(END) as T | undefined;
  }

  /** Store `value` for `labels`. */
  set(labels: Labels, value: T): void {
    let level = this.root;
    for (const name in labels) {
      let values = level.get(name) as Level | undefined;
      if (values === undefined) level.set(name, (values = new Map()));
      const value = labels[name]!;
      let next = values.get(value) as Level | undefined;
      if (next === undefined) values.set(value, (next = new Map()));
      level = next;
    }
    level.set(END, value);
  }

  /** Forget everything (cheaper than pruning single entries, which are rarely removed). */
  clear(): void {
    this.root = new Map();
  }
}
