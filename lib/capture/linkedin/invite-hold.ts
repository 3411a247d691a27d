// An invitation the DOM layer saw sent (the profile shows "Pending") waits a while for the
// background's network layer to confirm it before the DOM logs it itself. While it waits it is
// held in extension storage, not only in the tab's timer: if the user closes LinkedIn within the
// wait, the background takes it in (drainOrphans), so a closed tab loses no invitation.
// Its storage keys are in lib/storage/keys.ts.
import { confirmedKey, holdKey, INVITE_HOLD_PREFIX as HOLD_PREFIX, noteInfoKey } from '../../storage/keys';
import type { HeldInvite } from '../../storage/local-items';

export type { HeldInvite } from '../../storage/local-items';

/** Notes and confirmations of invitations no hold waits for (sent outside a profile page) are
 *  forgotten after a day; the network layer reads a note within minutes of the click. */
const NOTE_TTL_MS = 24 * 3_600_000;
const NOTE_PREFIX = noteInfoKey('');
const CONFIRMED_PREFIX = confirmedKey('');

/**
 * The held invitations due before `cutoff`: the events of those the network layer never
 * confirmed, every storage key they leave behind (hold, note, confirmation) plus notes and
 * confirmations a day old, and when the next one still held falls due.
 */
export function dueInvites(
  all: Record<string, unknown>,
  cutoff: number,
): { events: unknown[]; keys: string[]; nextDueAt: number | null } {
  const events: unknown[] = [];
  const keys: string[] = [];
  let nextDueAt: number | null = null;
  for (const [k, v] of Object.entries(all)) {
    const at = k.startsWith(NOTE_PREFIX)
      ? (v as { at?: unknown } | null)?.at
      : k.startsWith(CONFIRMED_PREFIX)
        ? v
        : undefined;
    if (at !== undefined) {
      const held = all[holdKey(k.slice(k.startsWith(NOTE_PREFIX) ? NOTE_PREFIX.length : CONFIRMED_PREFIX.length))];
      if (!held && (typeof at !== 'number' || at < cutoff - NOTE_TTL_MS)) keys.push(k);
      continue;
    }
    if (!k.startsWith(HOLD_PREFIX)) continue;
    const note = k.slice(HOLD_PREFIX.length);
    const held = v as Partial<HeldInvite> | null;
    const dueAt = typeof held?.dueAt === 'number' ? held.dueAt : 0;
    if (dueAt > cutoff) {
      nextDueAt = Math.min(nextDueAt ?? Infinity, dueAt);
      continue;
    }
    keys.push(k, noteInfoKey(note), confirmedKey(note));
    if (!all[confirmedKey(note)]) events.push(held?.event);
  }
  return { events, keys, nextDueAt };
}
