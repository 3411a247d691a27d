// Invitations the LinkedIn DOM layer holds for the network layer's confirmation: what the
// background takes in when the tab that held them closed.
import { describe, expect, it } from 'vitest';
import { dueInvites } from '@/lib/capture/linkedin/invite-hold';
import { confirmedKey, holdKey, noteInfoKey } from '@/lib/storage/keys';

describe('dueInvites', () => {
  const ev = (id: string) => ({ eventId: id, type: 'message' });
  it('takes due invitations the network layer never confirmed, and clears every key they leave', () => {
    const all = {
      [holdKey('a')]: { event: ev('a'), dueAt: 1_000 },
      [noteInfoKey('a')]: { at: 1 },
      [holdKey('b')]: { event: ev('b'), dueAt: 2_000 },
      [confirmedKey('b')]: 1_500,
      [holdKey('c')]: { event: ev('c'), dueAt: 9_000 },
      [holdKey('d')]: { event: ev('d'), dueAt: 7_000 },
      'outbox:linkedin:x': { event: ev('x'), queuedAt: 0 },
    };
    const r = dueInvites(all, 5_000);
    expect(r.events).toEqual([ev('a')]);
    expect(r.keys.sort()).toEqual(
      [holdKey('a'), noteInfoKey('a'), confirmedKey('a'), holdKey('b'), noteInfoKey('b'), confirmedKey('b')].sort(),
    );
    expect(r.nextDueAt).toBe(7_000);
  });
  it('notes and confirmations no hold waits for are forgotten after a day', () => {
    const day = 24 * 3_600_000;
    const now = 10 * day;
    const all = {
      [noteInfoKey('old')]: { at: now - 2 * day },
      [confirmedKey('old')]: now - 2 * day,
      [noteInfoKey('fresh')]: { at: now - 60_000 },
      [confirmedKey('fresh')]: now - 60_000,
      [noteInfoKey('junk')]: 'x',
      [noteInfoKey('held')]: { at: now - 2 * day },
      [holdKey('held')]: { event: ev('held'), dueAt: now + 5_000 },
    };
    const r = dueInvites(all, now);
    expect(r.keys.sort()).toEqual([noteInfoKey('old'), confirmedKey('old'), noteInfoKey('junk')].sort());
    expect(r.events).toEqual([]);
  });
  it('nothing held: nothing to do', () => {
    expect(dueInvites({ settings: {} }, 5_000)).toEqual({ events: [], keys: [], nextDueAt: null });
  });
  it('a damaged entry is taken out and its event left to the background to refuse', () => {
    const r = dueInvites({ [holdKey('z')]: 'garbage' }, 5_000);
    expect(r.keys).toContain(holdKey('z'));
    expect(r.events).toEqual([undefined]);
  });
});
