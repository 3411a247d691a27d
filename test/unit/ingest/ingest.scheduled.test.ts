// A Gmail scheduled message and bcc through ingestion, the numbers and the export. The events are
// what the Gmail capture emits for the requests of helpers/gmail-schedule.ts (the parser is run on
// them here, so the chain is the real one): scheduled → counted once due (every number is taken at
// `now`: no new event needed) → cancelled, rescheduled, or seen sent (one record).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { ingestEvents } from '@/lib/ingest/ingest';
import type { IngestDeps } from '@/lib/ingest/types';
import { parseSyncCall } from '@/lib/capture/gmail/sync-parser';
import { loadFacts } from '@/lib/insights/facts-store';
import { buildUnits, nextDue, unitThreadIds } from '@/lib/analytics/units';
import { computeActivity, computeCore, dashboardUnits } from '@/lib/analytics/dashboard';
import { popupSummary } from '@/lib/analytics/popup';
import { stepRates, threadReplyRate } from '@/lib/analytics/rates';
import { followUps } from '@/lib/analytics/lists';
import { templateSummaries } from '@/lib/analytics/templates';
import { summarizeThread } from '@/lib/records/summary';
import { buildExport } from '@/lib/export/export';
import { importExport, parseExportText } from '@/lib/export/import';
import { ExportFile } from '@/lib/schema/export';
import type { Message } from '@/lib/schema/model';
import type { MessageEventInput } from '@/lib/schema/events';
import {
  CAPTURE_TIME,
  SCHEDULED_ID,
  SENT_LABELS,
  draftSaveRequest,
  laterSighting,
  scheduleRequest,
  scheduleResponse,
} from '../helpers/gmail-schedule';
import { T0, gmailInbound, gmailSend, settings } from '../helpers/events';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DUE = CAPTURE_TIME + 3 * HOUR;
let db: SidelogDb;
let deps: IngestDeps;
let k = 0;
let clock: number;

