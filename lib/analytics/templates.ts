// Per-template numbers for the Templates tab: the same rows as the Dashboard's template table
// ("By first touch" and "Per version", lib/analytics/rates.ts), with their n, 95% Wilson interval and
// verdict against the rest, keyed by template; plus how many messages used each template.
import type { AnalyticsTemplate, Facts } from './facts';
import { NONE, templateFirstTouchRates, templateVersionRates, type GroupRate } from './rates';
import { buildUnits } from './units';

export interface TemplateSummary {
  /** Its row of "By first touch": threads whose first message used it; null when it opened none. */
  firstTouch: GroupRate | null;
  /** Its rows of "Per version", newest version first. */
  versions: (GroupRate & { version: number })[];
  /** Outbound messages attributed to it, any step (first touches, follow-ups, answers). */
  uses: number;
}

export interface TemplateSummaryInput {
  facts: Facts;
  templates: readonly AnalyticsTemplate[];
  replyWindowDays: number;
  minSample: number;
  /** Numbers as of this moment: a scheduled message counts once it is due. Default: everything. */
  now?: number;
}

/** All time, by template id: every template that opened a thread or was used at all. */
export function templateSummaries(input: TemplateSummaryInput): Map<string, TemplateSummary> {
  const { facts, templates, minSample } = input;
  const out = new Map<string, TemplateSummary>();
  const get = (id: string) => {
    let s = out.get(id);
    if (!s) out.set(id, (s = { firstTouch: null, versions: [], uses: 0 }));
    return s;
  };
  const now = input.now ?? Infinity;
  const units = buildUnits(facts, input.replyWindowDays, templates, {}, now);
  for (const r of templateFirstTouchRates(units, templates, minSample)) if (r.key !== NONE) get(r.key).firstTouch = r;
  for (const r of templateVersionRates(units, templates, minSample)) {
    const at = r.key.lastIndexOf('@');
    get(r.key.slice(0, at)).versions.push({ ...r, version: Number(r.key.slice(at + 1)) });
  }
  for (const s of out.values()) s.versions.sort((a, b) => b.version - a.version);
  // Every send of every thread (send facts), outreach or not; a scheduled one once it is due.
  const { sTpl, sAt } = facts.threads;
  for (let j = 0; j < sTpl.length; j++) if (sTpl[j] >= 0 && sAt[j] <= now) get(facts.tpl[sTpl[j]]).uses++;
  return out;
}
