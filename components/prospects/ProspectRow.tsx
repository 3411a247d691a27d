// One prospect in the list: a button that opens their page, or a checkbox while two are picked for a merge.
import { notContactedYet, type ProspectListRow } from '@/lib/insights/prospects';
import type { MergePicker } from './use-prospect-list';

export function ProspectRow({
  p,
  picker,
  onOpen,
}: {
  p: ProspectListRow;
  picker: MergePicker;
  onOpen: (id: string) => void;
}) {
  const label = p.name || p.emails[0] || 'Unnamed';
  const body = (
    <>
      <span className="row">
        <span className="pname">{label}</span>
        {notContactedYet(p) ? (
          <span className="stage stage-new">not contacted yet</span>
        ) : (
          <span className={`stage stage-${p.stage}`}>{p.stage}</span>
        )}
      </span>
      <span className="psub small muted">
        {[p.title, p.company].filter(Boolean).join(' · ') || p.emails[0] || p.linkedinUrl}
      </span>
    </>
  );
  if (!picker.picking) {
    return (
      <li>
        <button onClick={() => onOpen(p.id)}>{body}</button>
      </li>
    );
  }
  const on = picker.picked.includes(p.id);
  return (
    <li className="pick">
      <label>
        <input
          type="checkbox"
          aria-label={`Pick ${label}`}
          checked={on}
          disabled={!on && picker.picked.length >= 2}
          onChange={() => picker.pick(p.id)}
        />
        <span className="pick-body">{body}</span>
      </label>
    </li>
  );
}