beforeEach(async () => {
  db = openDb(`sched-${++k}`);
  await db.open();
  clock = CAPTURE_TIME + 1000;
  deps = {
    db,
    settings: settings({ identities: { emails: ['test@test.com'], linkedinMemberIds: [], linkedinProfileUrls: [] } }),
    now: () => clock,
  };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

let ev = 0;
const ctx = { ownEmails: ['test@test.com'], newId: () => `ev-${++ev}` };
/** What the capture emits for a sync call (the parser on the built request). */
const capture = (req: string | null, resp: string | null, startedAt = clock) =>
  parseSyncCall({ kind: 's', requestBody: req, responseBody: resp, startedAt }, ctx).events;
const ingest = (events: unknown[]) => ingestEvents(deps, events);
const schedule = (due = DUE) => ingest(capture(scheduleRequest({ due }), scheduleResponse()));
const messages = () => db.messages.toArray();
const facts = async () => (await loadFacts(db, { save: 'never' })).facts;

describe('a scheduled message in the store', () => {
  it('is stored once, as scheduled, dated by its due time, with its bcc; the "to" recipient is the prospect, cc and bcc are not', async () => {
    await schedule();
    const [m] = await messages();
    expect(m).toMatchObject({
      externalId: SCHEDULED_ID,
      status: 'scheduled',
      scheduledAt: DUE,
      sentAt: DUE,
      bcc: ['test bcc <test+bcc@test.com>'],
      cc: ['test cc <test+cc@test.com>'],
    });
    const prospects = await db.prospects.toArray();
    expect(prospects.map((p) => p.emails)).toEqual([['test+to@test.com']]);
    expect((await db.threads.toArray())[0].prospectIds).toEqual([prospects[0].id]);
  });

  it('counts nowhere before it is due, everywhere once due — with no new event, only the clock', async () => {
    await schedule();
    const f = await facts();
    const before = DUE - 60_000;
    const after = DUE + 60_000;
    const input = (now: number) => ({ facts: f, templates: [], now, replyWindowDays: 30, minSample: 5, filters: {} });
    // Outreach units (thread and prospect rates, templates, traits, funnel all start from them).
    expect(dashboardUnits(input(before)).n).toBe(0);
    expect(unitThreadIds(dashboardUnits(input(after)))).toHaveLength(1);
    expect(computeCore(input(before)).threadRate.n).toBe(0);
    expect(computeCore(input(after)).threadRate.n).toBe(1);
    expect(computeCore(input(after)).prospectRate.n).toBe(1);
    // Activity per day, even in a range that reaches past the due time.
    const act = (now: number) =>
      computeActivity({ ...input(now), filters: { from: CAPTURE_TIME - DAY, to: CAPTURE_TIME + 2 * DAY } }).totals
        .gmail;
    expect(act(before)).toBe(0);
    expect(act(after)).toBe(1);
    // The popup: sent today, reply rate of 30 days.
    const day = new Date(DUE);
    day.setHours(0, 0, 0, 0);
    const popup = (now: number) =>
      popupSummary({
        facts: f,
        templates: [],
        now,
        startOfDay: day.getTime(),
        startOfMonth: day.getTime() - 20 * DAY,
        replyWindowDays: 30,
        minSample: 5,
      });
    expect(popup(before).today.gmail).toBe(0);
    expect(popup(before).last30.n).toBe(0);
    expect(popup(after).today.gmail).toBe(1);
    expect(popup(after).last30.n).toBe(1);
    // The next instant at which the numbers change by themselves.
    expect(nextDue(f, before)).toBe(DUE);
    expect(nextDue(f, after)).toBeNull();
  });

  it('a scheduled follow-up: its step, template use and the follow-up list follow the due time', async () => {
    deps.settings.identities.emails = ['me@seller.io'];
    await ingest([
      gmailSend({
        externalId: 'msg-a:r1',
        threadExternalId: 'thread-f:9',
        sentAt: T0,
        template: { id: 'intro', version: 1 },
      }),
    ]);
    const due = T0 + 5 * DAY;
    await ingest([
      gmailSend({
        externalId: 'msg-a:r2',
        threadExternalId: 'thread-f:9',
        sentAt: due,
        status: 'scheduled',
        scheduledAt: due,
        text: 'Bumping this',
        template: { id: 'bump', version: 1 },
      }),
    ]);
    const f = await facts();
    const steps = (now: number) => stepRates(buildUnits(f, 30, [], {}, now)).map((s) => [s.step, s.n]);
    expect(steps(due - HOUR)).toEqual([[1, 1]]);
    expect(steps(due + HOUR)).toEqual([
      [1, 1],
      [2, 1],
    ]);
    const tpl = (now: number) => templateSummaries({ facts: f, templates: [], replyWindowDays: 30, minSample: 1, now });
    expect(tpl(due - HOUR).get('bump')?.uses ?? 0).toBe(0);
    expect(tpl(due + HOUR).get('bump')?.uses).toBe(1);
    expect(tpl(due - HOUR).get('intro')).toMatchObject({ uses: 1, firstTouch: { n: 1 } });
    // A follow-up already scheduled takes the thread off the "follow up" list.
    expect(followUps(buildUnits(f, 30, [], {}, T0 + 4 * DAY), T0 + 4 * DAY, { minDays: 3, maxDays: 30 })).toEqual([]);
    // A reply before the scheduled step goes out is credited to the first touch, not to it.
    await ingest([
      gmailInbound({ threadExternalId: 'thread-f:9', from: { email: 'ada@acme.com' }, sentAt: T0 + 2 * DAY }),
    ]);
    const s = (await db.threads.get('gmail:thread-f:9'))!.summary!;
    expect(s).toMatchObject({ replyCreditTemplateId: 'intro', replyCreditStep: 1 });
    expect(threadReplyRate(buildUnits(await facts(), 30, [], {}, T0 + 3 * DAY)).k).toBe(1);
  });

  it('cancel (back to drafts) removes it, and the prospect it alone created', async () => {
    await schedule();
    clock += 60_000;
    await ingest([
      {
        eventId: 'x1',
        type: 'retract',
        channel: 'gmail',
        layer: 'network',
        externalId: SCHEDULED_ID,
        unscheduled: true,
      },
    ]);
    expect(await messages()).toEqual([]);
    expect(await db.prospects.count()).toBe(0);
    expect(unitThreadIds(buildUnits(await facts(), 30, [], {}, DUE + DAY))).toEqual([]);
  });

  it('a cancel never removes a message already sent', async () => {
    await ingest([gmailSend({ externalId: 'msg-a:r5' })]);
    await ingest([
      { eventId: 'x2', type: 'retract', channel: 'gmail', layer: 'network', externalId: 'msg-a:r5', unscheduled: true },
    ]);
    expect(await db.messages.count()).toBe(1);
  });

  it('reschedule: the new due time replaces the old one, one record', async () => {
    await schedule();
    clock += 60_000;
    await schedule(DUE + DAY);
    const all = await messages();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'scheduled', scheduledAt: DUE + DAY, sentAt: DUE + DAY });
    const f = await facts();
    expect(buildUnits(f, 30, [], {}, DUE + HOUR).n).toBe(0);
    expect(buildUnits(f, 30, [], {}, DUE + DAY + HOUR).n).toBe(1);
  });

  it("cancel then schedule again (Gmail's way to change the time): one scheduled record at the new time", async () => {
    await schedule();
    clock += 60_000;
    const { events: _e, ...drafts } = parseSyncCall(
      { kind: 's', requestBody: draftSaveRequest(), responseBody: null, startedAt: clock },
      ctx,
    );
    expect(drafts.draftSaves).toEqual([SCHEDULED_ID]);
    await ingest([
      {
        eventId: 'x3',
        type: 'retract',
        channel: 'gmail',
        layer: 'network',
        externalId: SCHEDULED_ID,
        unscheduled: true,
      },
    ]);
    await schedule(DUE + 2 * DAY);
    expect((await messages()).map((m) => [m.status, m.scheduledAt])).toEqual([['scheduled', DUE + 2 * DAY]]);
  });

  it("Gmail later shows it sent: merged into the same record (status sent, Gmail's send time, when it was scheduled for kept), counted once", async () => {
    await schedule();
    clock = DUE + 10_000;
    const later = laterSighting(SENT_LABELS, DUE + 2000);
    const sighting = parseSyncCall(
      { kind: 's', requestBody: later.request, responseBody: later.response, startedAt: clock },
      { ...ctx, watched: () => true },
    ).sightings[0].event!;
    await ingest([sighting]);
    const all = await messages();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      status: 'sent',
      scheduledAt: DUE,
      sentAt: DUE + 2000,
      text: 'test body',
      bcc: ['test bcc <test+bcc@test.com>'],
    });
    const f = await facts();
    expect(buildUnits(f, 30, [], {}, clock).n).toBe(1);
    expect(computeActivity({ facts: f, templates: [], now: clock, filters: {} }).totals.gmail).toBe(1);
    // A late copy of the scheduling request (the outbox resending it) changes nothing now.
    await schedule();
    expect((await messages()).map((m) => [m.status, m.sentAt])).toEqual([['sent', DUE + 2000]]);
  });

  it('with no readable due time: kept as scheduled and left out of the numbers until Gmail shows it sent', async () => {
    await ingest(capture(scheduleRequest({ due: null }), scheduleResponse()));
    const [m] = await messages();
    expect(m).toMatchObject({ status: 'scheduled', scheduledAt: null });
    const t = (await db.threads.toArray())[0];
    expect(t.summary).toMatchObject({ outboundCount: 0, firstOutboundAt: null, sends: [] });
    expect(buildUnits(await facts(), 30, [], {}, Date.UTC(2099, 0)).n).toBe(0);
    const later = laterSighting(SENT_LABELS, DUE);
    await ingest([
      parseSyncCall(
        { kind: 's', requestBody: later.request, responseBody: later.response, startedAt: DUE + 1 },
        { ...ctx, watched: () => true },
      ).sightings[0].event!,
    ]);
    expect((await db.threads.toArray())[0].summary).toMatchObject({ outboundCount: 1, firstOutboundAt: DUE });
  });

  it('summarizeThread leaves a scheduled message with no time out, and dates one with a time by it', () => {
    const base = {
      channel: 'gmail',
      direction: 'outbound',
      kind: 'email',
      threadId: 't',
      prospectId: 'p',
      from: '',
      to: [],
      cc: [],
      subject: null,
      text: 'x',
      templateId: null,
      templateSource: null,
      classification: 'human',
      source: 'network',
    } as unknown as Message;
    const s = summarizeThread([
      { ...base, id: 'a', sentAt: 100, status: 'scheduled', scheduledAt: null },
      { ...base, id: 'b', sentAt: 200, status: 'scheduled', scheduledAt: 200 },
    ]);
    expect(s.sends.map((x) => x.at)).toEqual([200]);
    expect(s.firstOutboundMessageId).toBe('b');
  });
});

