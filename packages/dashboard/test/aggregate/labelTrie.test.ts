import { LabelTrie } from '../../src/aggregate/labelTrie.js';

describe('LabelTrie', () => {
  it('finds a label set by its values, whatever object carries them', () => {
    const trie = new LabelTrie<string>();
    trie.set({ method: 'GET', route: '/a' }, 'get-a');
    trie.set({ method: 'GET', route: '/b' }, 'get-b');
    trie.set({ method: 'POST', route: '/a' }, 'post-a');
    expect(trie.get({ method: 'GET', route: '/a' })).toBe('get-a');
    expect(trie.get({ method: 'GET', route: '/b' })).toBe('get-b');
    expect(trie.get({ method: 'POST', route: '/a' })).toBe('post-a');
    expect(trie.get({ method: 'POST', route: '/b' })).toBeUndefined();
  });

  it('tells apart sets that differ by one label, a missing label or an extra one', () => {
    const trie = new LabelTrie<number>();
    trie.set({ a: '1', b: '2' }, 1);
    expect(trie.get({ a: '1' })).toBeUndefined(); // a prefix of a stored set
    expect(trie.get({ a: '1', b: '2', c: '3' })).toBeUndefined();
    expect(trie.get({ a: '1', c: '2' })).toBeUndefined(); // same values, other name
    trie.set({ a: '1' }, 2);
    expect(trie.get({ a: '1' })).toBe(2);
    expect(trie.get({ a: '1', b: '2' })).toBe(1);
  });

  it('keeps the empty label set, empty values and values that look like names', () => {
    const trie = new LabelTrie<string>();
    trie.set({}, 'none');
    trie.set({ a: '' }, 'empty');
    trie.set({ a: 'a' }, 'same');
    expect(trie.get({})).toBe('none');
    expect(trie.get({ a: '' })).toBe('empty');
    expect(trie.get({ a: 'a' })).toBe('same');
  });

  it('matches in the labels’ own key order: another order is another key', () => {
    const trie = new LabelTrie<string>();
    trie.set({ a: '1', b: '2' }, 'ab');
    expect(trie.get({ b: '2', a: '1' })).toBeUndefined();
  });

  it('overwrites a value, and forgets everything on clear()', () => {
    const trie = new LabelTrie<number>();
    trie.set({ a: '1' }, 1);
    trie.set({ a: '1' }, 2);
    expect(trie.get({ a: '1' })).toBe(2);
    trie.clear();
    expect(trie.get({ a: '1' })).toBeUndefined();
  });
});
