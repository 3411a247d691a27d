// The Settings tab's reads and its settings write, as the other views' data layers: query options
// with keys from lib/insights/query-keys.ts. (Its export and import live in lib/export.)
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { loadCaptureStatus } from '@/lib/ingest/health';
import { getDb, type SidelogDb } from '@/lib/db/db';
import { classOfRule } from '@/lib/replies/inbound';
import type { Classification, Message, ReplyIntent } from '@/lib/schema/model';
import type { Settings } from '@/lib/schema/settings';
import { getSettings, updateSettings } from '@/lib/settings';
import { loadFacts } from './facts-store';
import { queryKeys } from './query-keys';

export const settingsQuery = () => queryOptions({ queryKey: queryKeys.settings(), queryFn: () => getSettings() });

/** Capture health per site and what is stored, looked at again every 10 s while the tab is shown. */
export const captureStatusQuery = () =>
  queryOptions({
    queryKey: queryKeys.captureStatus(),
    queryFn: () => loadCaptureStatus(getDb(), Date.now()),
    refetchInterval: 10_000,
  });

/** Saves a change of settings; the tab shows the saved settings at once. Throws what the tab says. */
export async function saveSettings(qc: QueryClient, patch: Partial<Settings>): Promise<Settings> {
  const s = await updateSettings(patch);
  qc.setQueryData(queryKeys.settings(), s);
  return s;
}

// How inbound mail was classified ---------------------------------------------------------------

const DAY = 86_400_000;
export const CLASSIFICATION_DAYS = 30;

/** What each rule of lib/replies/classify.ts means, in the words the Settings tab shows. */
export const RULE_LABELS: Record<string, string> = {
  'bounce:sender': 'sent by a mail system (mailer-daemon, postmaster, Exchange…)',
  'bounce:subject': 'non-delivery subject and report wording',
  'bounce:text': 'non-delivery wording of a mail system',
  'bounce:provider': 'a mail provider’s failure notice',
  'delay:subject': 'delay-warning subject',
  'delay:text': '“will keep trying” wording of a mail system',
  'auto:subject': 'automatic-reply subject',
  'auto:ooo-text': 'out-of-office wording',
  'auto:acknowledgement': 'acknowledgement of receipt',
  'auto:ticket': 'ticket-system confirmation',
  'auto:challenge': 'challenge-response (“confirm you are human”)',
  'auto:left-company': 'mailbox no longer read',
  'auto:receipt': 'delivery or read receipt',
  'auto:report': 'mail-system report',
  human: 'none of the rules: a person',
};

export const CLASS_ORDER: readonly Classification[] = ['human', 'auto-reply', 'bounce', 'delay'];

export interface ClassificationBreakdown {
  from: number;
  to: number;
  /** Inbound messages received in the period. */
  total: number;
  /** By the class they have now (after corrections). */
  byClass: Record<Classification, number>;
  /** What the rules decided: per class, per rule, how many (rule "—": stored without a rule, e.g. imported). */
  rules: { cls: Classification; rule: string; label: string; count: number }[];
  /** Classes set by hand, from what the rules said to what the user said. */
  corrected: { from: Classification | null; to: Classification; count: number }[];
  correctedTotal: number;
  /** Intents of the human replies, and how many were set by hand. */
  intents: Record<ReplyIntent, number>;
  intentsCorrected: number;
}

/** Groups inbound messages by class, by rule, and by what the user corrected (pure). */
export function classificationBreakdown(
  messages: readonly Message[],
  from: number,
  to: number,
): ClassificationBreakdown {
  const byClass = Object.fromEntries(CLASS_ORDER.map((c) => [c, 0])) as Record<Classification, number>;
  const intents = { interested: 0, 'not-interested': 0, referral: 0, later: 0, other: 0 } as Record<
    ReplyIntent,
    number
  >;
  const rules = new Map<string, { cls: Classification; rule: string; label: string; count: number }>();
  const corrected = new Map<string, { from: Classification | null; to: Classification; count: number }>();
  let total = 0;
  let intentsCorrected = 0;
  for (const m of messages) {
    if (m.direction !== 'inbound' || m.kind === 'call' || m.kind === 'voicemail' || m.sentAt < from || m.sentAt > to)
      continue;
    total++;
    byClass[m.classification]++;
    const rule = m.classificationRule ?? '—';
    // What the rules said: the rule's class (a correction keeps the rule); no rule: the stored class.
    const detected =
      classOfRule(m.classificationRule) ?? (m.classificationSource === 'manual' ? null : m.classification);
    const key = `${detected}\u0000${rule}`;
    const row = rules.get(key) ?? {
      cls: detected ?? m.classification,
      rule,
      label: RULE_LABELS[rule] ?? (rule === '—' ? 'stored without a rule (imported or older data)' : rule),
      count: 0,
    };
    row.count++;
    rules.set(key, row);
    if (m.classificationSource === 'manual') {
      const k = `${detected}>${m.classification}`;
      const c = corrected.get(k) ?? { from: detected, to: m.classification, count: 0 };
      c.count++;
      corrected.set(k, c);
    }
    if (m.classification === 'human' && m.intent) {
      intents[m.intent]++;
      if (m.intentSource === 'manual') intentsCorrected++;
    }
  }
  const order = (c: Classification) => CLASS_ORDER.indexOf(c);
  return {
    from,
    to,
    total,
    byClass,
    rules: [...rules.values()].sort(
      (a, b) => order(a.cls) - order(b.cls) || b.count - a.count || a.rule.localeCompare(b.rule),
    ),
    corrected: [...corrected.values()].sort((a, b) => b.count - a.count),
    correctedTotal: [...corrected.values()].reduce((s, c) => s + c.count, 0),
    intents,
    intentsCorrected,
  };
}

/**
 * Inbound messages of the last 30 days, grouped. Messages have no time index (schema v5): they
 * are read from the threads whose last inbound message is that recent, picked from the analytics
 * facts (lib/insights/facts-store.ts: kept in memory and brought up to date with the threads
 * written since, so a refetch during a burst of captures reads a few rows, not every thread), by
 * thread id. Every thread with messages has a summary, hence a `lastIn` (since schema v2).
 */
export async function loadClassification(db: SidelogDb = getDb(), now = Date.now()): Promise<ClassificationBreakdown> {
  const from = now - CLASSIFICATION_DAYS * DAY;
  const t = (await loadFacts(db)).facts.threads;
  const threadIds: string[] = [];
  for (let i = 0; i < t.n; i++) if (t.lastIn[i] >= from) threadIds.push(t.id[i]); // NaN (none) is never >=
  const messages = threadIds.length
    ? await db.messages
        .where('threadId')
        .anyOf(threadIds)
        .filter((m) => m.direction === 'inbound' && m.sentAt >= from && m.sentAt <= now)
        .toArray()
    : [];
  return classificationBreakdown(messages, from, now);
}

export const classificationQuery = () =>
  queryOptions({ queryKey: queryKeys.classification(), queryFn: () => loadClassification() });
