import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeThread } from '@/lib/records/summary';
import type { Message } from '@/lib/schema/model';

const H = 3_600_000;
let n = 0;
function msg(over: Partial<Message>): Message {
  n++;
  return {
    id: `m${n}`,
    channel: 'gmail',
    direction: 'outbound',
    kind: 'email',
    threadId: 't',
    prospectId: 'p',
    from: '',
    to: [],
    cc: [],
    subject: null,
    text: '',
    sentAt: 0,
    templateId: null,
    templateVersion: null,
    templateSource: null,
    templateScore: null,
    classification: 'human',
    source: 'network',
    externalId: '',
    rfcMessageId: null,
    inReplyTo: [],
    callOutcome: null,
    keys: [],
    seenBy: [],
    updatedAt: 0,
    ...over,
  };
}

describe('summarizeThread', () => {
  it('credits the first touch and the follow-up step that got the reply', () => {
    const s = summarizeThread([
      msg({ sentAt: 0, templateId: 'intro', templateVersion: 2 }),
      msg({ sentAt: 72 * H, templateId: 'bump', templateVersion: 1 }),
      msg({ sentAt: 80 * H, direction: 'inbound', classification: 'auto-reply' }),
      msg({ sentAt: 90 * H, direction: 'inbound' }),
      msg({ sentAt: 91 * H, templateId: 'after' }),
    ]);
    expect(s).toMatchObject({
      firstDirection: 'outbound',
      firstTemplateId: 'intro',
      firstTemplateVersion: 2,
      outboundCount: 3,
      inboundCount: 2,
      firstReplyAt: 90 * H,
      replyCreditTemplateId: 'bump',
      replyCreditStep: 2,
      autoReplyCount: 1,
      bounced: false,
      awaitingUser: false,
    });
  });

  it('an inbound-first thread is not outreach and an inbound before any outbound is not a reply', () => {
    const s = summarizeThread([msg({ sentAt: 0, direction: 'inbound' }), msg({ sentAt: H })]);
    expect(s.firstDirection).toBe('inbound');
    expect(s.firstReplyAt).toBeNull();
  });

  it('auto-replies and bounces are never replies; a bounce marks the thread bounced', () => {
    const s = summarizeThread([
      msg({ sentAt: 0 }),
      msg({ sentAt: H, direction: 'inbound', classification: 'bounce' }),
      msg({ sentAt: 2 * H, direction: 'inbound', classification: 'auto-reply' }),
    ]);
    expect(s.firstReplyAt).toBeNull();
    expect(s.bounced).toBe(true);
    expect(s.awaitingUser).toBe(false);
  });

  it('calls are activity, not written outreach', () => {
    const s = summarizeThread([msg({ sentAt: 0, kind: 'call', callOutcome: 'connected' })]);
    expect(s.firstDirection).toBeNull();
    expect(s.outboundCount).toBe(0);
  });

  it('holds its invariants for any order of messages', () => {
    const arb = fc.array(
      fc.record({
        sentAt: fc.integer({ min: 0, max: 1e9 }),
        direction: fc.constantFrom('outbound' as const, 'inbound' as const),
        classification: fc.constantFrom('human' as const, 'auto-reply' as const, 'bounce' as const),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const msgs = rows.map((r) =>
          msg({ ...r, classification: r.direction === 'outbound' ? 'human' : r.classification }),
        );
        const s = summarizeThread(msgs);
        const shuffled = summarizeThread([...msgs].reverse());
        expect(shuffled).toEqual(s);
        expect(s.outboundCount + s.inboundCount).toBe(msgs.length);
        if (s.firstReplyAt !== null) {
          expect(s.firstOutboundAt).not.toBeNull();
          expect(s.firstReplyAt).toBeGreaterThanOrEqual(s.firstOutboundAt!);
          expect(s.replyCreditStep).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });
});
