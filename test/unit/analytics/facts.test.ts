// Facts (lib/analytics/facts.ts) are the one input of every metric: encoding must keep what the
// metrics read, and merging changes into facts must give exactly the numbers a fresh encoding of
// the changed data gives (the side panel merges; a first visit encodes).
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '@/lib/analytics/dashboard';
import { decodeFacts, encodeFacts, mergeFacts, type AnalyticsProspect, type Facts } from '@/lib/analytics/facts';
import { generateSeed } from '@/lib/dev/seed';
import { seedRecords } from '../helpers/seed-records';

const now = Date.UTC(2026, 10, 27, 12);
const file = generateSeed({ now, prospects: 300, threads: 400 });
const { threads, prospects, templates } = seedRecords(file);

const dash = (facts: Facts, filters = {}) =>
  computeDashboard({
    facts,
    templates,
    now,
    replyWindowDays: 30,
    minSample: 5,
    filters,
    dimension: 'trait:source',
    utcOffsetMs: 0,
  });
const views = (facts: Facts) => [
  dash(facts),
  dash(facts, { from: now - 90 * 86_400_000 }),
  dash(facts, { channel: 'linkedin', tag: templates[0].tags[0] ?? null }),
];
/** Facts columns as plain data, ignoring row order: what must be equal after a merge. */
const rowsOf = (f: Facts) => {
  const r = decodeFacts(f);
  return {
    threads: r.threads.sort((a, b) => a.id.localeCompare(b.id)),
    prospects: r.prospects.sort((a, b) => a.id.localeCompare(b.id)),
  };
};

describe('facts', () => {
  it('encode then decode keeps every fact the metrics read', () => {
    const back = decodeFacts(encodeFacts(threads, prospects));
    expect(back.prospects).toEqual(
      prospects.map((p) => ({
        id: p.id,
        name: p.name,
        emails: p.emails,
        linkedinUrl: p.linkedinUrl,
        stage: p.stage,
        dealValue: p.dealValue,
        seniority: p.seniority,
        title: p.title,
        company: p.company,
        industry: p.industry,
        location: p.location,
        companySize: p.companySize,
        traits: p.traits,
        connectedAt: p.connectedAt ?? null,
      })),
    );
    expect(
      back.threads.map((t) => [
        t.id,
        t.channel,
        t.prospectIds,
        t.subject,
        t.summary?.firstOutboundAt,
        t.summary?.firstReplyAt,
        t.summary?.sends,
        t.summary?.invites ?? [],
      ]),
    ).toEqual(
      threads.map((t) => [
        t.id,
        t.channel,
        t.prospectIds,
        t.subject,
        t.summary?.firstOutboundAt,
        t.summary?.firstReplyAt,
        t.summary?.sends,
        t.summary?.invites ?? [],
      ]),
    );
  });

  it('threads naming a prospect that is not stored still count that person once', () => {
    const f = encodeFacts(threads.slice(0, 50), []);
    expect(f.prospects.stored.every((s) => s === 0)).toBe(true);
    expect(dash(f).prospectRate.n).toBeGreaterThan(0);
    expect(decodeFacts(f).prospects).toEqual([]);
  });

  it('merging changes gives the numbers of a fresh encoding: new, changed and removed rows', () => {
    // Before: the first 300 threads, an older stage and trait for some prospects, a prospect since deleted.
    const old = prospects.map((p, i) =>
      i % 7 === 0
        ? { ...p, stage: 'contacted' as const, traits: { ...p.traits, source: 'old-source', extra: 'x' } }
        : p,
    );
    const gone: AnalyticsProspect = { ...prospects[0], id: 'p-gone', name: 'Gone' };
    const early = threads
      .slice(0, 300)
      .map((t, i) =>
        i % 11 === 0 && t.summary
          ? { ...t, summary: { ...t.summary, firstReplyAt: null, sends: t.summary.sends.slice(0, 1) } }
          : t,
      );
    const before = encodeFacts(early, [...old.slice(0, 250), gone]);
    const merged = mergeFacts(before, {
      threads: [...threads.slice(300), ...threads.slice(0, 300).filter((_, i) => i % 11 === 0)],
      prospects: [...prospects.slice(250), ...prospects.slice(0, 250).filter((_, i) => i % 7 === 0)],
      deletedThreads: [],
      deletedProspects: ['p-gone'],
    });
    const fresh = encodeFacts(threads, prospects);
    expect(rowsOf(merged)).toEqual(rowsOf(fresh));
    expect(views(merged)).toEqual(views(fresh));
    // The input facts were not modified.
    expect(rowsOf(before)).toEqual(rowsOf(encodeFacts(early, [...old.slice(0, 250), gone])));
  });

  it('a deleted thread leaves the numbers', () => {
    const all = encodeFacts(threads, prospects);
    const dropped = threads.filter((_, i) => i % 5 === 0).map((t) => t.id);
    const merged = mergeFacts(all, { threads: [], prospects: [], deletedThreads: dropped, deletedProspects: [] });
    expect(views(merged)).toEqual(
      views(
        encodeFacts(
          threads.filter((t) => !dropped.includes(t.id)),
          prospects,
        ),
      ),
    );
  });

  it('no change returns the same facts', () => {
    const f = encodeFacts(threads, prospects);
    expect(mergeFacts(f, { threads: [], prospects: [], deletedThreads: [], deletedProspects: [] })).toBe(f);
  });
});
