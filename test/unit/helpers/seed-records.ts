// A seed file (lib/dev/seed.ts, export format: ISO dates) as the stored records analytics reads:
// messages, threads with their summaries, prospects and templates. One conversion for every test
// and bench that computes numbers from a seed, so a field the export writes as a date is read once.
import type { AnalyticsProspect, AnalyticsThread } from '../../../lib/analytics/facts';
import { summarizeThread } from '../../../lib/records/summary';
import type { ExportFile } from '../../../lib/schema/export';
import { Message, Prospect, Template } from '../../../lib/schema/model';

const ms = (s: string | null | undefined) => (s ? Date.parse(s) : undefined);

export function seedRecords(file: ExportFile) {
  const messages = file.messages.map((m) =>
    Message.parse({ ...m, sentAt: Date.parse(m.sentAt), withdrawnAt: ms(m.withdrawnAt) }),
  );
  const byThread = new Map<string, Message[]>();
  for (const m of messages) byThread.set(m.threadId, [...(byThread.get(m.threadId) ?? []), m]);
  const threads: AnalyticsThread[] = file.threads.map((t) => ({
    id: t.id,
    channel: t.channel,
    prospectIds: t.prospectIds,
    subject: t.subject,
    summary: summarizeThread(byThread.get(t.id) ?? []),
  }));
  const prospects: AnalyticsProspect[] = file.prospects.map((p) =>
    Prospect.parse({ ...p, createdAt: 0, updatedAt: 0, connectedAt: ms(p.connectedAt) ?? null }),
  );
  const templates = file.templates.map((t) => Template.parse({ ...t, createdAt: 0, updatedAt: 0 }));
  return { messages, byThread, threads, prospects, templates };
}
