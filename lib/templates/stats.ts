// Per-template numbers for the Templates tab, from the dashboard's facts (thread summaries that
// ingestion keeps up to date, so no message scan). Definitions follow docs/design.md "What the numbers mean": a template's
// reply rate is over threads whose first touch used it; bounced threads leave the denominator;
// a reply counts when it came within the reply window.
import type { Facts } from '../analytics/facts';
import { buildUnits, U_BOUNCED, U_REPLIED } from '../analytics/units';

export interface RateCount {
  /** Threads whose first touch used the template (bounced ones excluded). */
  threads: number;
  replied: number;
}

export interface TemplateNumbers extends RateCount {
  /** Messages attributed to the template, any step. */
  uses: number;
  byVersion: Map<number, RateCount>;
}

/**
 * Per template: uses (outbound messages with it, any step, from the threads' send facts), and the
 * reply rate of the threads it opened, per version: the dashboard's units (lib/analytics/units.ts),
 * so both tabs count alike. `now`: scheduled messages count once due.
 */
export function templateNumbers(facts: Facts, replyWindowDays = 30, now = Infinity): Map<string, TemplateNumbers> {
  const out = new Map<string, TemplateNumbers>();
  const get = (id: string) => {
    let n = out.get(id);
    if (!n) out.set(id, (n = { uses: 0, threads: 0, replied: 0, byVersion: new Map() }));
    return n;
  };
  const c = facts.threads;
  // A scheduled message is a use once it is due (`now`), like every other number.
  for (let j = 0; j < c.sTpl.length; j++) if (c.sTpl[j] >= 0 && c.sAt[j] <= now) get(facts.tpl[c.sTpl[j]]).uses++;
  const units = buildUnits(facts, replyWindowDays, [], {}, now);
  for (let i = 0; i < units.n; i++) {
    const t = units.t[i];
    if (c.firstTpl[t] < 0 || units.state[i] & U_BOUNCED) continue;
    const replied = (units.state[i] & U_REPLIED) !== 0;
    const n = get(facts.tpl[c.firstTpl[t]]);
    n.threads++;
    if (replied) n.replied++;
    const v = c.firstVer[t] || 1;
    const vn = n.byVersion.get(v) ?? { threads: 0, replied: 0 };
    vn.threads++;
    if (replied) vn.replied++;
    n.byVersion.set(v, vn);
  }
  return out;
}

/** "3 of 12 replied (25%)", with the denominator always shown; nothing sent yet says so. */
export function describeRate(r: RateCount): string {
  if (r.threads === 0) return 'Not used as a first touch yet';
  const pct = Math.round((r.replied / r.threads) * 100);
  return `${r.replied} of ${r.threads} replied (${pct}%)`;
}
