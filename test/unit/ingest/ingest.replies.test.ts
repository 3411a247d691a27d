// Ingestion of inbound mail (issue 11): the classifier reads the thread's own subject and the
// addresses the user wrote to; a bounce for one of several recipients bounces only that recipient;
// a delay warning is no bounce; a person's reply gets its intent (and the colleague's address of a
// referral); mail systems never become prospects; a correction by hand survives re-ingestion and
// the schema v4 upgrade's judge. Real bounce and delay texts come from the public corpus.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { judgeStoredMail } from '@/lib/db/upgrade-v4';
import { ingestEvents } from '@/lib/ingest/ingest';
import type { IngestDeps } from '@/lib/ingest/types';
import { setMessageClass, setMessageIntent } from '@/lib/prospects/corrections';
import { buildUnits } from '@/lib/analytics/units';
import { prospectResponseRate, threadPositiveRate, threadReplyRate } from '@/lib/analytics/rates';
import { loadFacts } from '@/lib/insights/facts-store';
import { sisimai } from '../helpers/corpus';
import { T0, gmailInbound, gmailSend, settings } from '../helpers/events';

let db: SidelogDb;
let deps: IngestDeps;
let dbName = 0;
const H = 3_600_000;

beforeEach(async () => {
  db = openDb(`replies-ingest-${++dbName}`);
  await db.open();
  deps = { db, settings: settings(), now: () => T0 + 10 * 86_400_000 };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const ingest = (...events: unknown[]) => ingestEvents(deps, events);
const inboundOf = async (threadExternalId: string) => {
  const t = (await db.threads.toArray()).find((x) => x.externalId === threadExternalId)!;
  const msgs = await db.messages.where('threadId').equals(t.id).toArray();
  return { thread: t, inbound: msgs.filter((m) => m.direction === 'inbound') };
};
const numbers = async () => {
  const { facts } = await loadFacts(db, { save: 'never' });
  const units = buildUnits(facts, 30);
  return { reply: threadReplyRate(units), positive: threadPositiveRate(units), people: prospectResponseRate(units) };
};

describe('the thread gives the classifier its context', () => {
  it('a reply whose subject repeats the user’s own subject ("Out of office policy") is a person, and an interested one', async () => {
    // Some mail clients answer without "Re:". Alone, that subject reads as an automatic reply; the
    // thread's own subject says it is what the user wrote about.
    await ingest(
      gmailSend({
        threadExternalId: 'thread-f:1',
        subject: 'Out of office policy',
        text: 'Hi Ada, we help HR teams write out-of-office and leave policies…',
      }),
      gmailInbound({
        threadExternalId: 'thread-f:1',
        subject: 'Out of office policy',
        text: 'Hi Sam,\n\nGood timing. Could we talk on Tuesday at 10?\n\nAda',
      }),
    );
    const { inbound, thread } = await inboundOf('thread-f:1');
    expect(inbound[0]).toMatchObject({
      classification: 'human',
      classificationRule: 'human',
      classificationSource: 'detected',
      intent: 'interested',
      intentSource: 'detected',
    });
    expect(thread.summary).toMatchObject({ firstReplyIntent: 'interested', firstPositiveAt: T0 + H });
    // An automatic-reply subject still wins once the user's own subject is taken out of it.
    await ingest(
      gmailSend({ threadExternalId: 'thread-f:2', subject: 'Quick question' }),
      gmailInbound({
        threadExternalId: 'thread-f:2',
        subject: 'Automatische Antwort: Quick question',
        text: 'Ich bin bis zum 5. nicht im Büro und habe keinen Zugriff auf meine E-Mails.',
      }),
    );
    expect((await inboundOf('thread-f:2')).inbound[0]).toMatchObject({ classification: 'auto-reply', intent: null });
  });

  it('a carrier bounce for one of two recipients bounces that recipient only: the thread stays a unit for the other', async () => {
    const bounce = sisimai('maildir/bsd/lhost-ezweb-07.eml'); // au by KDDI (EZweb), Japanese and English
    await ingest(
      gmailSend({
        threadExternalId: 'thread-f:3',
        to: [
          { email: 'this-local-part-does-not-exist@ezweb.ne.jp', name: 'Kenji' },
          { email: 'bob@acme.com', name: 'Bob' },
        ],
        subject: 'Intro',
      }),
      gmailInbound({
        threadExternalId: 'thread-f:3',
        from: { email: bounce.fromEmail!, name: bounce.fromName ?? undefined },
        subject: bounce.subject,
        text: bounce.text,
      }),
    );
    const { inbound, thread } = await inboundOf('thread-f:3');
    expect(inbound[0]).toMatchObject({
      classification: 'bounce',
      classificationRule: 'bounce:sender',
      failedRecipients: ['this-local-part-does-not-exist@ezweb.ne.jp'],
    });
    expect(thread.summary).toMatchObject({
      bounced: false,
      bouncedRecipients: ['this-local-part-does-not-exist@ezweb.ne.jp'],
    });
    // The mail system is no prospect: the thread names Kenji and Bob only.
    const prospects = await db.prospects.toArray();
    expect(prospects.map((p) => p.emails[0]).sort()).toEqual([
      'bob@acme.com',
      'this-local-part-does-not-exist@ezweb.ne.jp',
    ]);
    expect(thread.prospectIds).toHaveLength(2);
    // Thread reply rate: still a unit (Bob may answer). Prospect response rate: Bob contacted, Kenji not.
    let n = await numbers();
    expect([n.reply.k, n.reply.n]).toEqual([0, 1]);
    expect([n.people.k, n.people.n]).toEqual([0, 1]);
    // Bob answers: the thread replied, one person of one.
    await ingest(
      gmailInbound({
        threadExternalId: 'thread-f:3',
        from: { email: 'bob@acme.com', name: 'Bob' },
        subject: 'Re: Intro',
        text: 'Not for us, thanks.',
      }),
    );
    n = await numbers();
    expect([n.reply.k, n.reply.n, n.people.k, n.people.n]).toEqual([1, 1, 1, 1]);
    expect([n.positive.k, n.positive.n]).toEqual([0, 1]);
    // A second bounce for Bob: every recipient bounced, the thread leaves the rates.
    await ingest(
      gmailInbound({
        threadExternalId: 'thread-f:3',
        from: { email: 'mailer-daemon@googlemail.com', name: 'Mail Delivery Subsystem' },
        subject: 'Delivery Status Notification (Failure)',
        text: "** Address not found **\n\nYour message wasn't delivered to bob@acme.com because the address couldn't be found.",
        sentAt: T0 + 2 * H,
      }),
    );
    expect((await inboundOf('thread-f:3')).thread.summary?.bounced).toBe(true);
  });

  it('a bounce that names no address bounces the whole thread', async () => {
    const kddi = sisimai('maildir/bsd/lhost-kddi-02.eml'); // names an address the user did not write to
    await ingest(
      gmailSend({ threadExternalId: 'thread-f:4', to: [{ email: 'a@x.jp' }, { email: 'b@x.jp' }] }),
      gmailInbound({
        threadExternalId: 'thread-f:4',
        from: { email: kddi.fromEmail! },
        subject: kddi.subject,
        text: kddi.text,
      }),
    );
    const { inbound, thread } = await inboundOf('thread-f:4');
    expect(inbound[0]).toMatchObject({ classification: 'bounce', failedRecipients: [] });
    expect(thread.summary?.bounced).toBe(true);
    expect((await numbers()).reply.n).toBe(0);
  });

  it('a delay warning is not a bounce: the thread stays in the denominator, "delivery delayed" until a reply', async () => {
    const delay = sisimai('maildir/bsd/rfc3464-55.eml');
    await ingest(
      gmailSend({ threadExternalId: 'thread-f:5', to: [{ email: 'sotoneko@nora.nyaan.jp' }], subject: 'Nyaan' }),
      gmailInbound({
        threadExternalId: 'thread-f:5',
        from: { email: delay.fromEmail!, name: delay.fromName! },
        subject: delay.subject,
        text: delay.text,
      }),
    );
    let { inbound, thread } = await inboundOf('thread-f:5');
    expect(inbound[0]).toMatchObject({
      classification: 'delay',
      classificationRule: 'delay:subject',
      failedRecipients: ['sotoneko@nora.nyaan.jp'],
    });
    expect(thread.summary).toMatchObject({ bounced: false, delayed: true, autoReplyCount: 0 });
    expect(await db.prospects.count()).toBe(1); // mailer-daemon is no prospect
    expect((await numbers()).reply.n).toBe(1);
    await ingest(
      gmailInbound({
        threadExternalId: 'thread-f:5',
        from: { email: 'sotoneko@nora.nyaan.jp' },
        subject: 'Re: Nyaan',
        text: 'Got it in the end. Send me the pricing please.',
        sentAt: T0 + 30 * H,
      }),
    );
    ({ thread } = await inboundOf('thread-f:5'));
    expect(thread.summary?.delayed).toBeUndefined();
    expect(thread.summary?.firstReplyAt).toBe(T0 + 30 * H);
  });

  it('reads a referral and names the colleague, never the user', async () => {
    await ingest(
      gmailSend({ threadExternalId: 'thread-f:6', to: [{ email: 'kim@globex.com' }], cc: [{ email: 'me@seller.io' }] }),
      gmailInbound({
        threadExternalId: 'thread-f:6',
        from: { email: 'kim@globex.com' },
        text: "Hi, I'm not the right person for this. Please reach out to dana.ops@globex.com, she owns vendor tools.\n\nOn Mon, Nov 2, 2026 at 9:00 AM Me <me@seller.io> wrote:\n> Hi Kim, …",
      }),
    );
    const { inbound } = await inboundOf('thread-f:6');
    expect(inbound[0]).toMatchObject({ classification: 'human', intent: 'referral', referral: 'dana.ops@globex.com' });
  });

  it('a challenge-response from the prospect’s address is automatic, and the prospect stays "contacted"', async () => {
    await ingest(
      gmailSend({ threadExternalId: 'thread-f:7' }),
      gmailInbound({
        threadExternalId: 'thread-f:7',
        subject: 'Re: Quick question',
        text: 'Hi, Ada Lovelace is using Boxbe to manage incoming email. Your message is waiting in the Guest List. Please click below to confirm you are a person.',
      }),
    );
    expect((await inboundOf('thread-f:7')).inbound[0]).toMatchObject({
      classification: 'auto-reply',
      classificationRule: 'auto:challenge',
    });
    expect((await db.prospects.toArray())[0].stage).toBe('contacted');
  });
});

describe('a correction by hand', () => {
  it('is kept when the same message is seen again, and every number follows', async () => {
    const reply = gmailInbound({
      threadExternalId: 'thread-f:8',
      text: 'I am out of the office until Monday with limited access to email. For urgent matters call my assistant.',
    });
    await ingest(gmailSend({ threadExternalId: 'thread-f:8' }), reply);
    let { inbound } = await inboundOf('thread-f:8');
    expect(inbound[0].classification).toBe('auto-reply');
    expect((await numbers()).reply.k).toBe(0);

    // The user says: a person wrote that, and they are interested.
    await setMessageClass(db, inbound[0].id, 'human', ['me@seller.io'], T0 + 5 * H);
    await setMessageIntent(db, inbound[0].id, 'interested', T0 + 5 * H);
    let n = await numbers();
    expect([n.reply.k, n.positive.k, n.people.k]).toEqual([1, 1, 1]);
    expect((await db.prospects.toArray())[0].stage).toBe('replied');

    // Gmail shows the message again (the network layer, another sighting): the rules would say
    // auto-reply and "other"; the user's word stands.
    await ingest({ ...reply, eventId: 'again', layer: 'dom' });
    ({ inbound } = await inboundOf('thread-f:8'));
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({
      classification: 'human',
      classificationSource: 'manual',
      classificationRule: 'auto:ooo-text',
      intent: 'interested',
      intentSource: 'manual',
    });
    n = await numbers();
    expect([n.reply.k, n.positive.k]).toEqual([1, 1]);

    // …and so does the v4 upgrade's judge, run again over the stored mail.
    await db.transaction('rw', [db.messages, db.threads], (tx) => judgeStoredMail(tx));
    ({ inbound } = await inboundOf('thread-f:8'));
    expect(inbound[0]).toMatchObject({
      classification: 'human',
      classificationSource: 'manual',
      intent: 'interested',
      intentSource: 'manual',
    });

    // Back to automatic by hand: the reply and the stage go.
    await setMessageClass(db, inbound[0].id, 'auto-reply', [], T0 + 6 * H);
    n = await numbers();
    expect([n.reply.k, n.positive.k, n.people.k]).toEqual([0, 0, 0]);
    expect((await db.prospects.toArray())[0].stage).toBe('contacted');
  });

  it('an intent can only be set on a person’s reply', async () => {
    await ingest(
      gmailSend({ threadExternalId: 'thread-f:9' }),
      gmailInbound({ threadExternalId: 'thread-f:9', subject: 'Automatic reply: Quick question', text: 'Away.' }),
    );
    const { inbound } = await inboundOf('thread-f:9');
    await expect(setMessageIntent(db, inbound[0].id, 'interested')).rejects.toThrow(/person/);
  });
});
