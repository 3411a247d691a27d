// "Merged … Undo": the merge log entry's undo, offered while the panel stays open
// (components/prospects/last-merge.ts keeps the last merge).
import type { MergeRecord } from '@/lib/schema/model';
import { useUndoMerge } from './use-merge';

export function UndoMergeBar({ record }: { record: MergeRecord }) {
  const { state, undo, dismiss } = useUndoMerge(record);
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
      <button className="link" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
