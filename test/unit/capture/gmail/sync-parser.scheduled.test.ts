// Gmail "Schedule send" in the sync parser, on requests built from InboxSDK's real send capture
// (helpers/gmail-schedule.ts says where each position comes from): the scheduled message, its due
// time and bcc, and the later sightings of a followed message. The controller following them is
// controller.scheduled.test.ts.
import { describe, expect, it } from 'vitest';
import { MessageEvent } from '@/lib/schema/events';
import { parseSyncCall, scheduledTimeOf } from '@/lib/capture/gmail/sync-parser';
import {
  CAPTURE_TIME,
  SCHEDULED_ID,
  SCHEDULED_LEGACY,
  SCHEDULED_THREAD,
  SENT_LABELS,
  laterSighting,
  scheduleRequest,
  scheduleResponse,
} from '../../helpers/gmail-schedule';

const STARTED = CAPTURE_TIME + 500; // the request went out right after the message was stamped
const DUE = CAPTURE_TIME + 3 * 3_600_000;
let n = 0;
const ctx = { ownEmails: [] as string[], newId: () => `ev-${++n}` };
const call = (requestBody: string | null, responseBody: string | null = null, startedAt = STARTED) => ({
  kind: 's' as const,
  requestBody,
  responseBody,
  startedAt,
});

describe('scheduled send in the request (^scheduled)', () => {
  it("is one outbound event, scheduled, dated by its due time, with the response's ids, bcc kept apart", () => {
    const r = parseSyncCall(call(scheduleRequest({ due: DUE }), scheduleResponse()), ctx);
    expect(r.events).toHaveLength(1);
    const e = r.events[0];
    expect(() => MessageEvent.parse(e)).not.toThrow();
    expect(e).toMatchObject({
      direction: 'outbound',
      externalId: SCHEDULED_ID,
      status: 'scheduled',
      scheduledAt: DUE,
      sentAt: DUE,
      to: [{ email: 'test+to@test.com', name: 'test to' }],
      cc: [{ email: 'test+cc@test.com', name: 'test cc' }],
      bcc: [{ email: 'test+bcc@test.com', name: 'test bcc' }],
      subject: 'test subject',
      text: 'test body',
      rfcMessageId: '<CAGx7AOQiYaKpc6Zb5=+mRqU3K-WF+G3KxmmaYKdzCisHqSaRAQ@mail.gmail.com>',
    });
    expect(e.aliases).toContain(SCHEDULED_LEGACY);
    expect([e.threadExternalId, ...e.threadAliases!]).toContain(SCHEDULED_THREAD);
    expect(r.sends).toEqual([]); // not a send
    expect(r.recognised).toBe(1);
    expect(r.failed).toBe(0);
  });

  it('a plain send still has no status of its own (the schema makes it "sent")', () => {
    const e = parseSyncCall(
      call(scheduleRequest({ due: null, labels: ['^all', '^pfg', '^f_bt', '^f_btns', '^f_cl', '^i', '^u'] })),
      ctx,
    ).events[0];
    expect(e.status).toBeUndefined();
    expect(MessageEvent.parse(e).status).toBe('sent');
    expect(e.bcc).toEqual([{ email: 'test+bcc@test.com', name: 'test bcc' }]);
  });

  it('a message labelled both ^pfg and ^scheduled is a send (gmail.js and InboxSDK check the send first)', () => {
    const r = parseSyncCall(call(scheduleRequest({ due: DUE, labels: ['^all', '^pfg', '^scheduled'] })), ctx);
    expect(r.sends).toEqual([SCHEDULED_ID]);
    expect(r.events[0].status).toBeUndefined();
  });

  it("the due time is found where [6] is not it: the earliest time after the request among the message's fields", () => {
    const at17 = parseSyncCall(call(scheduleRequest({ due: DUE, place: (m, due) => (m[17] = due) })), ctx);
    expect(at17.events[0]).toMatchObject({ status: 'scheduled', scheduledAt: DUE, sentAt: DUE });
    // As a decimal string, nested two levels down, next to a later time.
    const nested = parseSyncCall(
      call(scheduleRequest({ due: DUE, place: (m, due) => (m[42] = [null, [String(due), due + 86_400_000]]) })),
      ctx,
    );
    expect(nested.events[0]).toMatchObject({ scheduledAt: DUE });
    // [6] before the request is not a due time: scheduledTimeOf says so directly too.
    expect(scheduledTimeOf([null, null, null, null, null, null, STARTED - 10], null, STARTED)).toBeNull();
    expect(scheduledTimeOf([null, null, null, null, null, null, DUE], null, STARTED)).toBe(DUE);
    // Outside the message, in its update.
    expect(scheduledTimeOf(['msg-a:r1'], [10, ['thread-a:r1', [null, [DUE]]]], STARTED)).toBe(DUE);
  });

  it('with no readable due time it is still logged as scheduled (time unknown), and counted as a reader failure', () => {
    const r = parseSyncCall(call(scheduleRequest({ due: null })), ctx);
    expect(r.events[0]).toMatchObject({ status: 'scheduled', scheduledAt: null, sentAt: CAPTURE_TIME });
    expect(r.failed).toBe(1);
    expect(r.errors).toContain('scheduled send: no time found');
  });

  it('a schedule label in an unreadable request is a failure, not a guess', () => {
    const r = parseSyncCall(call(JSON.stringify([[1], [[[10, ['weird', { x: '^scheduled' }]]]]])), ctx);
    expect(r.events).toHaveLength(0);
    expect(r.failed).toBe(1);
    expect(r.errors).toContain('schedule request not readable');
  });

  it("later sightings of a followed id: sent (with the server's time), back in drafts; others are not reported", () => {
    const sentAt = DUE + 4000;
    const sent = laterSighting(SENT_LABELS, sentAt);
    const watched = { ...ctx, watched: (id: string) => id === SCHEDULED_ID };
    const r = parseSyncCall(call(sent.request, sent.response, sentAt + 100), watched);
    expect(r.events).toHaveLength(0); // the user's own messages in a response are no sends
    expect(r.sightings).toHaveLength(1);
    expect(r.sightings[0]).toMatchObject({
      id: SCHEDULED_ID,
      event: { externalId: SCHEDULED_ID, direction: 'outbound', sentAt },
    });
    expect(r.sightings[0].event!.status).toBeUndefined();
    expect(parseSyncCall(call(sent.request, sent.response), ctx).sightings).toEqual([]); // not followed
    const draft = laterSighting(['^all', '^r', '^r_bt'], sentAt);
    expect(parseSyncCall(call(draft.request, draft.response), watched).sightings).toEqual([{ id: SCHEDULED_ID }]);
    const still = laterSighting(['^all', '^scheduled'], sentAt);
    expect(parseSyncCall(call(still.request, still.response), watched).sightings).toEqual([]); // still scheduled
  });
});
