// Merging two prospects by hand, its hooks: the side-by-side preview and the merge, and the undo of
// the last merge. The reads and actions are lib/insights/prospects.ts (over lib/prospects/merge.ts).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { mergePreviewQuery, mergeTwoProspects, undoProspectMerge } from '@/lib/insights/prospects';
import type { MergeRecord } from '@/lib/schema/model';
import { setLastMerge } from './last-merge';

export function useMergePreview(ids: [string, string], onDone: (r: MergeRecord) => void) {
  const qc = useQueryClient();
  const q = useQuery(mergePreviewQuery(ids));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const merge = async () => {
    setBusy(true);
    setError(null);
    const r = await mergeTwoProspects(qc, ids);
    setBusy(false);
    if (r.ok) onDone(r.record);
    else setError(r.message);
  };
  return { error: q.error, preview: q.data, merging: { busy, error }, merge };
}

/** 'merged' (undo offered), 'busy', 'undone', or why the undo failed. */
export type UndoState = 'merged' | 'busy' | 'undone' | (string & {});

export function useUndoMerge(record: MergeRecord) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<'busy' | string | null>(null);
  const state: UndoState = record.undoneAt ? 'undone' : (busy ?? 'merged');
  const undo = async () => {
    setBusy('busy');
    const r = await undoProspectMerge(qc, record);
    if (r.ok) {
      setBusy(null);
      setLastMerge(r.record);
    } else setBusy(r.message);
  };
  return { state, undo, dismiss: () => setLastMerge(null) };
}
