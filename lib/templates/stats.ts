// Per-template numbers for the Templates tab, from the thread summaries that ingestion keeps up to
// date (so no message scan). Definitions follow DESIGN.md "What the numbers mean": a template's
// reply rate is over threads whose first touch used it; bounced threads leave the denominator;
// a reply counts when it came within the reply window.
import type { Thread } from '../schema/model';

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

const DAY = 86_400_000;

export function templateNumbers(
  threads: readonly Pick<Thread, 'summary'>[],
  templateIdsOfMessages: readonly string[],
  replyWindowDays = 30,
): Map<string, TemplateNumbers> {
  const out = new Map<string, TemplateNumbers>();
  const get = (id: string) => {
    let n = out.get(id);
    if (!n) out.set(id, (n = { uses: 0, threads: 0, replied: 0, byVersion: new Map() }));
    return n;
  };
  for (const id of templateIdsOfMessages) get(id).uses++;
  for (const t of threads) {
    const s = t.summary;
    if (!s || s.firstDirection !== 'outbound' || !s.firstTemplateId || s.bounced) continue;
    const replied =
      s.firstReplyAt !== null && s.firstOutboundAt !== null && s.firstReplyAt - s.firstOutboundAt <= replyWindowDays * DAY;
    const n = get(s.firstTemplateId);
    n.threads++;
    if (replied) n.replied++;
    const v = s.firstTemplateVersion ?? 1;
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
