// "Log a call": outcome, an optional note, one button (the call joins the timeline).
import type { CallOutcome } from '@/lib/schema/model';
import type { ProspectActions } from './use-prospect-page';

export function CallLogger({
  actions: { call, setCall, logCall },
}: {
  actions: Pick<ProspectActions, 'call' | 'setCall' | 'logCall'>;
}) {
  return (
    <div className="card" aria-label="Log a call">
      <h3>Log a call</h3>
      <div className="row">
        <select
          aria-label="Call outcome"
          value={call.outcome}
          onChange={(e) => setCall({ ...call, outcome: e.target.value as CallOutcome })}
        >
          <option value="connected">Connected</option>
          <option value="voicemail">Voicemail</option>
          <option value="no-answer">No answer</option>
        </select>
        <input
          type="text"
          aria-label="Call note"
          placeholder="Note (optional)"
          value={call.note}
          onChange={(e) => setCall({ ...call, note: e.target.value })}
          style={{ flex: 1, minWidth: 0 }}
        />
        <button onClick={logCall}>Log call</button>
      </div>
    </div>
  );
}
