// Benchmark (prints figures, asserts nothing): computeDashboard over the large seed
// (100k messages / 20k threads / 20k prospects / 50 templates). Target: <= 50 ms in Node.
// Run: npx tsx test/bench/analytics-dashboard.ts
import { computeDashboard } from '../../lib/analytics/dashboard';
import { popupSummary } from '../../lib/analytics/popup';
import { generateSeed, SEED_LARGE } from '../../lib/dev/seed';
import { summarizeThread } from '../../lib/ingest/summary';
import { Message, Prospect, Template, type Thread } from '../../lib/schema/model';

const now = Date.UTC(2026, 10, 27, 12);
const file = generateSeed({ ...SEED_LARGE, now });
// What the importer stores: model rows with summaries recomputed from the messages.
const messages = file.messages.map((m) => Message.parse({ ...m, sentAt: Date.parse(m.sentAt) }));
const byThread = new Map<string, Message[]>();
for (const m of messages) {
  let a = byThread.get(m.threadId);
  if (!a) byThread.set(m.threadId, (a = []));
  a.push(m);
}
// structuredClone: the panel gets its rows from IndexedDB, i.e. structured-clone copies. Objects
// built here by spreads and zod parses have other V8 shapes and read several times slower, which
// would time this script's own set-up rather than what the panel runs.
const threads: Thread[] = structuredClone(file.threads.map((t) => ({ ...t, keys: [], updatedAt: 0, summary: summarizeThread(byThread.get(t.id) ?? []) })));
const prospects = structuredClone(file.prospects.map((p) => Prospect.parse({ ...p, createdAt: 0, updatedAt: 0 })));
const templates = structuredClone(file.templates.map((t) => Template.parse({ ...t, createdAt: 0, updatedAt: 0 })));
const outbound = structuredClone(messages.filter((m) => m.direction === 'outbound'));
console.log(`data: ${messages.length} messages, ${threads.length} threads, ${prospects.length} prospects, ${templates.length} templates`);

function time(label: string, fn: () => unknown, runs = 25) {
  fn(); // warm-up (JIT)
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  console.log(`${label}: median ${ts[ts.length >> 1].toFixed(1)} ms, min ${ts[0].toFixed(1)} ms, max ${ts[ts.length - 1].toFixed(1)} ms (${runs} runs)`);
}

const base = { threads, prospects, templates, now, replyWindowDays: 30, minSample: 10, dimension: 'seniority' as const };
// A fresh prospects array defeats the per-array index cache (what the first computation after a read pays).
const cold = () => ({ ...base, prospects: prospects.slice() });
const from90 = now - 90 * 86_400_000;
time('dashboard, all time (all outbound messages), first computation', () => computeDashboard({ ...cold(), outbound, filters: {} }));
time('dashboard, all time, recomputed (same arrays: a filter change)', () => computeDashboard({ ...base, outbound, filters: {} }));
const outbound90 = outbound.filter((m) => m.sentAt >= from90);
time('dashboard, last 90 days (default view), first computation', () => computeDashboard({ ...cold(), outbound: outbound90, filters: { from: from90 } }));
time('dashboard, last 90 days, recomputed', () => computeDashboard({ ...base, outbound: outbound90, filters: { from: from90 } }));
time('dashboard, last 90 days, linkedin, tag "cold", by custom trait', () =>
  computeDashboard({ ...cold(), dimension: 'trait:source', outbound: outbound90, filters: { from: from90, channel: 'linkedin', tag: 'cold' } }),
);
const from30 = now - 30 * 86_400_000;
const recent = outbound.filter((m) => m.sentAt >= from30);
time('popup summary (last 30 days)', () =>
  popupSummary({ outbound: recent, threads, templates, now, startOfDay: now - 12 * 3_600_000, startOfMonth: Date.UTC(2026, 10, 1), replyWindowDays: 30, minSample: 10 }),
);
