import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OUTBOX_BATCH, createOutbox, readOrphans } from '@/lib/capture/outbox';
import type { CaptureAck } from '@/lib/messaging';
import type { CaptureEventInput } from '@/lib/schema/events';
import { gmailSend } from '../helpers/events';

const storage = () => fakeBrowser.storage.local;
const stored = async () => Object.keys(await storage().get(null)).filter((k) => k.startsWith('outbox:'));

describe('outbox', () => {
  it('asks the background, once as it starts, to take in what earlier pages left unacknowledged', async () => {
    const drainLeftovers = vi.fn(async () => undefined);
    const box = createOutbox('linkedin', {
      send: async () => ({ acked: [], rejected: 0 }),
      storage: storage(),
      drainLeftovers,
    });
    expect(drainLeftovers).toHaveBeenCalledTimes(1);
    box.push([gmailSend()]);
    await vi.waitFor(() => expect(box.pending()).toBe(1));
    expect(drainLeftovers).toHaveBeenCalledTimes(1);
    // An unreachable background is no error for the page.
    expect(() =>
      createOutbox('gmail', { storage: storage(), drainLeftovers: () => Promise.reject(new Error('No response')) }),
    ).not.toThrow();
  });

  it('persists events before sending and forgets them only when acknowledged', async () => {
    const seen: CaptureEventInput[][] = [];
    let release!: (a: CaptureAck) => void;
    const send = vi.fn((events: CaptureEventInput[]) => {
      seen.push(events);
      return new Promise<CaptureAck>((r) => (release = r));
    });
    const box = createOutbox('gmail', { send, storage: storage() });
    const e = gmailSend();
    box.push([e]);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(await stored()).toEqual([`outbox:gmail:${e.eventId}`]);
    expect(box.pending()).toBe(1);
    release({ acked: [e.eventId!], rejected: 0 });
    await vi.waitFor(async () => expect(await stored()).toEqual([]));
    expect(box.pending()).toBe(0);
  });

  it('keeps and resends events while the background is unreachable', async () => {
    vi.useFakeTimers();
    try {
      let up = false;
      const send = vi.fn(async (events: CaptureEventInput[]): Promise<CaptureAck> => {
        if (!up) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { acked: events.map((e) => e.eventId!), rejected: 0 };
      });
      const box = createOutbox('linkedin', { send, storage: storage() });
      box.push([gmailSend(), gmailSend()]);
      await vi.advanceTimersByTimeAsync(10);
      expect(send).toHaveBeenCalledTimes(1);
      expect(box.pending()).toBe(2);
      await vi.advanceTimersByTimeAsync(600);
      expect(send).toHaveBeenCalledTimes(2);
      up = true;
      await vi.advanceTimersByTimeAsync(1_100);
      expect(box.pending()).toBe(0);
      expect(await stored()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends large backlogs in small batches', async () => {
    const sizes: number[] = [];
    const box = createOutbox('gmail', {
      storage: storage(),
      send: async (events) => {
        sizes.push(events.length);
        return { acked: events.map((e) => e.eventId!), rejected: 0 };
      },
    });
    box.push(Array.from({ length: 250 }, () => gmailSend()));
    await vi.waitFor(() => expect(box.pending()).toBe(0));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(OUTBOX_BATCH);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(250);
  });

  it('lets the background find events left by a closed tab', async () => {
    await storage().set({
      'outbox:gmail:old': { event: { eventId: 'old' }, queuedAt: 1_000 },
      'outbox:gmail:new': { event: { eventId: 'new' }, queuedAt: 9_000 },
      settings: { x: 1 },
    });
    const r = readOrphans(await storage().get(null), 5_000);
    expect(r.keys).toEqual(['outbox:gmail:old']);
    expect(r.events).toEqual([{ eventId: 'old' }]);
  });

  it('hands left-behind events back in the order they were captured, not by key', () => {
    // A send and its Undo, queued in the same millisecond; keys sort the other way round.
    const all = {
      'outbox:gmail:a-undo': { event: { eventId: 'a-undo', type: 'retract' }, queuedAt: 1_000, seq: 1 },
      'outbox:gmail:b-send': { event: { eventId: 'b-send', type: 'message' }, queuedAt: 1_000, seq: 0 },
      'outbox:linkedin:c': { event: { eventId: 'c' }, queuedAt: 500, seq: 7 },
    };
    expect(readOrphans(all, 5_000).events.map((e) => (e as { eventId: string }).eventId)).toEqual([
      'c',
      'b-send',
      'a-undo',
    ]);
  });

  it('numbers what one tab queues, so the order survives storage', async () => {
    const store = storage();
    const box = createOutbox('gmail', { storage: store, send: () => new Promise(() => undefined) });
    box.push([gmailSend({ eventId: 'z1' }), gmailSend({ eventId: 'a2' })]);
    box.push([gmailSend({ eventId: 'm3' })]);
    const ours = async () => Object.entries(await store.get(null)).filter(([k]) => /^outbox:gmail:(z1|a2|m3)$/.test(k));
    await vi.waitFor(async () => expect(await ours()).toHaveLength(3));
    // Whatever order storage lists them in (here: reversed), the tab's order comes back.
    const listed = Object.fromEntries((await ours()).reverse());
    expect(readOrphans(listed, Infinity).events.map((e) => (e as { eventId: string }).eventId)).toEqual([
      'z1',
      'a2',
      'm3',
    ]);
  });
});
