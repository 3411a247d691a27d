// Logging a call by hand. The call is a Message of kind 'call' (source 'manual') in the prospect's
// latest thread, so their timeline shows it in place; a prospect with no thread yet gets a thread
// of its own (external id `calls:<prospect id>`). Calls never change a thread's reply facts
// (lib/records/summary.ts ignores them), so either place leaves reply rates untouched.
import type { SidelogDb } from '@/lib/db/db';
import { notifyDbChanged } from '@/lib/db/changes';
import { recomputeThread } from '@/lib/db/recompute';
import { threadKeys } from '@/lib/records/keys';
import type { CallOutcome, Message, Thread } from '@/lib/schema/model';

// The last message's time (not updatedAt: that is when the summary was recomputed, e.g. at import).
const lastActivity = (t: Thread) =>
  Math.max(t.summary?.lastOutboundAt ?? 0, t.summary?.lastInboundAt ?? 0, t.summary?.firstMessageAt ?? 0);

export async function logCall(
  db: SidelogDb,
  input: { prospectId: string; outcome: CallOutcome; note: string; at: number; now?: number },
): Promise<Message> {
  const now = input.now ?? Date.now();
  const prospect = await db.prospects.get(input.prospectId);
  if (!prospect) throw new Error(`No prospect ${input.prospectId}`);
  const message = await db.transaction('rw', [db.threads, db.messages], async () => {
    const threads = await db.threads.where('prospectIds').equals(prospect.id).toArray();
    let thread = threads.sort((a, b) => lastActivity(b) - lastActivity(a))[0];
    if (!thread) {
      const channel = prospect.emails.length || !prospect.linkedinUrl ? 'gmail' : 'linkedin';
      const externalId = `calls:${prospect.id}`;
      thread = {
        id: `${channel}:${externalId}`,
        channel,
        externalId,
        prospectIds: [prospect.id],
        subject: null,
        keys: threadKeys(channel, externalId, []),
        updatedAt: now,
      };
      await db.threads.put(thread);
    }
    const id = `${thread.channel}:call:${prospect.id}:${input.at}:${Math.random().toString(36).slice(2, 8)}`;
    const m: Message = {
      id,
      channel: thread.channel,
      direction: 'outbound',
      kind: 'call',
      threadId: thread.id,
      prospectId: prospect.id,
      from: '',
      to: [prospect.name],
      cc: [],
      subject: null,
      text: input.note.slice(0, 20_000),
      sentAt: input.at,
      templateId: null,
      templateVersion: null,
      templateSource: null,
      templateScore: null,
      classification: 'human',
      source: 'manual',
      externalId: id,
      rfcMessageId: null,
      inReplyTo: [],
      callOutcome: input.outcome,
      keys: [id],
      seenBy: ['manual'],
      updatedAt: now,
    };
    await db.messages.put(m);
    return m;
  });
  await recomputeThread(db, message.threadId, now);
  notifyDbChanged({ tables: ['messages', 'threads'] });
  return message;
}

/** Saves the fields the user edited and marks them manual, so capture never overwrites them. */
export async function saveProspectEdits(
  db: SidelogDb,
  prospectId: string,
  changes: Partial<
    Pick<
      import('@/lib/schema/model').Prospect,
      | 'stage'
      | 'dealValue'
      | 'title'
      | 'company'
      | 'seniority'
      | 'industry'
      | 'location'
      | 'companySize'
      | 'traits'
      | 'notes'
      | 'name'
    >
  >,
  now = Date.now(),
): Promise<void> {
  const keys = Object.keys(changes);
  if (keys.length === 0) return;
  await db.transaction('rw', db.prospects, async () => {
    const p = await db.prospects.get(prospectId);
    if (!p) throw new Error(`No prospect ${prospectId}`);
    await db.prospects.put({
      ...p,
      ...changes,
      manualFields: [...new Set([...p.manualFields, ...keys])],
      updatedAt: now,
    });
  });
  notifyDbChanged({ tables: ['prospects'] });
}