describe('bcc', () => {
  it('a bcc recipient (the CRM dropbox) is stored and shown, never a prospect nor outreach of its own', async () => {
    deps.settings.identities.emails = ['me@seller.io'];
    const e = gmailSend({
      bcc: [{ email: '12345@bcc.hubspot.com' }, { email: 'colleague@seller.io', name: 'Col League' }],
    });
    await ingest([e]);
    const [m] = await messages();
    expect(m.bcc).toEqual(['12345@bcc.hubspot.com', 'Col League <colleague@seller.io>']);
    expect((await db.prospects.toArray()).map((p) => p.emails[0])).toEqual(['ada@acme.com']);
    // Only bcc recipients, nobody in to: no prospect, no outreach unit.
    await ingest([
      gmailSend({
        externalId: 'msg-a:r77',
        threadExternalId: 'thread-a:r77',
        to: [{ email: 'me@seller.io' }],
        bcc: [{ email: 'x@crm.example' }],
      }),
    ]);
    expect(await db.prospects.count()).toBe(1);
    expect(buildUnits(await facts(), 30).n).toBe(1);
  });

  it('excluded domains look at the visible recipients: a bcc to an excluded domain does not drop the outreach', async () => {
    deps.settings.excludedDomains = ['seller.io'];
    deps.settings.identities.emails = ['me@seller.io'];
    await ingest([gmailSend({ bcc: [{ email: 'boss@seller.io' }] })]);
    expect(await db.messages.count()).toBe(1);
  });
});

