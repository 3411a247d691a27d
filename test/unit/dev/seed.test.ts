import { describe, expect, it } from 'vitest';
import { generateSeed } from '@/lib/dev/seed';
import { ExportFile } from '@/lib/schema/export';

const NOW = Date.UTC(2026, 10, 27, 12);

describe('seed data set', () => {
  const file = generateSeed({ now: NOW });

  it('is a valid sidelog-export v1 file', () => {
    expect(() => ExportFile.parse(file)).not.toThrow();
    expect(file.format).toBe('sidelog-export');
  });

  it('is deterministic from the seed, and a different seed gives different data', () => {
    expect(JSON.stringify(generateSeed({ now: NOW }))).toBe(JSON.stringify(file));
    expect(JSON.stringify(generateSeed({ now: NOW, seed: 2 }))).not.toBe(JSON.stringify(file));
  });

  it('has unique ids and every reference resolves', () => {
    const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
    for (const xs of [file.prospects, file.threads, file.messages, file.templates])
      expect(ids(xs).size).toBe(xs.length);
    const p = ids(file.prospects);
    const t = ids(file.threads);
    const tpl = ids(file.templates);
    for (const th of file.threads) for (const pid of th.prospectIds) expect(p.has(pid)).toBe(true);
    for (const m of file.messages) {
      expect(t.has(m.threadId)).toBe(true);
      expect(m.prospectId === null || p.has(m.prospectId)).toBe(true);
      expect(m.templateId === null || tpl.has(m.templateId)).toBe(true);
      expect(Date.parse(m.sentAt)).toBeLessThan(NOW);
    }
  });

  it('covers what the dashboard shows: both channels, replies, auto-replies, bounces, calls, stages, traits, versions', () => {
    const count = (f: (m: (typeof file.messages)[number]) => boolean) => file.messages.filter(f).length;
    expect(file.prospects.length).toBe(400);
    expect(count((m) => m.channel === 'gmail')).toBeGreaterThan(100);
    expect(count((m) => m.channel === 'linkedin')).toBeGreaterThan(100);
    expect(count((m) => m.direction === 'inbound' && m.classification === 'human')).toBeGreaterThan(30);
    expect(count((m) => m.classification === 'auto-reply')).toBeGreaterThan(3);
    expect(count((m) => m.classification === 'bounce')).toBeGreaterThan(3);
    expect(count((m) => m.kind === 'call' && m.callOutcome === 'connected')).toBeGreaterThan(3);
    expect(count((m) => (m.templateVersion ?? 1) > 1)).toBeGreaterThan(3);
    // One person on both channels: a prospect with a Gmail thread and a LinkedIn thread.
    const channels = new Map<string, Set<string>>();
    for (const th of file.threads)
      channels.set(th.prospectIds[0], (channels.get(th.prospectIds[0]) ?? new Set()).add(th.channel));
    expect([...channels.values()].filter((s) => s.size === 2).length).toBeGreaterThan(5);
    const stages = new Set(file.prospects.map((p) => p.stage));
    for (const s of ['contacted', 'replied', 'qualified', 'meeting', 'won', 'lost'])
      expect(stages.has(s as never)).toBe(true);
    expect(file.prospects.some((p) => p.stage === 'won' && (p.dealValue ?? 0) > 0)).toBe(true);
    expect(file.prospects.every((p) => p.traits.source)).toBe(true);
    expect(new Set(file.prospects.map((p) => p.seniority)).size).toBeGreaterThan(4);
  });

  it('scales: thread, prospect, template counts as asked and at least the message count asked', () => {
    const big = generateSeed({ now: NOW, prospects: 2000, threads: 2000, messages: 10_000, templates: 50 });
    expect(big.prospects.length).toBe(2000);
    expect(big.threads.length).toBe(2000);
    expect(big.templates.length).toBe(50);
    expect(big.messages.length).toBeGreaterThanOrEqual(10_000);
    expect(big.messages.length).toBeLessThan(10_100);
    expect(() => ExportFile.parse(big)).not.toThrow();
  });
});
