import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { ingestEvents } from '@/lib/ingest/ingest';
import type { IngestStats } from '@/lib/ingest/stats';
import type { IngestDeps } from '@/lib/ingest/types';
import { createDetector } from '@/lib/templates/detect';
import type { Template } from '@/lib/schema/model';
import { T0, gmailInbound, gmailSend, settings } from '../helpers/events';

let db: SidelogDb;
let deps: IngestDeps;
let dbName = 0;

beforeEach(async () => {
  db = openDb(`ingest-test-${++dbName}`);
  await db.open();
  deps = { db, settings: settings(), now: () => T0 + 10 * 86_400_000 };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const ingest = (...events: unknown[]) => ingestEvents(deps, events);
const stats = async () => (await db.meta.get('ingest:stats'))?.value as IngestStats | undefined;

describe('validation', () => {
  it('drops malformed and hostile events whole, counts them, and acks those with an id', async () => {
    const good = gmailSend();
    const bad: unknown[] = [
      null,
      42,
      'string',
      { type: 'message' },
      { ...gmailSend(), sentAt: 'yesterday' },
      { ...gmailSend(), text: 'x'.repeat(5 * 1024 * 1024) },
      { ...gmailSend(), channel: 'facebook' },
      { ...gmailSend(), to: 'ada@acme.com' },
      { ...gmailSend(), direction: 'sideways' },
      { ...gmailSend(), externalId: '' },
      { ...gmailSend(), type: 'drop-database' },
    ];
    const r = await ingest(...bad, good);
    expect(r.rejected).toBe(bad.length);
    expect(r.stored).toBe(1);
    expect(await db.messages.count()).toBe(1);
    expect((await stats())?.malformed).toBe(bad.length);
    // Events with a usable eventId are acknowledged so the outbox stops resending them.
    expect(r.acked).toContain(good.eventId);
    expect(r.acked.length).toBe(
      1 + bad.filter((b) => typeof (b as { eventId?: unknown })?.eventId === 'string').length,
    );
  });

  it('stores HTML and script text as plain text, untouched', async () => {
    const text = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    await ingest(gmailSend({ text, subject: '<b>hi</b>' }));
    const [m] = await db.messages.toArray();
    expect(m.text).toBe(text);
    expect(m.subject).toBe('<b>hi</b>');
  });

  it('ignores a channel whose tracking is off', async () => {
    deps.settings.tracking.gmail = false;
    const r = await ingest(gmailSend());
    expect(r.dropped).toBe(1);
    expect(await db.messages.count()).toBe(0);
    expect((await stats())?.trackingOff).toBe(1);
  });
});

describe('dedupe', () => {
  it('stores the same message seen twice once', async () => {
    const e = gmailSend();
    await ingest(e);
    await ingest({ ...e, eventId: 'again' });
    expect(await db.messages.count()).toBe(1);
    expect(await db.threads.count()).toBe(1);
  });

  it('joins a DOM sighting and a network sighting that share an alias, the network one filling the rest', async () => {
    const net = gmailSend({
      externalId: 'msg-a:r-777',
      aliases: ['r-777'],
      threadExternalId: 'thread-a:r-9',
      threadAliases: ['thread-f:1700'],
    });
    const dom = gmailSend({
      layer: 'dom',
      externalId: 'r-777',
      aliases: [],
      threadExternalId: null,
      to: [],
      subject: null,
      text: 'Hi Ada, would you have 15 minutes next week?',
      rfcMessageId: null,
    });
    await ingest(dom);
    await ingest(net);
    const msgs = await db.messages.toArray();
    expect(msgs).toHaveLength(1);
    expect(msgs[0].to).toEqual(['Ada Lovelace <ada@acme.com>']);
    expect(msgs[0].subject).toBe('Quick question');
    expect(msgs[0].seenBy.sort()).toEqual(['dom', 'network']);
    expect(msgs[0].source).toBe('network');
    expect(await db.threads.count()).toBe(1);
  });

  it('joins sightings with no shared id by thread, direction, text and time (cross-layer fallback)', async () => {
    const a = gmailSend({
      channel: 'linkedin',
      kind: 'linkedin-message',
      externalId: 'origin-1',
      threadExternalId: '2-abc',
      to: [{ profileUrl: 'https://www.linkedin.com/in/ada/', name: 'Ada' }],
      rfcMessageId: null,
    });
    const b = {
      ...a,
      eventId: 'b',
      layer: 'dom' as const,
      externalId: '2-MTcwMA==',
      sentAt: a.sentAt! + 2_000,
      text: '  hi ADA, would you have 15 minutes next week? ',
    };
    await ingest(a);
    await ingest(b);
    expect(await db.messages.count()).toBe(1);
    // Same text 10 minutes later is a second message.
    await ingest({ ...b, eventId: 'c', externalId: 'other', sentAt: a.sentAt! + 10 * 60_000 });
    expect(await db.messages.count()).toBe(2);
  });

  it('merges two threads when a sighting names both of their ids', async () => {
    await ingest(gmailSend({ externalId: 'm1', threadExternalId: 'thread-a:r-1' }));
    await ingest(
      gmailInbound({
        externalId: 'msg-f:2',
        threadExternalId: 'thread-f:99',
        inReplyTo: [],
        from: { email: 'ada@acme.com' },
      }),
    );
    expect(await db.threads.count()).toBe(2); // a known prospect writing under another thread id: a thread of its own
    await ingest(gmailSend({ externalId: 'm3', threadExternalId: 'thread-f:99', threadAliases: ['thread-a:r-1'] }));
    expect(await db.threads.count()).toBe(1);
    expect(new Set((await db.messages.toArray()).map((m) => m.threadId)).size).toBe(1);
  });
});

describe('replies', () => {
  it('links a reply by thread id, marks the thread replied and the prospect as replied', async () => {
    await ingest(gmailSend({ threadExternalId: 'thread-f:1' }));
    await ingest(gmailInbound({ threadExternalId: 'thread-f:1' }));
    const [t] = await db.threads.toArray();
    expect(t.summary?.firstReplyAt).toBe(T0 + 3_600_000);
    expect(t.summary?.awaitingUser).toBe(true);
    const [p] = await db.prospects.toArray();
    expect(p.stage).toBe('replied');
    expect(p.emails).toEqual(['ada@acme.com']);
  });

  it('links a reply by In-Reply-To when the thread id is unknown', async () => {
    await ingest(gmailSend({ rfcMessageId: '<CAabc@mail.gmail.com>', threadExternalId: 'thread-a:r-5' }));
    await ingest(gmailInbound({ threadExternalId: 'thread-f:unrelated', inReplyTo: ['<caabc@mail.gmail.com>'] }));
    const threads = await db.threads.toArray();
    expect(threads).toHaveLength(1);
    expect(threads[0].summary?.firstReplyAt).not.toBeNull();
  });

  it('does not log mail outside outreach', async () => {
    const r = await ingest(gmailInbound({ from: { email: 'newsletter@shop.com' }, threadExternalId: 'thread-f:42' }));
    expect(r.dropped).toBe(1);
    expect(await db.messages.count()).toBe(0);
    expect((await stats())?.untracked).toBe(1);
  });

  it('counts auto-replies and bounces apart from replies', async () => {
    await ingest(gmailSend({ threadExternalId: 'thread-f:1' }));
    await ingest(
      gmailInbound({
        threadExternalId: 'thread-f:1',
        subject: 'Automatic reply: Quick question',
        text: 'I am out of the office.',
      }),
    );
    let [t] = await db.threads.toArray();
    expect(t.summary?.firstReplyAt).toBeNull();
    expect(t.summary?.autoReplyCount).toBe(1);
    await ingest(
      gmailInbound({
        threadExternalId: 'thread-f:1',
        from: { email: 'mailer-daemon@googlemail.com', name: 'Mail Delivery Subsystem' },
        subject: 'Delivery Status Notification (Failure)',
        text: "Address not found. Your message wasn't delivered to ada@acme.com",
        sentAt: T0 + 60_000,
      }),
    );
    [t] = await db.threads.toArray();
    expect(t.summary?.bounced).toBe(true);
    expect(await db.prospects.count()).toBe(1); // the mailer daemon is not a prospect
    const bounce = (await db.messages.toArray()).find((m) => m.classification === 'bounce');
    expect(bounce?.prospectId).toBe((await db.prospects.toArray())[0].id);
  });
});

describe('prospects', () => {
  it('is one person across Gmail and LinkedIn once an email and a profile are linked', async () => {
    await ingest(gmailSend());
    await ingest(
      gmailSend({
        channel: 'linkedin',
        kind: 'linkedin-message',
        externalId: 'li-1',
        threadExternalId: 'conv-1',
        to: [{ profileUrl: 'https://www.linkedin.com/in/ada-lovelace/', name: 'Ada Lovelace' }],
        rfcMessageId: null,
      }),
    );
    expect(await db.prospects.count()).toBe(2);
    await ingest({
      eventId: 'p1',
      type: 'prospect',
      channel: 'linkedin',
      layer: 'dom',
      person: { profileUrl: 'https://www.linkedin.com/in/Ada-Lovelace', email: 'ADA@acme.com', name: 'Ada Lovelace' },
      title: 'VP of Engineering',
      company: 'Acme',
      location: 'London',
      seenAt: T0,
    });
    const ps = await db.prospects.toArray();
    expect(ps).toHaveLength(1);
    expect(ps[0].seniority).toBe('vp');
    expect(ps[0].company).toBe('Acme');
    const msgs = await db.messages.toArray();
    expect(new Set(msgs.map((m) => m.prospectId))).toEqual(new Set([ps[0].id]));
  });

  it('never overwrites a field the user set by hand', async () => {
    await ingest(gmailSend());
    const [p] = await db.prospects.toArray();
    await db.prospects.put({ ...p, title: 'Chief Wizard', manualFields: ['title'] });
    await ingest({
      eventId: 'p',
      type: 'prospect',
      channel: 'gmail',
      layer: 'dom',
      person: { email: 'ada@acme.com' },
      title: 'Engineer',
      seenAt: T0,
    });
    expect((await db.prospects.get(p.id))?.title).toBe('Chief Wizard');
  });

  it('skips excluded domains and the user themself', async () => {
    deps.settings.excludedDomains = ['seller.io', 'internal.acme.com'];
    const r = await ingest(
      gmailSend({ to: [{ email: 'boss@seller.io' }] }),
      gmailSend({ to: [{ email: 'x@internal.acme.com' }] }),
    );
    expect(r.dropped).toBe(2);
    await ingest(gmailSend({ to: [{ email: 'me@seller.io' }, { email: 'bob@client.com' }] }));
    const ps = await db.prospects.toArray();
    expect(ps.map((p) => p.emails[0])).toEqual(['bob@client.com']);
  });

  it('learns identities from identity events', async () => {
    const seen: string[] = [];
    deps.onIdentity = async (p) => void seen.push(p.email!);
    await ingest({
      eventId: 'i',
      type: 'identity',
      channel: 'gmail',
      layer: 'dom',
      person: { email: 'new@seller.io' },
    });
    expect(seen).toEqual(['new@seller.io']);
    expect(deps.settings.identities.emails).toContain('new@seller.io');
  });
});

describe('retract (Undo Send)', () => {
  it('removes the logged message, its empty thread and the prospect it alone created', async () => {
    const e = gmailSend({ aliases: ['r-55'] });
    await ingest(e);
    await ingest({ eventId: 'u', type: 'retract', channel: 'gmail', layer: 'dom', externalId: 'r-55' });
    expect(await db.messages.count()).toBe(0);
    expect(await db.threads.count()).toBe(0);
    expect(await db.prospects.count()).toBe(0);
  });
});

describe('templates', () => {
  const tpl: Template = {
    id: 't1',
    name: 'Intro',
    channel: 'any',
    subject: null,
    body: 'Hi {{firstName}}, would you have 15 minutes next week?',
    tags: [],
    archived: false,
    version: 2,
    createdAt: 0,
    updatedAt: 0,
  };
  it('records an inserted template and never lets detection override it', async () => {
    deps.detect = createDetector([tpl]);
    await ingest(gmailSend({ template: { id: 'other', version: 1 } }));
    const [m] = await db.messages.toArray();
    expect([m.templateId, m.templateSource]).toEqual(['other', 'inserted']);
  });
  it('detects a template from the sent text and keeps it in the thread summary', async () => {
    deps.detect = createDetector([tpl]);
    await ingest(gmailSend());
    const [m] = await db.messages.toArray();
    expect([m.templateId, m.templateVersion, m.templateSource]).toEqual(['t1', 2, 'detected']);
    const [t] = await db.threads.toArray();
    expect(t.summary?.firstTemplateId).toBe('t1');
  });
});

describe('failure isolation', () => {
  it('an event that fails mid-way is lost alone and stored in no part; the rest of its batch is kept', async () => {
    deps.detect = (input) => {
      if (input.text.includes('BOOM')) throw new Error('detector exploded');
      return null;
    };
    const good1 = gmailSend({ threadExternalId: 'thread-f:1' });
    const bad = gmailSend({ threadExternalId: 'thread-f:2', to: [{ email: 'bob@globex.com' }], text: 'BOOM' });
    const good2 = gmailSend({ threadExternalId: 'thread-f:3', to: [{ email: 'carol@initech.com' }] });
    const r = await ingest(good1, bad, good2);
    expect(r.stored).toBe(2);
    expect(r.acked).toEqual(expect.arrayContaining([good1.eventId, bad.eventId, good2.eventId]));
    expect((await db.messages.toArray()).map((m) => m.text)).not.toContain('BOOM');
    // Nothing of the failed event: no thread, no prospect.
    expect((await db.threads.toArray()).map((t) => t.externalId).sort()).toEqual(['thread-f:1', 'thread-f:3']);
    expect((await db.prospects.toArray()).flatMap((p) => p.emails)).not.toContain('bob@globex.com');
    expect((await stats())?.failed).toBe(1);
    expect((await stats())?.lastError).toMatch(/detector exploded/);
  });
});
