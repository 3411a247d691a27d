import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OUTBOX_BATCH, createOutbox, readOrphans } from '@/lib/capture/outbox';
import type { CaptureAck } from '@/lib/messaging';
import type { CaptureEventInput } from '@/lib/schema/events';
import { gmailSend } from './helpers/events';

const storage = () => fakeBrowser.storage.local;
const stored = async () => Object.keys(await storage().get(null)).filter((k) => k.startsWith('outbox:'));

describe('outbox', () => {
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
      'settings': { x: 1 },
    });
    const r = readOrphans(await storage().get(null), 5_000);
    expect(r.keys).toEqual(['outbox:gmail:old']);
    expect(r.events).toEqual([{ eventId: 'old' }]);
  });
});
