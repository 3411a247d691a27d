// What happens to a LinkedIn message or invitation after it was sent: an edit, a recall, a
// withdrawal. Ingestion (ingest.ts) calls these from one-line hooks; the evidence for each shape is
// where the capture reads it (lib/capture/linkedin/payloads.ts, requests.ts, dom.ts).
//
// - Edit (`messageBodyRenderFormat: "EDITED"` in realtime and GraphQL items, or the user's own
//   `POST voyagerMessagingDashMessengerMessages/<urn>` patch): the message keeps the first text
//   Sidelog saw as its `text` (what was sent: template attribution and detection read it) and
//   carries the edited text beside it (`editedText`, shown on the timeline with an "edited" mark).
// - Recall (`RECALLED`, `recalledAt`, the `?action=recall` call, the DOM placeholder) is a retract
//   event: the message is deleted, whichever direction. A recalled reply no longer counts, so the
//   prospect's automatic "replied" stage goes back when no other reply of theirs remains.
// - Withdrawal (SDUI `addaWithdrawInvitation`, `voyagerRelationshipsDashInvitations/…?action=withdraw`,
//   `relationships/invitations/<id>?action=withdraw`): the invitation stays, marked `withdrawnAt`,
//   and leaves the acceptance numbers (lib/analytics/acceptance.ts).
import type { SidelogDb } from '../db/db';
import type { MessageEvent, WithdrawnEvent } from '../schema/events';
import type { Message } from '../schema/model';
import { personKeys } from '../records/keys';
import { normText } from '../text';
import { ConflictError, WorkingSet } from './working-set';

/**
 * An edit sighting that names no one, of a message not stored (the user's edit call, seen by the
 * webRequest layer, of a message sent before tracking): nothing to attach it to. Dropped.
 */
export function isOrphanEdit(ev: MessageEvent, existing: Message | undefined): boolean {
  return ev.edited && !existing && ev.to.length === 0 && personKeys(ev.from).length === 0;
}

/** The stored message after an edited sighting: the first text stays, the edit is kept beside it. */
export function keepFirstText(existing: Message | undefined, msg: Message, ev: MessageEvent): Message {
  if (!ev.edited || ev.channel !== 'linkedin') return msg; // an earlier edit rides along in the merge
  // First seen already edited (an old conversation opened later): its first text is not known.
  if (!existing) return { ...msg, editedText: ev.text };
  return { ...msg, text: existing.text || ev.text, editedText: ev.text };
}

/** The cross-layer fallback match: the message's first text or its edited one. */
export function sameText(m: Message, needle: string): boolean {
  return normText(m.text) === needle || (!!m.editedText && normText(m.editedText) === needle);
}

/**
 * A recalled (or otherwise retracted) inbound reply no longer counts: a prospect whose stage
 * ingestion moved to "replied" goes back to "contacted" when no other human reply of theirs is
 * left (a stage set by hand, or further along, stays).
 */
export async function afterRetract(ws: WorkingSet, m: Message, now: number): Promise<void> {
  if (m.direction !== 'inbound' || m.classification !== 'human' || !m.prospectId) return;
  const p = await ws.getProspect(m.prospectId);
  if (!p || p.stage !== 'replied' || p.manualFields.includes('stage')) return;
  const left = (await ws.messagesOfProspect(p.id)).some(
    (x) => x.id !== m.id && x.direction === 'inbound' && x.classification === 'human',
  );
  if (!left) ws.putProspect({ ...p, stage: 'contacted', updatedAt: now });
}

/** How far a withdrawal may precede the invitation's logged time (clocks of two layers). */
const SLACK_MS = 10 * 60_000;

/**
 * Marks the invitation the withdraw call names as withdrawn: the newest invitation, not already
 * withdrawn and sent before the withdrawal, to the prospect any of the call's ids names. Never
 * creates a prospect; an invitation never logged (one without a note) leaves nothing to mark.
 */
export async function withdrawInvitation(
  ws: WorkingSet,
  ev: WithdrawnEvent,
  now: number,
): Promise<'merged' | 'dropped'> {
  const keys = personKeys(ev.person);
  if (!keys.length) return 'dropped';
  const invites: Message[] = [];
  for (const p of await ws.prospectsByKeys(keys)) {
    for (const m of await ws.messagesOfProspect(p.id)) {
      if (
        m.kind === 'linkedin-invite' &&
        m.direction === 'outbound' &&
        m.withdrawnAt == null &&
        m.sentAt <= ev.at + SLACK_MS
      )
        invites.push(m);
    }
  }
  const inv = invites.sort((a, b) => b.sentAt - a.sentAt)[0];
  if (!inv) return 'dropped';
  ws.putMessage({ ...inv, withdrawnAt: ev.at, updatedAt: now });
  return 'merged';
}

/**
 * The backfill below, only when the database already exists: a worker starting on a fresh profile
 * must not create it (the first page to open it does, or upgrades an old one and says so).
 */
export async function backfillInviteFactsIfPresent(open: () => SidelogDb, name = 'sidelog'): Promise<number> {
  const list = await indexedDB.databases();
  return list.some((d) => d.name === name) ? backfillInviteFacts(open()) : 0;
}

/** `meta` flag: LinkedIn thread summaries carry their invitations (InviteFact). */
export const INVITES_BACKFILLED = 'backfill:invite-facts';

/**
 * Summaries written before invitations were kept in them (`invites` absent) are recomputed once,
 * LinkedIn threads only, a chunk at a time; the facts pick the rewritten threads up by revision.
 * Run by the background at start; returns how many threads it rewrote.
 */
export async function backfillInviteFacts(db: SidelogDb, now = Date.now(), chunk = 500): Promise<number> {
  if ((await db.meta.get(INVITES_BACKFILLED))?.value === true) return 0;
  const ids = (await db.threads
    .filter((t) => t.channel === 'linkedin' && !!t.summary && t.summary.invites === undefined)
    .primaryKeys()) as string[];
  for (let i = 0; i < ids.length; i += chunk) {
    for (let attempt = 0; ; attempt++) {
      try {
        const ws = new WorkingSet(db);
        for (const id of ids.slice(i, i + chunk)) ws.touchThread(id);
        await ws.commit(now);
        break;
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= 3) throw err;
      }
    }
  }
  await db.meta.put({ key: INVITES_BACKFILLED, value: true });
  return ids.length;
}
