// Settings: how each inbound message of the last 30 days was classified, by class and rule, and how
// many were corrected by hand (lib/insights/settings.ts), over messages stored by real ingestion.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { ingestEvents } from '@/lib/ingest/ingest';
import { classificationBreakdown, loadClassification } from '@/lib/insights/settings';
import { setMessageClass, setMessageIntent } from '@/lib/prospects/corrections';
import { sisimai } from '../helpers/corpus';
import { T0, gmailInbound, gmailSend, settings } from '../helpers/events';

let db: SidelogDb;
let n = 0;
const DAY = 86_400_000;
const NOW = T0 + 10 * DAY;

beforeEach(async () => {
  db = openDb(`replies-settings-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('classification in the last 30 days', () => {
  it('counts by class and rule, and what the user corrected', async () => {
    const bounce = sisimai('maildir/bsd/lhost-ezweb-07.eml');
    const delay = sisimai('maildir/bsd/rfc3464-55.eml');
    const away = sisimai('maildir/bsd/rfc3834-01.eml');
    const deps = { db, settings: settings(), now: () => NOW };
    await ingestEvents(deps, [
      gmailSend({ threadExternalId: 't1' }),
      gmailInbound({ threadExternalId: 't1', text: 'Sounds good — send me a calendar link.' }),
      gmailSend({ threadExternalId: 't2', to: [{ email: 'this-local-part-does-not-exist@ezweb.ne.jp' }] }),
      gmailInbound({
        threadExternalId: 't2',
        from: { email: bounce.fromEmail! },
        subject: bounce.subject,
        text: bounce.text,
      }),
      gmailSend({ threadExternalId: 't3', to: [{ email: 'sotoneko@nora.nyaan.jp' }] }),
      gmailInbound({
        threadExternalId: 't3',
        from: { email: delay.fromEmail!, name: delay.fromName! },
        subject: delay.subject,
        text: delay.text,
      }),
      gmailSend({ threadExternalId: 't4', to: [{ email: away.fromEmail! }] }),
      gmailInbound({
        threadExternalId: 't4',
        from: { email: away.fromEmail! },
        subject: away.subject,
        text: away.text,
      }),
      // Older than 30 days: not in the table.
      gmailSend({ threadExternalId: 't5', sentAt: NOW - 40 * DAY }),
      gmailInbound({ threadExternalId: 't5', sentAt: NOW - 39 * DAY }),
    ]);
    const ooo = (await db.messages.toArray()).find((m) => m.subject === away.subject)!;
    await setMessageClass(db, ooo.id, 'human', [], NOW);
    await setMessageIntent(db, ooo.id, 'later', NOW);

    const b = await loadClassification(db, NOW);
    expect(b.total).toBe(4);
    expect(b.byClass).toEqual({ human: 2, 'auto-reply': 0, bounce: 1, delay: 1 });
    expect(b.rules.map((r) => [r.cls, r.rule, r.count])).toEqual([
      ['human', 'human', 1],
      ['auto-reply', 'auto:ooo-text', 1],
      ['bounce', 'bounce:sender', 1],
      ['delay', 'delay:subject', 1],
    ]);
    expect(b.rules[1].label).toBe('out-of-office wording');
    expect(b.corrected).toEqual([{ from: 'auto-reply', to: 'human', count: 1 }]);
    expect(b.correctedTotal).toBe(1);
    expect(b.intents).toMatchObject({ interested: 1, later: 1 });
    expect(b.intentsCorrected).toBe(1);
  });

  it("finds the month's mail through the threads (no time index): an older reply beside a recent one stays out; a reply captured after a first look is counted", async () => {
    const deps = { db, settings: settings(), now: () => NOW };
    await ingestEvents(deps, [
      gmailSend({ threadExternalId: 'long', sentAt: NOW - 45 * DAY }),
      gmailInbound({ threadExternalId: 'long', sentAt: NOW - 40 * DAY, text: 'Not now, try me next quarter.' }),
      gmailInbound({ threadExternalId: 'long', sentAt: NOW - DAY, text: 'Now is a good time: call me Friday.' }),
      gmailSend({ threadExternalId: 'old', sentAt: NOW - 60 * DAY }),
      gmailInbound({ threadExternalId: 'old', sentAt: NOW - 50 * DAY, text: 'Thanks, will read it.' }),
    ]);
    expect((await loadClassification(db, NOW)).total).toBe(1);
    // The threads are picked from the facts this page holds: they follow what is written since.
    await ingestEvents(deps, [
      gmailInbound({ threadExternalId: 'old', sentAt: NOW - 2 * DAY, text: 'Coming back to this: still open?' }),
    ]);
    const b = await loadClassification(db, NOW);
    expect(b.total).toBe(2);
    expect(b.byClass.human).toBe(2);
  });

  it('messages stored without a rule (imported) are counted under their class', () => {
    const m = { direction: 'inbound', kind: 'email', sentAt: 5, classification: 'bounce' } as never;
    const b = classificationBreakdown([m], 0, 10);
    expect(b.rules).toEqual([
      { cls: 'bounce', rule: '—', label: 'stored without a rule (imported or older data)', count: 1 },
    ]);
  });
});
