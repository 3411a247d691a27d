// The DOM layer's replies: the messages of the open thread, read as their nodes are added (or their
// insides change), never the whole thread again: a re-render with the same ids emits nothing, a
// body that loads later (Gmail fills collapsed messages on demand) is sent again with its text.
// The user's own messages are skipped: sends are captured at compose time.
//
// The open thread's id can be painted after its view and messages exist (InboxSDK pull request
// #1309, 2026-08-06): message nodes seen before any id go back to the next scan (`later`), for up
// to `idWaitMs`; then they are reported as before, with the names the heading has (if there is no
// heading at all, not reported).
import type { CaptureEventInput } from '../../schema/events';
import type { Core } from './core';
import { openThreadNames, readMessageNode } from './dom-read';
import { cleanId, splitThread } from './ids';
import * as GMAIL from './selectors';

/** `idWaitMs`: how long to wait for the open thread's id before reporting its messages without
 *  one; `later`: hands message nodes back for a scan 100 ms later (the id was not painted yet). */
export function createThreadScan(core: Core, idWaitMs: number, later: (nodes: ReadonlySet<Element>) => void) {
  const { doc, now, own, health } = core;
  // Thread names of the user's logged sends, by message id (memory.ts).
  const sentThreads = core.sent.map;
  /** data-message-id -> reported with text (true) or without it yet (false). */
  const withText = new Map<string, boolean>();
  const badNodes = new WeakSet<Element>();
  const namesByHeading = new WeakMap<Element, Set<string>>();
  let waitingSince: number | null = null;

  return function scanThread(nodes: ReadonlySet<Element>) {
    const names = openThreadNames(doc);
    if (!names.length) {
      waitingSince ??= now();
      if (now() - waitingSince < idWaitMs) return later(nodes);
      health.fail('dom', 'open thread without an id');
    }
    waitingSince = null;
    const h2 = doc.querySelector(GMAIL.threadSubject);
    if (!h2) return;
    // The user's own messages in this view that Sidelog logged name the thread as it was at send
    // time (the compose's `rt`, the request's thread id): carry those names too. Collected from the
    // nodes being scanned (a thread renders all its messages at once) and kept per heading.
    let extra = namesByHeading.get(h2);
    if (!extra) namesByHeading.set(h2, (extra = new Set()));
    for (const node of nodes) {
      if (!node.matches(GMAIL.ownMessage)) continue;
      const known = sentThreads.get(cleanId(node.getAttribute('data-message-id')) ?? '');
      if (known) for (const n of known) extra.add(n);
    }
    for (const n of extra) if (!names.includes(n)) names.push(n);
    const { threadExternalId, threadAliases } = splitThread(names);
    const out: CaptureEventInput[] = [];
    for (const node of nodes) {
      if (!node.isConnected) continue;
      const rawId = node.getAttribute('data-message-id');
      const known = rawId ? withText.get(rawId) : undefined;
      if (known === true) continue; // already reported with its text
      const m = readMessageNode(node);
      if (!m) {
        if (!badNodes.has(node)) {
          badNodes.add(node);
          health.fail('dom', 'thread message without id or sender');
        }
        continue;
      }
      if (m.externalId.startsWith('msg-a:') || (m.from.email && own.has(m.from.email))) {
        withText.set(rawId!, true); // the user's own: sends are captured at compose time
        continue;
      }
      const hasText = m.text.length > 0;
      if (known === false && !hasText) continue;
      withText.set(rawId!, hasText);
      if (known === undefined) health.count('dom', 1);
      out.push({
        ...core.domMessage('inbound'),
        externalId: m.externalId,
        aliases: m.aliases,
        threadExternalId,
        threadAliases: threadAliases.slice(0, 20),
        from: m.from,
        to: m.to,
        // No subject: the heading is the thread's, not this message's ("Automatic reply: …" is only
        // on the wire): reporting it would mislead classification, so the DOM layer leaves it out.
        text: m.text,
        // No usable time, or one in the future (an id that does not encode time): now.
        sentAt: m.sentAt != null && m.sentAt <= now() + 86_400_000 ? m.sentAt : now(),
      });
    }
    core.emit(out);
  };
}