describe('export and import', () => {
  it('bcc, status and scheduledAt round-trip through the file (optional fields of version 1)', async () => {
    await schedule();
    deps.settings.identities.emails = ['me@seller.io'];
    await ingest([
      gmailSend({
        externalId: 'msg-a:r9',
        threadExternalId: 'thread-a:r9',
        sentAt: CAPTURE_TIME,
        bcc: [{ email: 'crm@bcc.example' }],
      }),
    ]);
    const file = await buildExport(db, clock);
    expect(() => ExportFile.parse(file)).not.toThrow();
    const sched = file.messages.find((m) => m.externalId === SCHEDULED_ID)!;
    expect(sched).toMatchObject({
      status: 'scheduled',
      scheduledAt: new Date(DUE).toISOString(),
      sentAt: new Date(DUE).toISOString(),
      bcc: ['test bcc <test+bcc@test.com>'],
    });
    const plain = file.messages.find((m) => m.externalId === 'msg-a:r9')!;
    expect(plain.bcc).toEqual(['crm@bcc.example']);
    expect('status' in plain).toBe(false);
    expect('scheduledAt' in plain).toBe(false);

    const other = openDb(`sched-import-${k}`);
    await other.open();
    try {
      await importExport(other, parseExportText(JSON.stringify(file)), clock);
      const back = new Map((await other.messages.toArray()).map((m) => [m.externalId, m]));
      expect(back.get(SCHEDULED_ID)).toMatchObject({
        status: 'scheduled',
        scheduledAt: DUE,
        sentAt: DUE,
        bcc: ['test bcc <test+bcc@test.com>'],
      });
      expect(back.get('msg-a:r9')).toMatchObject({ bcc: ['crm@bcc.example'] });
      expect(back.get('msg-a:r9')!.status).toBeUndefined();
      // The imported scheduled message counts once due, like the captured one.
      const f = (await loadFacts(other, { save: 'never' })).facts;
      expect(unitThreadIds(buildUnits(f, 30, [], {}, DUE - 1000))).toHaveLength(1); // msg-a:r9's thread only
      expect(unitThreadIds(buildUnits(f, 30, [], {}, DUE + 1000))).toHaveLength(2);
      expect(await buildExport(other, clock)).toEqual(file);
    } finally {
      other.close();
      await other.delete();
    }
  });

  it('a file from another tool without the new fields still imports (they are optional), and lenient forms are read', async () => {
    const file = await buildExport(db, clock);
    const text = JSON.stringify({
      ...file,
      prospects: [{ id: 'p1', name: 'Ada', emails: ['ada@acme.com'], stage: 'contacted' }],
      threads: [{ id: 't1', channel: 'gmail', externalId: 'x', prospectIds: ['p1'], subject: null }],
      messages: [
        {
          id: 'm1',
          channel: 'gmail',
          direction: 'outbound',
          kind: 'email',
          threadId: 't1',
          prospectId: 'p1',
          from: 'me',
          to: ['ada@acme.com'],
          cc: [],
          subject: null,
          text: 'hi',
          sentAt: CAPTURE_TIME,
          templateId: null,
          templateSource: null,
          classification: 'human',
        },
        {
          id: 'm2',
          channel: 'gmail',
          direction: 'outbound',
          kind: 'email',
          threadId: 't1',
          prospectId: 'p1',
          from: 'me',
          to: ['ada@acme.com'],
          subject: null,
          text: 'later',
          sentAt: DUE,
          status: 'SCHEDULED',
          scheduledAt: DUE,
          bcc: null,
        },
      ],
    });
    await importExport(db, parseExportText(text), clock);
    const m = new Map((await messages()).map((x) => [x.id, x]));
    expect(m.get('m1')!.status).toBeUndefined();
    expect(m.get('m2')).toMatchObject({ status: 'scheduled', scheduledAt: DUE });
  });
});

// Type check only: events for other channels need no new field.
const _linkedin: MessageEventInput = { ...gmailSend(), channel: 'linkedin', kind: 'linkedin-message' };
void _linkedin;
