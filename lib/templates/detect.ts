// Template detection: which template (if any) a sent text came from, when the text was typed or
// pasted rather than inserted from the panel.
//
// How: both sides become word tokens (case, accents and punctuation ignored). A template is its
// sequence of literal words with `{{variables}}` as gaps; a message matches when, in order, most
// of the template's words are there (longest common subsequence / template words = `coverage`)
// and the part of the message the template spans is mostly explained by it: matched words plus
// up to MAX_VAR_WORDS words per variable (`density`). Greetings, P.S. lines and signatures before
// or after the span cost nothing; small edits inside cost a little each.
//
// Speed (one message vs 200 templates in well under 2 ms): everything about the templates is
// compiled once in createDetector, words are interned to integers, and an inverted index gives an
// upper bound of each template's coverage from word counts alone, so the exact O(n·m) alignment
// runs only for the few templates that could still beat the best match so far.
import type { Channel, Template, TemplateVersion } from '../schema/model';
import { parseTemplate } from './variables';

export interface TemplateMatch {
  templateId: string;
  version: number;
  score: number;
}

export interface DetectInput {
  text: string;
  subject: string | null;
  channel: Channel;
}

export interface DetectorOptions {
  /** Earlier versions of the templates: a message typed from old text is credited to that version. */
  versions?: readonly TemplateVersion[];
}

/** A variable stands for a short run of words: a name, a company, a title. */
export const MAX_VAR_WORDS = 6;
/** Share of the template's own words that must be found, in order. */
export const MIN_COVERAGE = 0.7;
/** Share of the spanned message words that the template must explain. */
export const MIN_DENSITY = 0.6;
/** Templates this short ("Thanks {{firstName}}!") match only when nearly the whole message is them. */
const SHORT_TEMPLATE_WORDS = 6;
/** Longer messages are cut: the alignment is quadratic and a template is never this long. */
const MAX_MESSAGE_WORDS = 1500;

/** Lower-case words without accents or ß ("Grüße" = "Grusse", as Swiss German and hurried typing write it). */
export function words(s: string): string[] {
  return (
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

interface Compiled {
  templateId: string;
  version: number;
  /** Higher wins ties: the current version over old ones. */
  current: boolean;
  /** Literal words as interned ids, variables removed. */
  lit: Int32Array;
  vars: number;
  subject: Int32Array | null;
  channel: Template['channel'];
}

function channelOk(t: Template['channel'], c: Channel): boolean {
  return t === 'any' || (t === 'email' ? c === 'gmail' : c === 'linkedin');
}

// Shared DP buffer, grown on demand: no allocation per comparison.
let dp = new Uint16Array(0);

/**
 * Longest common subsequence of a (template words) in b (message words), with the first and last
 * matched positions in b (the span the template covers).
 */
function align(a: Int32Array, b: Int32Array): { len: number; first: number; last: number } {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  if (dp.length < (n + 1) * w) dp = new Uint16Array((n + 1) * w * 2);
  for (let j = 0; j <= m; j++) dp[j] = 0;
  for (let i = 1; i <= n; i++) {
    const row = i * w;
    const prev = row - w;
    dp[row] = 0;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      if (ai === b[j - 1]) dp[row + j] = dp[prev + j - 1] + 1;
      else {
        const up = dp[prev + j];
        const left = dp[row + j - 1];
        dp[row + j] = up > left ? up : left;
      }
    }
  }
  const len = dp[n * w + m];
  let first = -1;
  let last = -1;
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1] && dp[i * w + j] === dp[(i - 1) * w + j - 1] + 1) {
      if (last < 0) last = j - 1;
      first = j - 1;
      i--;
      j--;
    } else if (dp[(i - 1) * w + j] >= dp[i * w + j - 1]) i--;
    else j--;
  }
  return { len, first, last };
}

export type Detector = (input: DetectInput) => TemplateMatch | null;

/** What detection depends on: an edit, archive, new template or version changes it. */
function detectorKey(templates: readonly Template[], opts: DetectorOptions): string {
  return (
    templates
      .map((t) => `${t.id}\u0000${t.version}\u0000${t.archived}\u0000${t.channel}\u0000${t.subject}\u0000${t.body}`)
      .join('\u0001') +
    '\u0002' +
    (opts.versions ?? []).map((v) => `${v.id}\u0000${v.subject}\u0000${v.body}`).join('\u0001')
  );
}

let memo: { key: string; detect: Detector } | null = null;

/**
 * The detector for these templates. Compiling 200 templates costs ~10-80 ms, too much to repeat
 * for every capture batch of one message, so the last detector is reused while the templates are
 * unchanged, and compiling waits for the first message that needs it (a batch of replies or
 * health counters never pays for it).
 */
export function createDetector(templates: Template[], opts: DetectorOptions = {}): Detector {
  const key = detectorKey(templates, opts);
  if (memo?.key === key) return memo.detect;
  let compiled: Detector | null = null;
  const detect: Detector = (input) => (compiled ??= compileDetector(templates, opts))(input);
  memo = { key, detect };
  return detect;
}

