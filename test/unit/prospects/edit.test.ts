// Logging a call and saving prospect edits (lib/prospects/edit.ts) on fake-indexeddb.
import { describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db/db';
import { Prospect } from '@/lib/schema/model';
import { logCall, saveProspectEdits } from '@/lib/prospects/edit';
import { importExport } from '@/lib/export/import';
import { generateSeed } from '@/lib/dev/seed';

let n = 0;
const fresh = () => openDb(`log-call-${++n}-${Math.random()}`);
const person = (id: string, extra: Partial<Prospect> = {}) =>
  Prospect.parse({
    id,
    name: id,
    emails: [`${id}@x.example`],
    linkedinUrl: null,
    company: null,
    title: null,
    seniority: null,
    industry: null,
    location: null,
    stage: 'contacted',
    dealValue: null,
    traits: {},
    ...extra,
  });

describe('logCall', () => {
  it('a prospect with no thread gets a calls thread of its own; the summary ignores the call', async () => {
    const db = fresh();
    await db.prospects.put(person('p1'));
    const m = await logCall(db, { prospectId: 'p1', outcome: 'connected', note: 'talked', at: 1_700_000_000_000 });
    expect(m).toMatchObject({
      kind: 'call',
      source: 'manual',
      direction: 'outbound',
      callOutcome: 'connected',
      prospectId: 'p1',
      text: 'talked',
    });
    const t = await db.threads.get(m.threadId);
    expect(t).toMatchObject({ externalId: 'calls:p1', channel: 'gmail', prospectIds: ['p1'] });
    expect(t!.summary!.firstDirection).toBeNull(); // not an outreach unit
    expect(t!.summary!.outboundCount).toBe(0);
  });

  it("goes into the prospect's latest thread and leaves its reply facts unchanged", async () => {
    const db = fresh();
    const seed = generateSeed({ now: Date.UTC(2026, 10, 27), prospects: 30, threads: 40 });
    await importExport(db, seed, Date.UTC(2026, 10, 27));
    const both = seed.threads.find((t) => seed.threads.some((u) => u !== t && u.prospectIds[0] === t.prospectIds[0]))!;
    const pid = both.prospectIds[0];
    const threads = await db.threads.where('prospectIds').equals(pid).toArray();
    const last = (t: (typeof threads)[number]) =>
      Math.max(t.summary!.lastOutboundAt ?? 0, t.summary!.lastInboundAt ?? 0);
    const latest = threads.sort((a, b) => last(b) - last(a))[0];
    expect(last(threads[1])).toBeLessThan(last(latest)); // a real choice between two threads
    const before = latest.summary;
    const m = await logCall(db, { prospectId: pid, outcome: 'voicemail', note: '', at: Date.UTC(2026, 10, 26) });
    expect(m.threadId).toBe(latest.id);
    // Reply facts unchanged; the call joins the thread's activity (sends), in time order.
    const after = (await db.threads.get(latest.id))!.summary!;
    expect({ ...after, sends: [] }).toEqual({ ...before, sends: [] });
    expect(after.sends).toEqual(
      [...before!.sends, { at: Date.UTC(2026, 10, 26), templateId: null, call: 'voicemail' }].sort(
        (a, b) => a.at - b.at,
      ),
    );
    expect(await db.threads.count()).toBe(seed.threads.length);
  });

  it('refuses an unknown prospect', async () => {
    await expect(logCall(fresh(), { prospectId: 'nope', outcome: 'connected', note: '', at: 1 })).rejects.toThrow(
      /No prospect/,
    );
  });
});

describe('saveProspectEdits', () => {
  it('saves the changes and marks the fields manual, keeping earlier manual fields', async () => {
    const db = fresh();
    await db.prospects.put(person('p1', { manualFields: ['notes'] }));
    await saveProspectEdits(db, 'p1', { stage: 'won', dealValue: 5000, traits: { source: 'referral' } }, 42);
    const p = (await db.prospects.get('p1'))!;
    expect(p).toMatchObject({ stage: 'won', dealValue: 5000, traits: { source: 'referral' }, updatedAt: 42 });
    expect(p.manualFields.sort()).toEqual(['dealValue', 'notes', 'stage', 'traits']);
  });
  it('does nothing without changes', async () => {
    const db = fresh();
    await db.prospects.put(person('p1', { updatedAt: 7 }));
    await saveProspectEdits(db, 'p1', {}, 42);
    expect((await db.prospects.get('p1'))!.updatedAt).toBe(7);
  });
});
