// The Gmail capture controller: joins the network layer (sync calls handed over by the main-world
// tap) and the DOM layer (compose, "Message sent" toast, Undo, thread view) into capture events.
// It takes its inputs (document, clock, id maker, emit) so vitest and the benchmark drive it, and
// only composes the parts, each a small module with its dependencies passed in:
//   core.ts          what all parts share: emit gate, event fields, the user's own addresses, the
//                    template inserted into each compose, health.ts counters, memory.ts's thread
//                    names of each logged send (kept across reloads)
//   network-join.ts  sync calls -> sends and replies, joined with the DOM's Send presses; Undo (A)
//   dom-send.ts      Send press -> toast -> reported send; Undo click (B); "Schedule send" chosen
//   scheduled.ts     scheduled messages followed until sent or cancelled
//   thread-scan.ts   the open thread's messages (waits for its id to be painted)
//   compose-ui.ts    the compose button, template insertion, the page context
// Here: the mutation observer that batches what the page adds, and the user events (read only).
//
// One record per message: both layers name a send by the compose's draft id, which is the
// `msg-a:r…` id the message is sent under; a DOM send whose compose had no draft id yet borrows the
// id of the network send with the same subject and recipients. Received messages are named by
// their `msg-f:` id (and legacy hex) in both layers.
//
// Undo Send, both wire behaviours (docs/design.md, "What the live sites do"): (A) the send goes out
// at once and Undo re-saves the same message as a draft -> the draft save of a just-sent id
// retracts it; (B) the client holds the send during the undo window -> no request, and the Undo
// click retracts what the DOM layer reported. In both, a click on `#link_undo` retracts the sends
// that toast confirmed. The DOM layer never takes a schedule for a send (dom-send.ts, scheduled.ts).
import type { CaptureEventInput } from '../../schema/events';
import { createComposeUi } from './compose-ui';
import { createCore } from './core';
import { createDomSend } from './dom-send';
import type { MemoryStore } from './memory';
import { createNetworkJoin, type NetworkJoin } from './network-join';
import { createScheduled, type ScheduledEntry } from './scheduled';
import { readOwnEmail } from './dom-read';
import * as GMAIL from './selectors';
import { createThreadScan } from './thread-scan';

export type { ScheduledEntry } from './scheduled';

export interface GmailCaptureDeps {
  doc: Document;
  now: () => number;
  newId: () => string;
  emit: (events: CaptureEventInput[]) => void;
  /** How long a DOM-confirmed send waits for the network layer before it is reported alone. */
  domGraceMs?: number;
  /** Delay that batches DOM mutations before they are examined. */
  scanDelayMs?: number;
  /** Adds the small Sidelog button to compose toolbars. */
  composeButton?: boolean;
  /** Remembers, across reloads, which thread each logged send belongs to (message id -> thread
   *  names), so a reply read from the DOM alone links to the thread (memory.ts). */
  sentThreads?: MemoryStore<string[]>;
  /** Remembers, across reloads, the scheduled messages logged and not yet seen sent or cancelled
   *  (message id -> due time, and when the scheduling request started). */
  scheduledMemory?: MemoryStore<ScheduledEntry>;
  /** How long the thread scan waits for the open thread's id to be painted before it reports the
   *  thread's messages without one. */
  threadIdWaitMs?: number;
}

export function createGmailCapture(deps: GmailCaptureDeps) {
  const core = createCore(deps);
  const { doc, win, health, sent } = core;
  const scanDelay = deps.scanDelayMs ?? 60;
  // Retractions go through the network join, which keeps the record of sends and retractions.
  const retract: NetworkJoin['retract'] = (...a) => join.retract(...a);
  const dom = createDomSend(core, retract, deps.domGraceMs ?? 1500);
  const scheduled = createScheduled(core, deps.scheduledMemory, retract);
  const join = createNetworkJoin(core, dom, scheduled);
  const ui = createComposeUi(core, deps.composeButton !== false);
  let pendingAdded: Element[] = [];
  let scanTimer: number | null = null;
  let observer: MutationObserver | null = null;
  // Painting an attribute is no childList mutation: nodes waiting for the thread id come back
  // every 100 ms.
  const scanThread = createThreadScan(core, deps.threadIdWaitMs ?? 5000, (nodes) => {
    pendingAdded.push(...nodes);
    if (!core.stopped()) scanTimer ??= win.setTimeout(scan, 100);
  });

  // ------------------------------------------------------------------ mutations (kept cheap)

  function scan() {
    scanTimer = null;
    if (!sent.loaded()) {
      // Thread names of earlier sends are still loading: look at the page once they are here.
      scanTimer = win.setTimeout(scan, scanDelay);
      return;
    }
    const added = pendingAdded;
    pendingAdded = [];
    const msgNodes = new Set<Element>();
    for (const el of added) {
      if (!el.isConnected) continue;
      // Message nodes added, inside what was added, or around it (a body loaded into a message).
      if (el.matches(GMAIL.threadMessage)) msgNodes.add(el);
      else {
        const around = el.parentElement?.closest(GMAIL.threadMessage);
        if (around) msgNodes.add(around);
        else if (el.firstElementChild) for (const m of el.querySelectorAll(GMAIL.threadMessage)) msgNodes.add(m);
      }
      ui.added(el);
    }
    dom.checkToast();
    if (msgNodes.size) scanThread(msgNodes);
    ui.trackDraft();
  }

  /** The MutationObserver callback: only collects added elements; the work happens in scan(). */
  function onMutations(records: MutationRecord[]) {
    for (const r of records) {
      const nodes = r.addedNodes;
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i];
        if (n.nodeType === 1) pendingAdded.push(n as Element);
      }
    }
    if (pendingAdded.length && !scanTimer) scanTimer = win.setTimeout(scan, scanDelay);
  }

  // User events, read only: Send presses and Undo (dom-send.ts), the focused compose (compose-ui.ts).
  const listen = (on: boolean) => {
    const f = on ? doc.addEventListener.bind(doc) : doc.removeEventListener.bind(doc);
    f('keydown', dom.onKeyDown, true);
    f('click', dom.onClick, true);
    f('focusin', ui.onFocusIn, true);
  };

  return {
    start() {
      sent.load();
      scheduled.load(join.drain);
      core.learnOwn(readOwnEmail(doc));
      listen(true);
      observer = new win.MutationObserver(onMutations);
      observer.observe(doc.documentElement, { childList: true, subtree: true });
      pendingAdded.push(doc.documentElement);
      scanTimer = win.setTimeout(scan, scanDelay);
    },
    stop() {
      core.stop();
      observer?.disconnect();
      dom.stop();
      if (scanTimer != null) win.clearTimeout(scanTimer);
      listen(false);
    },
    onTap: join.onTap,
    onMutations,
    scan,
    insertTemplate: ui.insertTemplate,
    pageContext: ui.pageContext,
    /** The page is going away (closed, reloaded, navigated): sends confirmed by the toast are
     *  reported now rather than after their grace period, which the page would not live to see.
     *  Their events reach the outbox, which keeps them until the background acknowledges them. */
    leaving(): void {
      dom.leaving();
      health.flush();
    },
    /** Health since the last call, as events (one per layer that saw anything); also drops
     *  bookkeeping that can no longer matter (sends older than the undo/correlation windows). */
    flushHealth(): void {
      health.flush();
      const t = core.now();
      dom.prune(t);
      join.prune(t);
    },
  };
}

export type GmailCapture = ReturnType<typeof createGmailCapture>;
