// Benchmark (prints figures, asserts nothing): computeDashboard over the large seed
// (100k messages / 20k threads / 20k prospects / 50 templates). Target: <= 50 ms in Node for the
// analytics over the facts the panel holds; building and merging the facts are printed apart.
// Run: npx tsx test/bench/analytics-dashboard.ts
import { computeDashboard } from '../../lib/analytics/dashboard';
import { encodeFacts, mergeFacts } from '../../lib/analytics/facts';
import { popupSummary } from '../../lib/analytics/popup';
import { generateSeed, SEED_LARGE } from '../../lib/dev/seed';
import { summarizeThread } from '../../lib/records/summary';
import { Message, Prospect, Template, type Thread } from '../../lib/schema/model';

const now = Date.UTC(2026, 10, 27, 12);
const file = generateSeed({ ...SEED_LARGE, now });
// What the importer stores: model rows with summaries recomputed from the messages.
const messages = file.messages.map((m) =>
  Message.parse({
    ...m,
    sentAt: Date.parse(m.sentAt),
    withdrawnAt: m.withdrawnAt ? Date.parse(m.withdrawnAt) : undefined,
  }),
);
const byThread = new Map<string, Message[]>();
for (const m of messages) {
  let a = byThread.get(m.threadId);
  if (!a) byThread.set(m.threadId, (a = []));
  a.push(m);
}
// structuredClone: the panel gets its rows from IndexedDB, i.e. structured-clone copies. Objects
// built here by spreads and zod parses have other V8 shapes and read several times slower, which
// would time this script's own set-up rather than what the panel runs.
const threads: Thread[] = structuredClone(
  file.threads.map((t) => ({ ...t, keys: [], updatedAt: 0, summary: summarizeThread(byThread.get(t.id) ?? []) })),
);
const prospects = structuredClone(
  file.prospects.map((p) =>
    Prospect.parse({ ...p, createdAt: 0, updatedAt: 0, connectedAt: p.connectedAt ? Date.parse(p.connectedAt) : null }),
  ),
);
const templates = structuredClone(file.templates.map((t) => Template.parse({ ...t, createdAt: 0, updatedAt: 0 })));
console.log(
  `data: ${messages.length} messages, ${threads.length} threads, ${prospects.length} prospects, ${templates.length} templates`,
);

function time(label: string, fn: () => unknown, runs = 25) {
  fn(); // warm-up (JIT)
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  console.log(
    `${label}: median ${ts[ts.length >> 1].toFixed(1)} ms, min ${ts[0].toFixed(1)} ms, max ${ts[ts.length - 1].toFixed(1)} ms (${runs} runs)`,
  );
}

// The panel keeps these columns persisted and merges changes into them (lib/insights/facts-store.ts):
// encoding everything happens once (first open, or after a large change); a day's captures are a merge.
time('facts: encode 20k threads + 20k prospects (full rebuild)', () => encodeFacts(threads, prospects), 10);
const facts = encodeFacts(threads, prospects);
const changed = {
  threads: threads.slice(0, 50),
  prospects: prospects.slice(0, 20),
  deletedThreads: [],
  deletedProspects: [],
};
time('facts: merge 50 changed threads + 20 prospects (a refresh)', () => mergeFacts(facts, changed), 10);
const sized = structuredClone(facts);
console.log(
  `facts: ${(JSON.stringify(sized, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as number[]) : v)).length / 1e6).toFixed(1)} MB as JSON (typed arrays stored as binary in IndexedDB)`,
);

const base = { facts, templates, now, replyWindowDays: 30, minSample: 10, dimension: 'seniority' as const };
const from90 = now - 90 * 86_400_000;
time('dashboard, all time', () => computeDashboard({ ...base, filters: {} }));
time('dashboard, last 90 days (default view)', () => computeDashboard({ ...base, filters: { from: from90 } }));
time('dashboard, last 90 days, linkedin, tag "cold", by custom trait', () =>
  computeDashboard({ ...base, dimension: 'trait:source', filters: { from: from90, channel: 'linkedin', tag: 'cold' } }),
);
time('popup summary (today, last 30 days, this month)', () =>
  popupSummary({
    facts,
    templates,
    now,
    startOfDay: now - 12 * 3_600_000,
    startOfMonth: Date.UTC(2026, 10, 1),
    replyWindowDays: 30,
    minSample: 10,
  }),
);
