import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getDb } from '@/lib/db/db';
import { undoMerge } from '@/lib/prospects/merge';
import type { MergeRecord } from '@/lib/schema/model';
import { setLastMerge } from './last-merge';

/** "Merged … Undo": the merge log entry's undo, offered while the panel stays open. */
export function UndoMergeBar({ record, onGone }: { record: MergeRecord; onGone: () => void }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<'busy' | string | null>(null);
  const state = record.undoneAt ? 'undone' : (busy ?? 'merged');
  const undo = async () => {
    setBusy('busy');
    try {
      const at = Date.now();
      await undoMerge(getDb(), record.id, at);
      setBusy(null);
      setLastMerge({ ...record, undoneAt: at });
      void qc.invalidateQueries({ queryKey: ['insights'] });
    } catch (e) {
      setBusy(String(e instanceof Error ? e.message : e));
    }
  };
  const names = `${record.before.merged.name || record.before.merged.emails[0] || 'one record'} and ${record.before.kept.name || record.before.kept.emails[0] || 'another'}`;
  return (
    <div className="notice undo-bar" role="status" data-testid="merge-status">
      {state === 'undone' ? (
        <>Merge undone: {names} are two prospects again. </>
      ) : state === 'merged' || state === 'busy' ? (
        <>
          Merged {names}.{' '}
          <button onClick={undo} disabled={state === 'busy'}>
            Undo
          </button>{' '}
        </>
      ) : (
        <span className="error">{state} </span>
      )}
      <button className="link" aria-label="Dismiss" onClick={onGone}>
        ×
      </button>
    </div>
  );
}
