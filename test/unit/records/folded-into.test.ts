// lib/records/prospect-merge.ts foldedInto: where a folded prospect id lives now (the import's remap).
import { describe, expect, it } from 'vitest';
import { foldedInto } from '@/lib/records/prospect-merge';
import type { MergeRecord } from '@/lib/schema/model';

const fold = (mergedId: string, keptId: string, at: number, undoneAt: number | null = null) =>
  ({ id: `m${at}`, at, mergedId, keptId, undoneAt }) as MergeRecord;

describe('foldedInto', () => {
  it('follows later folds to the record that lives now', () => {
    const all = new Set(['c', 'x']);
    const map = foldedInto([fold('b', 'c', 2), fold('a', 'b', 1), fold('y', 'x', 3)], (id) => all.has(id));
    expect(Object.fromEntries(map)).toEqual({ a: 'c', b: 'c', y: 'x' });
  });

  it('ignores undone folds, and folds into a record deleted since', () => {
    const all = new Set(['b']);
    expect(foldedInto([fold('a', 'b', 1, 5)], (id) => all.has(id)).size).toBe(0);
    expect(foldedInto([fold('a', 'gone', 1)], (id) => all.has(id)).size).toBe(0);
  });

  it('a record folded, undone and folded the other way round: the last fold counts, no loop', () => {
    const map = foldedInto([fold('a', 'b', 1, 2), fold('b', 'a', 3)], (id) => id === 'a');
    expect(Object.fromEntries(map)).toEqual({ b: 'a' });
    // A cycle in a damaged log ends instead of spinning.
    const cyc = foldedInto([fold('a', 'b', 1), fold('b', 'a', 2)], () => true);
    expect(cyc.size).toBeLessThanOrEqual(2);
  });
});
