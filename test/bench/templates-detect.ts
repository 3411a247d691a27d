// Benchmark: detection of one message against 200 templates (target: median <= 2 ms).
// Prints figures; never asserts a time (timing depends on the machine and its load).
// Run: npx tsx test/bench/templates-detect.ts
import { compileDetector } from '../../lib/templates/detect';
import { buildCorpus, corpusTemplates, manyTemplates } from '../unit/helpers/templates-corpus';

// The 24 corpus templates plus 176 longer variants of them: every message has several close
// candidates to align against, which is the slow case.
const templates = [...corpusTemplates().map((t) => t.template), ...manyTemplates(176)];
// Compiling happens once per set of templates (createDetector memoises); the first run is JIT-cold.
const compiles: number[] = [];
let detect = compileDetector(templates);
for (let k = 0; k < 10; k++) {
  const t0 = performance.now();
  detect = compileDetector(templates);
  compiles.push(performance.now() - t0);
}
compiles.sort((a, b) => a - b);
const compileMs = compiles[5];

// Messages: filled+edited ones from the corpus (these hit a template) and ones written freely.
const corpus = buildCorpus(3, 20, 500);
const messages = [...corpus.positives, ...corpus.negatives];

for (const m of messages.slice(0, 200)) detect(m); // warm up the JIT

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

const all: number[] = [];
const hits: number[] = [];
const misses: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const m of messages) {
    const a = performance.now();
    const r = detect(m);
    const d = performance.now() - a;
    all.push(d);
    (r ? hits : misses).push(d);
  }
}
const f = (x: number) => x.toFixed(3);
const a = stats(all);
const h = stats(hits);
const mi = stats(misses);
console.log(`templates-detect: ${templates.length} templates compile in ${compileMs.toFixed(1)} ms (median of 10)`);
console.log(
  `one message vs ${templates.length} templates, ${all.length} runs: median ${f(a.median)} ms, p95 ${f(a.p95)} ms, max ${f(a.max)} ms (target median <= 2 ms)`,
);
console.log(`  matched (${hits.length}): median ${f(h.median)} ms, p95 ${f(h.p95)} ms`);
console.log(`  no match (${misses.length}): median ${f(mi.median)} ms, p95 ${f(mi.p95)} ms`);