/** Compiles now, without the memo (the benchmark measures this). */
export function compileDetector(templates: readonly Template[], opts: DetectorOptions = {}): Detector {
  const dict = new Map<string, number>();
  const intern = (ws: string[]) => {
    const out = new Int32Array(ws.length);
    ws.forEach((w, k) => {
      let id = dict.get(w);
      if (id === undefined) dict.set(w, (id = dict.size));
      out[k] = id;
    });
    return out;
  };
  const compile = (
    t: Template,
    version: number,
    subject: string | null,
    body: string,
    current: boolean,
  ): Compiled | null => {
    const parsed = parseTemplate(body);
    const lit: string[] = [];
    let vars = 0;
    for (const s of parsed.segments) {
      if (s.kind === 'text') lit.push(...words(s.text));
      else {
        vars++;
        // A fallback is what the message says when the value was missing: it is literal text then,
        // but optional, so it is not part of the words the template must show.
      }
    }
    if (lit.length === 0) return null; // "{{body}}" alone would match anything
    const subj = subject ? words(subject.replace(/\{\{[^}]*\}\}/g, ' ')) : [];
    return {
      templateId: t.id,
      version,
      current,
      lit: intern(lit),
      vars,
      subject: subj.length ? intern(subj) : null,
      channel: t.channel,
    };
  };

  const compiled: Compiled[] = [];
  const live = templates.filter((t) => !t.archived);
  const byId = new Map(live.map((t) => [t.id, t]));
  for (const t of live) {
    const c = compile(t, t.version, t.subject, t.body, true);
    if (c) compiled.push(c);
  }
  for (const v of opts.versions ?? []) {
    const t = byId.get(v.templateId);
    if (!t || v.version === t.version) continue;
    const c = compile(t, v.version, v.subject, v.body, false);
    if (c) compiled.push(c);
  }

  // Inverted index: word id -> (template index, count of that word in the template).
  const postT: number[][] = [];
  const postC: number[][] = [];
  compiled.forEach((c, ti) => {
    const counts = new Map<number, number>();
    for (const id of c.lit) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, n] of counts) {
      (postT[id] ??= []).push(ti);
      (postC[id] ??= []).push(n);
    }
  });
  const bound = new Float64Array(compiled.length);

  return (input) => {
    if (compiled.length === 0) return null;
    let ws = words(input.text);
    if (ws.length === 0) return null;
    if (ws.length > MAX_MESSAGE_WORDS) ws = ws.slice(0, MAX_MESSAGE_WORDS);
    const msg = new Int32Array(ws.length);
    const msgCounts = new Map<number, number>();
    for (let k = 0; k < ws.length; k++) {
      const id = dict.get(ws[k]) ?? -1; // a word no template has can never match
      msg[k] = id;
      if (id >= 0) msgCounts.set(id, (msgCounts.get(id) ?? 0) + 1);
    }
    // Upper bound of the common subsequence: sum over words of min(count in template, in message).
    bound.fill(0);
    for (const [id, mc] of msgCounts) {
      const ts = postT[id];
      if (!ts) continue;
      const cs = postC[id];
      for (let k = 0; k < ts.length; k++) bound[ts[k]] += cs[k] < mc ? cs[k] : mc;
    }
    const order: number[] = [];
    for (let ti = 0; ti < compiled.length; ti++) {
      if (bound[ti] / compiled[ti].lit.length >= MIN_COVERAGE && channelOk(compiled[ti].channel, input.channel))
        order.push(ti);
    }
    order.sort((x, y) => bound[y] / compiled[y].lit.length - bound[x] / compiled[x].lit.length);

    const subj = input.subject ? words(input.subject) : [];
    const subjIds = subj.length ? Int32Array.from(subj, (w) => dict.get(w) ?? -1) : null;

    let best: { c: Compiled; score: number } | null = null;
    for (const ti of order) {
      const c = compiled[ti];
      const ub = bound[ti] / c.lit.length;
      // Coverage weighs 0.7 of the score and the rest is at most 0.3: no later candidate can win.
      if (best && 0.7 * ub + 0.3 < best.score) break;
      const { len, first, last } = align(c.lit, msg);
      const coverage = len / c.lit.length;
      if (coverage < MIN_COVERAGE) continue;
      const short = c.lit.length < SHORT_TEMPLATE_WORDS;
      // Short templates have no room for greetings or signatures of their own: judge the whole text.
      const spanLen = short ? msg.length : last - first + 1;
      const unexplained = spanLen - len;
      const explained = len + Math.min(unexplained, c.vars * MAX_VAR_WORDS);
      const density = explained / spanLen;
      if (density < (short ? 0.8 : MIN_DENSITY)) continue;
      if (short && coverage < 1) continue;
      // The subject only refines the score (it breaks ties between close variants); a reply has
      // "Re: …" and a LinkedIn message none, so it is never required.
      let subjectSim = coverage;
      if (c.subject && subjIds) subjectSim = align(c.subject, subjIds).len / c.subject.length;
      const score = 0.7 * coverage + 0.2 * density + 0.1 * subjectSim;
      if (
        !best ||
        score > best.score + 1e-9 ||
        (Math.abs(score - best.score) <= 1e-9 && c.current && !best.c.current)
      ) {
        best = { c, score };
      }
    }
    if (!best) return null;
    return { templateId: best.c.templateId, version: best.c.version, score: Math.round(best.score * 1000) / 1000 };
  };
}
