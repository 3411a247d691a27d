// LinkedIn invitation acceptance (docs/design.md, "What the numbers mean"), a function of `now`.
//
// LinkedIn tells the sender when an invitation is accepted (the person shows as 1st degree: the
// prospect's `connectedAt`), and Sidelog sees when the user withdraws one, but it never tells when
// one is ignored or expires. So an invitation still pending `pendingDays` (Settings, default 21)
// after it was sent counts as not accepted; before that it is pending and in no denominator yet.
// A withdrawn invitation leaves the denominator. Only invitations Sidelog logged count: those
// with a note (an invitation without one carries no outreach text and is not stored).
import { CHANNELS, type Facts } from './facts';
import { wilson, type Rate } from './stats';

const DAY = 86_400_000;

export interface Acceptance {
  /** Invitations sent in the range (not after `now`). */
  sent: number;
  /** Withdrawn by the user: in no denominator. */
  withdrawn: number;
  accepted: number;
  /** Pending for more than `pendingDays`: counted as not accepted. */
  notAccepted: number;
  /** Pending for `pendingDays` or less: not counted yet. */
  pending: number;
  /** accepted ÷ (accepted + notAccepted), with its Wilson interval. */
  rate: Rate;
  pendingDays: number;
}

export function acceptance(
  facts: Facts,
  o: { now: number; pendingDays: number; from?: number | null; to?: number | null },
): Acceptance {
  const c = facts.threads;
  const P = facts.prospects;
  const li = CHANNELS.indexOf('linkedin');
  const out = { sent: 0, withdrawn: 0, accepted: 0, notAccepted: 0, pending: 0 };
  for (let i = 0; i < c.n; i++) {
    if (c.channel[i] !== li || c.iOff[i] === c.iOff[i + 1]) continue;
    let connected = false;
    for (let j = c.pOff[i]; j < c.pOff[i + 1]; j++) if (!Number.isNaN(P.connected[c.pIdx[j]])) connected = true;
    for (let j = c.iOff[i]; j < c.iOff[i + 1]; j++) {
      const at = c.iAt[j];
      if (at > o.now || (o.from != null && at < o.from) || (o.to != null && at >= o.to)) continue;
      out.sent++;
      // Withdrawn and accepted are facts whenever they were learned (the panel's `now` is taken when
      // it opens and moves only when a send falls due: a withdrawal after that must still show).
      if (!Number.isNaN(c.iWd[j])) out.withdrawn++;
      else if (connected) out.accepted++;
      else if (o.now - at > o.pendingDays * DAY) out.notAccepted++;
      else out.pending++;
    }
  }
  return { ...out, rate: wilson(out.accepted, out.accepted + out.notAccepted), pendingDays: o.pendingDays };
}
