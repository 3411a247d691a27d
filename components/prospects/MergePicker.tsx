// Merge by hand, in the list: the "Merge two…" switch, how many are picked, and the side-by-side
// comparison of the two (MergeProspects) once asked for.
import { MergeProspects } from './MergeProspects';
import type { MergePicker as Picker } from './use-prospect-list';

export function MergeToggle({ picker }: { picker: Picker }) {
  return (
    <button className="small" aria-pressed={picker.picking} onClick={picker.toggle}>
      {picker.picking ? 'Cancel merge' : 'Merge two…'}
    </button>
  );
}

export function MergePicker({ picker }: { picker: Picker }) {
  const { picking, picked, comparing } = picker;
  if (!picking) return null;
  if (!comparing)
    return (
      <div className="row small">
        <span className="muted">
          {picked.length === 2 ? 'Two picked.' : `Pick two prospects who are one person (${picked.length} of 2).`}
        </span>
        <button className="primary" disabled={picked.length !== 2} onClick={() => picker.setComparing(true)}>
          Compare
        </button>
      </div>
    );
  if (picked.length !== 2) return null;
  return (
    <MergeProspects ids={[picked[0]!, picked[1]!]} onCancel={() => picker.setComparing(false)} onDone={picker.done} />
  );
}
