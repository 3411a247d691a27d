// Threads of ingestion: which stored thread a message belongs to (the site's thread ids, then
// In-Reply-To/References, then the thread of the message already known), two threads found to be
// one folded together, and a message's thread created or given its new ids, prospects and subject.
import type { MessageEvent } from '../schema/events';
import type { Thread } from '../schema/model';
import { normRfcId } from '../records/keys';
import type { WorkingSet } from './working-set';

/** The thread a message names (merging the threads its ids name), else the one its references name. */
export async function findThread(
  ws: WorkingSet,
  ev: MessageEvent,
  tKeys: string[],
  knownThreadId: string | null,
): Promise<Thread | null> {
  const thread = await resolveThread(ws, tKeys, knownThreadId);
  if (thread || !ev.inReplyTo.length) return thread;
  const refs = ev.inReplyTo.map((r) => `rfc:${normRfcId(r)}`);
  const [parent] = await ws.messagesByKeys(refs);
  return parent ? ((await ws.getThread(parent.threadId)) ?? null) : null;
}

async function resolveThread(ws: WorkingSet, tKeys: string[], knownThreadId: string | null): Promise<Thread | null> {
  const found = tKeys.length ? await ws.threadsByKeys(tKeys) : [];
  if (knownThreadId && !found.some((t) => t.id === knownThreadId)) {
    const t = await ws.getThread(knownThreadId);
    if (t) found.unshift(t);
  }
  const unique = [...new Map(found.map((t) => [t.id, t])).values()];
  if (unique.length === 0) return null;
  let [keep, ...rest] = unique;
  for (const other of rest) keep = await mergeThreads(ws, keep, other);
  return keep;
}

/** Two threads turned out to be one (ids in two forms): move messages and keys into `keep`. */
export async function mergeThreads(ws: WorkingSet, keep: Thread, other: Thread): Promise<Thread> {
  const merged: Thread = {
    ...keep,
    keys: [...new Set([...keep.keys, ...other.keys, `${other.channel}:t:${other.externalId}`])],
    prospectIds: [...new Set([...keep.prospectIds, ...other.prospectIds])],
    subject: keep.subject ?? other.subject,
  };
  for (const m of await ws.messagesOfThread(other.id)) ws.putMessage({ ...m, threadId: keep.id });
  await ws.messagesOfThread(keep.id);
  ws.deleteThread(other.id);
  ws.putThread(merged);
  return merged;
}

/**
 * The message's thread, created if none was found, with the message's thread ids, its prospects
 * and a subject if it had none; written to the working set.
 */
export async function attachThread(
  ws: WorkingSet,
  ev: MessageEvent,
  found: Thread | null,
  o: { threadId: string; tKeys: string[]; prospectIds: string[]; now: number },
): Promise<Thread> {
  const thread = found ??
    (await ws.getThread(o.threadId)) ?? {
      id: o.threadId,
      channel: ev.channel,
      externalId: ev.threadExternalId ?? ev.externalId,
      prospectIds: [],
      subject: null,
      keys: [],
      updatedAt: o.now,
    };
  const threadKeySet = new Set([...thread.keys, ...o.tKeys]);
  if (!ev.threadExternalId) threadKeySet.add(`${ev.channel}:t:${thread.externalId}`);
  thread.keys = [...threadKeySet];
  for (const pid of o.prospectIds) if (!thread.prospectIds.includes(pid)) thread.prospectIds.push(pid);
  if (!thread.subject && ev.subject) thread.subject = stripReplyPrefix(ev.subject);
  thread.updatedAt = o.now;
  ws.putThread(thread);
  return thread;
}

const stripReplyPrefix = (s: string) => s.replace(/^\s*((re|aw|fwd?|wg|tr|rv|sv)\s*:\s*)+/i, '').trim() || s;
