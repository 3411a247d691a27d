// The Gmail capture controller: joins the network layer (sync calls handed over by the main-world
// tap) and the DOM layer (compose, "Message sent" toast, Undo, thread view) into capture events.
// It takes its inputs (document, clock, id maker, emit) so vitest and the benchmark drive it.
//
// One record per message: both layers name a send by the compose's draft id, which is the
// `msg-a:r…` id the message is sent under; a DOM send whose compose had no draft id yet borrows the
// id of the network send with the same subject and recipients. Received messages are named by
// their `msg-f:` id (and legacy hex) in both layers.
//
// Undo Send, both wire behaviours (docs/design.md, "What the live sites do"): (A) the send goes out at once and Undo
// re-saves the same message as a draft -> the draft save of a just-sent id retracts it; (B) the
// client holds the send during the undo window -> no request, and the Undo click retracts what the
// DOM layer reported. In both, a click on `#link_undo` retracts the sends that toast confirmed.
//
// "Schedule send" (`^scheduled` where a send has `^pfg`, sync-parser.ts SCHEDULE_LABEL): the
// network layer logs a scheduled message, dated by its due time, and follows its id (kept in
// extension storage across reloads) until Gmail shows it again: sent (`^f`) -> an outbound event
// under the same ids marks it sent (one record), back to drafts (`^r`: Cancel send, or Undo on the
// "Send scheduled" toast) -> it is removed. The DOM layer never takes a schedule for a send: choosing
// "Schedule send" drops the compose's unconfirmed Send snapshot, and the toast that follows
// confirms nothing (its Undo undoes no earlier send).
import type { CaptureEventInput, CapturedPerson, MessageEventInput } from '../../schema/events';
import type { InsertRequest, InsertResult, PageContext } from '../../messaging';
import { readCompose, readMessageNode, readOwnEmail, readThreadView, openThreadNames, composeRootOf, sendButtonOf, type ComposeState } from './dom-read';
import { cleanId, splitThread, threadNames } from './ids';
import { GMAIL } from './selectors';
import { parseSyncCall } from './sync-parser';
import type { TapMessage } from './tap-protocol';
import { fillCompose } from './insert';
import { addComposeButton } from './compose-button';

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
   *  names), so a reply read from the DOM alone links to the thread even when the thread view
   *  names it differently from the compose (`rt` thread-a:r… vs a legacy hex id). */
  sentThreads?: { load(): Promise<Record<string, string[]>>; save(map: Record<string, string[]>): void };
  /** Remembers, across reloads, the scheduled messages logged and not yet seen sent or cancelled
   *  (message id -> due time, and when the scheduling request started). */
  scheduledMemory?: { load(): Promise<Record<string, ScheduledEntry>>; save(map: Record<string, ScheduledEntry>): void };
  /** How long the thread scan waits for the open thread's id to be painted before it reports the
   *  thread's messages without one. */
  threadIdWaitMs?: number;
}

export interface ScheduledEntry {
  /** Due time (null: the request named none readable). */
  at: number | null;
  /** When the scheduling request started: a draft save begun before it is no cancel. */
  since: number;
}

const SCHEDULED_MAX = 500;
const DAY = 86_400_000;

const SENT_THREADS_MAX = 500;

interface Counter {
  recognised: number;
  failed: number;
  lastError: string | null;
}

interface Snapshot {
  state: ComposeState;
  root: Element;
  at: number;
  template: { id: string; version: number | null } | null;
  /** Id the send is reported under once known. */
  id: string | null;
  emitted: boolean;
  confirmed: boolean;
  /** Id the network layer reported this send under, when it saw it. */
  netId?: string;
  retracted: boolean;
}

interface NetSend {
  id: string;
  at: number;
  sig: string;
  retracted: boolean;
}

const RECENT_MS = 5 * 60_000;

export function sendSignature(subject: string | null | undefined, to: CapturedPerson[]): string {
  const s = (subject ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  return `${s}|${to.map((p) => p.email ?? '').filter(Boolean).sort().join(',')}`;
}

export function createGmailCapture(deps: GmailCaptureDeps) {
  const { doc, now, newId } = deps;
  const graceMs = deps.domGraceMs ?? 1500;
  const scanDelay = deps.scanDelayMs ?? 60;
  const win = doc.defaultView!;
  const health: Record<'network' | 'dom', Counter> = {
    network: { recognised: 0, failed: 0, lastError: null },
    dom: { recognised: 0, failed: 0, lastError: null },
  };
  const own = new Set<string>();
  const templateByRoot = new WeakMap<Element, { id: string; version: number | null }>();
  const templateByDraft = new Map<string, { id: string; version: number | null }>();
  const snapshots: Snapshot[] = [];
  const netSends = new Map<string, NetSend>();
  const retractedAt = new Map<string, number>();
  const usedToasts = new WeakSet<Element>();
  /** data-message-id -> reported with text (true) or without it yet (false). */
  const withText = new Map<string, boolean>();
  const badNodes = new WeakSet<Element>();
  const namesByHeading = new WeakMap<Element, Set<string>>();
  const sentThreads = new Map<string, string[]>();
  let memoryLoaded = !deps.sentThreads;
  function rememberSend(ev: MessageEventInput) {
    const names = [ev.threadExternalId, ...(ev.threadAliases ?? [])].filter((x): x is string => !!x);
    if (!names.length) return;
    for (const id of [ev.externalId, ...(ev.aliases ?? [])]) {
      if (!id.startsWith('msg-a:')) continue;
      sentThreads.delete(id);
      sentThreads.set(id, [...new Set([...(sentThreads.get(id) ?? []), ...names])].slice(0, 20));
    }
    while (sentThreads.size > SENT_THREADS_MAX) sentThreads.delete(sentThreads.keys().next().value!);
    persist(deps.sentThreads, sentThreads);
  }
  // Memories are saved at once (what one sync call teaches arrives together, so a microtask gathers
  // it): a timer here lost the memory when the user reloaded Gmail within it, and the reply read
  // after the reload then started a thread of its own.
  const queued = new Set<Map<string, unknown>>();
  function persist<T>(store: { save(map: Record<string, T>): void } | undefined, map: Map<string, T>) {
    if (!store || queued.has(map)) return;
    queued.add(map);
    queueMicrotask(() => {
      queued.delete(map);
      store.save(Object.fromEntries(map));
    });
  }
  // Scheduled messages logged and followed until Gmail shows them sent or back in drafts. Sync
  // calls wait for the memory to load (a few ms at page start), so a sighting is never missed.
  const scheduled = new Map<string, ScheduledEntry>();
  let scheduledLoaded = !deps.scheduledMemory;
  const tapQueue: TapMessage[] = [];
  function saveScheduled() {
    const t = now();
    // Forgotten: long past due (Gmail has sent it; the numbers count it by its time anyway).
    for (const [id, e] of scheduled) if ((e.at ?? e.since) < t - 30 * DAY || scheduled.size > SCHEDULED_MAX) scheduled.delete(id);
    persist(deps.scheduledMemory, scheduled);
  }
  /** Back in drafts: the schedule was cancelled. */
  function unschedule(id: string) {
    scheduled.delete(id);
    saveScheduled();
    retract(id, 'network', now(), true);
  }
  const buttoned = new WeakSet<Element>();
  let lastToastSnaps: Snapshot[] = [];
  let lastCompose: Element | null = null;
  let pendingAdded: Element[] = [];
  let scanTimer: number | null = null;
  let observer: MutationObserver | null = null;

  let stopped = false;
  /** The fields every event of this page shares. */
  const base = <T extends CaptureEventInput['type']>(type: T) => ({ eventId: newId(), type, channel: 'gmail' as const });
  /** A written message read from the DOM (the network layer's are built by sync-parser.ts). */
  const domMessage = (direction: 'outbound' | 'inbound') => ({ ...base('message'), layer: 'dom' as const, direction, kind: 'email' as const });
  const emit = (events: CaptureEventInput[]) => {
    if (events.length && !stopped) deps.emit(events);
  };
  const fail = (layer: 'network' | 'dom', err: string) => {
    health[layer].failed++;
    health[layer].lastError = err.slice(0, 200);
    healthSoon();
  };
  // Health goes out a couple of seconds after something was counted, at most every 10 s, so the
  // panel's line follows what just happened without a report per event.
  let healthTimer: number | null = null;
  let lastHealthAt = 0;
  function healthSoon() {
    if (healthTimer != null || stopped) return;
    const wait = Math.max(2000, lastHealthAt + 10_000 - now());
    healthTimer = win.setTimeout(() => {
      healthTimer = null;
      flushHealthNow();
    }, wait);
  }

  function learnOwn(email: string | null | undefined) {
    const e = email?.trim().toLowerCase();
    if (!e || own.has(e) || !e.includes('@')) return;
    own.add(e);
    emit([{ ...base('identity'), layer: 'dom', person: { email: e } }]);
  }

  /** `at`: when the user undid: the Undo click, or the start of the draft save that carries it. */
  function retract(id: string, layer: 'network' | 'dom', at = now(), unscheduled = false) {
    retractedAt.set(id, at);
    const ns = netSends.get(id);
    if (ns) ns.retracted = true;
    emit([{ ...base('retract'), layer, externalId: id, ...(unscheduled && { unscheduled }) }]);
  }

  // ------------------------------------------------------------------ network layer

  function onTap(msg: TapMessage) {
    if (!scheduledLoaded) {
      tapQueue.push(msg);
      return;
    }
    const r = parseSyncCall(msg, { ownEmails: [...own], newId, watched: (id) => scheduled.has(id) });
    r.ownEmails.forEach(learnOwn);
    health.network.recognised += r.recognised;
    if (r.failed) {
      health.network.failed += r.failed;
      health.network.lastError = r.errors[r.errors.length - 1] ?? 'unreadable sync payload';
    }
    if (r.recognised || r.failed) healthSoon();
    const out: CaptureEventInput[] = [];
    for (const e of r.events) {
      if (e.direction === 'outbound' && e.status === 'scheduled') {
        // No Send press made it (the DOM layer has no snapshot): only an inserted template's memory.
        const tpl = templateByDraft.get(e.externalId);
        if (tpl) e.template = tpl;
        rememberSend(e);
        scheduled.set(e.externalId, { at: e.scheduledAt ?? null, since: msg.startedAt });
        saveScheduled();
      } else if (e.direction === 'outbound') {
        const undoneAt = retractedAt.get(e.externalId);
        if (undoneAt != null && undoneAt >= msg.startedAt) continue; // a send the user undid before it completed
        const sig = sendSignature(e.subject, e.to ?? []);
        // The compose this send came from: same draft id, or (a build whose ids differ between
        // the compose and the request) the same subject and recipients within two minutes.
        const snap =
          snapshots.find((s) => s.state.draftId === e.externalId) ??
          snapshots.find((s) => !s.netId && Math.abs(s.at - now()) < 120_000 && sendSignature(s.state.subject, s.state.to) === sig);
        if (snap) {
          snap.netId = e.externalId;
          const domId = snap.id ?? snap.state.draftId;
          if (domId && domId !== e.externalId) e.aliases = [...(e.aliases ?? []), domId].slice(0, 20);
        }
        const tpl = templateByDraft.get(e.externalId) ?? snap?.template ?? null;
        if (tpl) e.template = tpl;
        netSends.set(e.externalId, { id: e.externalId, at: now(), sig, retracted: false });
        rememberSend(e);
        retractedAt.delete(e.externalId);
      }
      out.push(e);
    }
    emit(out);
    // Later sightings of followed scheduled messages: sent (one record: same ids), or back in drafts.
    for (const x of r.sightings) {
      if (!x.event) unschedule(x.id);
      else {
        scheduled.delete(x.id);
        saveScheduled();
        emit([x.event]);
      }
    }
    // Behaviour A of Undo Send: the just-sent message comes back as a draft.
    for (const id of r.draftSaves) {
      const sch = scheduled.get(id);
      if (sch) {
        // A scheduled message saved as a draft by a request begun after the scheduling one: the
        // user cancelled the schedule (Cancel send, or Undo on the "Send scheduled" toast).
        if (msg.startedAt > sch.since) unschedule(id);
        continue;
      }
      const ns = netSends.get(id);
      // Dated by the draft save's start, not by when this script reads it: the page may already
      // have sent the message again, and that send must not pass for one undone in flight.
      if (ns && !ns.retracted && now() - ns.at < RECENT_MS) retract(id, 'network', msg.startedAt);
    }
  }

  // ------------------------------------------------------------------ DOM layer: sends

  function snapshot(root: Element) {
    const state = readCompose(root);
    const template = templateByRoot.get(root) ?? (state.draftId ? templateByDraft.get(state.draftId) : undefined) ?? null;
    if (state.draftId && template) templateByDraft.set(state.draftId, template);
    // A second Send press on the same compose replaces the first snapshot.
    const i = snapshots.findIndex((s) => s.root === root && !s.emitted && !s.confirmed);
    const snap: Snapshot = { state, root, at: now(), template, id: state.draftId, emitted: false, confirmed: false, retracted: false };
    if (i >= 0) snapshots[i] = snap;
    else snapshots.push(snap);
    watchToast();
  }

  // The toast may be drawn by adding nodes or by showing existing ones (attribute/text changes the
  // observer does not watch): after a Send, look for it by id a few times a second, for 30 s.
  let toastPoll: number | null = null;
  function watchToast() {
    if (toastPoll != null) return;
    const until = now() + 30_000;
    toastPoll = win.setInterval(() => {
      checkToast();
      if (now() > until || snapshots.every((s) => s.emitted || s.retracted)) {
        win.clearInterval(toastPoll!);
        toastPoll = null;
      }
    }, 250);
  }

  function domSendEvent(s: Snapshot, id: string): MessageEventInput {
    const names = threadNames([s.state.threadId]);
    const { threadExternalId, threadAliases } = splitThread(names);
    const fromEmail = s.state.fromEmail ?? [...own][0];
    return {
      ...domMessage('outbound'),
      externalId: id,
      threadExternalId,
      threadAliases,
      from: fromEmail ? { email: fromEmail } : {},
      to: s.state.to,
      cc: s.state.cc,
      bcc: s.state.bcc,
      subject: s.state.subject || null,
      text: s.state.text,
      sentAt: s.at,
      template: s.template,
    };
  }

  /** Confirmed sends still in their grace period (waiting for the network layer's id). */
  const confirming = new Set<Snapshot[]>();
  function confirm(snaps: Snapshot[]) {
    lastToastSnaps = snaps;
    confirming.add(snaps);
    win.setTimeout(() => emitConfirmed(snaps), graceMs);
  }

  function emitConfirmed(snaps: Snapshot[]) {
    if (!confirming.delete(snaps)) return; // already reported (a page leaving reports at once)
    for (const s of snaps) {
      if (s.emitted || s.retracted) continue;
      s.emitted = true;
      let id = s.state.draftId;
      const aliases: string[] = [];
      if (s.netId && s.netId !== id) {
        // The network layer already reported this send under another id: name both.
        if (id) aliases.push(s.netId);
        else id = s.netId;
      }
      if (s.state.draftLegacy) {
        if (id) aliases.push(s.state.draftLegacy);
        else id = s.state.draftLegacy;
      }
      if (!id) id = `dom:${s.state.composeId ?? 'c'}:${s.at}`;
      s.id = id;
      if (s.state.to.length + s.state.cc.length + s.state.bcc.length === 0) {
        fail('dom', 'sent compose without readable recipients');
        continue;
      }
      health.dom.recognised++;
      healthSoon();
      const ev = domSendEvent(s, id);
      ev.aliases = aliases;
      rememberSend(ev);
      emit([ev]);
    }
  }

  function checkToast() {
    const view = doc.getElementById(GMAIL.toast.viewMessage.slice(1)) ?? doc.getElementById(GMAIL.toast.undo.slice(1));
    if (!view) return;
    const fresh = !usedToasts.has(view);
    usedToasts.add(view);
    const t = now();
    // A toast element seen before (left on screen, or reused) confirms only sends whose compose
    // is gone: Gmail closes a compose when it sends it.
    const snaps = snapshots.filter((s) => !s.emitted && !s.confirmed && !s.retracted && t - s.at < 60_000 && (fresh || !isShown(s.root)));
    for (const s of snaps) s.confirmed = true;
    if (snaps.length) confirm(snaps);
    // A new toast that confirms no send ("Send scheduled", "Conversation archived"…): its Undo is
    // not the previous send's.
    else if (fresh) lastToastSnaps = [];
  }

  function isShown(el: Element): boolean {
    if (!el.isConnected) return false;
    const h = el as HTMLElement;
    return !(h.style?.display === 'none' || h.closest?.('[style*="display: none"], [hidden]'));
  }

  /** "Schedule send" chosen in a send menu: the toast that comes next says "Send scheduled". A Send
   *  press Gmail did not act on (no toast yet, e.g. refused for want of a recipient) must not be
   *  confirmed by it, and its Undo undoes no earlier send. */
  function onScheduleChosen() {
    for (let i = snapshots.length - 1; i >= 0; i--) if (!snapshots[i].emitted && !snapshots[i].confirmed) snapshots.splice(i, 1);
    lastToastSnaps = [];
  }

  function onUndo() {
    for (const s of lastToastSnaps) {
      if (s.retracted) continue;
      s.retracted = true;
      const id = s.id ?? s.state.draftId;
      if (id) retract(id, 'dom');
      else if (s.emitted) fail('dom', 'undo of a send with no id');
    }
    lastToastSnaps = [];
  }

  // ------------------------------------------------------------------ DOM layer: thread view

  // The open thread's id can be painted after its view and messages exist (InboxSDK pull request
  // #1309, 2026-08-06): message nodes seen before any id go back to the next scan, every 100 ms
  // (painting an attribute is no childList mutation), for up to threadIdWaitMs; then they are
  // reported as before, with the names the heading has (if there is no heading at all, not reported).
  const idWaitMs = deps.threadIdWaitMs ?? 5000;
  let waitingSince: number | null = null;

  /** Reads only the message nodes that were added (or whose insides changed), never the whole
   *  thread again: a re-render with the same ids emits nothing, a body that loads later (Gmail
   *  fills collapsed messages on demand) is sent again with its text. */
  function scanThread(nodes: ReadonlySet<Element>) {
    const names = openThreadNames(doc);
    if (!names.length) {
      waitingSince ??= now();
      if (now() - waitingSince < idWaitMs) {
        pendingAdded.push(...nodes);
        if (!stopped) scanTimer ??= win.setTimeout(scan, 100);
        return;
      }
      fail('dom', 'open thread without an id');
    }
    waitingSince = null;
    const h2 = doc.querySelector(GMAIL.thread.subject);
    if (!h2) return;
    // The user's own messages in this view that Sidelog logged name the thread as it was at send
    // time (the compose's `rt`, the request's thread id): carry those names too. Collected from the
    // nodes being scanned (a thread renders all its messages at once) and kept per heading.
    let extra = namesByHeading.get(h2);
    if (!extra) namesByHeading.set(h2, (extra = new Set()));
    for (const node of nodes) {
      if (!node.matches(GMAIL.thread.ownMessage)) continue;
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
          fail('dom', 'thread message without id or sender');
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
      if (known === undefined) {
        health.dom.recognised++;
        healthSoon();
      }
      out.push({
        ...domMessage('inbound'),
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
    emit(out);
  }

  // ------------------------------------------------------------------ mutations (kept cheap)

  function scan() {
    scanTimer = null;
    if (!memoryLoaded) {
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
      if (el.matches(GMAIL.thread.message)) msgNodes.add(el);
      else {
        const around = el.parentElement?.closest(GMAIL.thread.message);
        if (around) msgNodes.add(around);
        else if (el.firstElementChild) for (const m of el.querySelectorAll(GMAIL.thread.message)) msgNodes.add(m);
      }
      if (deps.composeButton !== false) {
        const roots = el.matches(GMAIL.compose.root) ? [el] : el.firstElementChild ? [...el.querySelectorAll(GMAIL.compose.root)] : [];
        for (const r of roots) decorate(r);
      }
    }
    checkToast();
    if (msgNodes.size) scanThread(msgNodes);
    // Keep the draft id -> template map current: the draft id appears after the first autosave.
    if (lastCompose && templateByRoot.has(lastCompose)) {
      const d = readCompose(lastCompose).draftId;
      if (d) templateByDraft.set(d, templateByRoot.get(lastCompose)!);
    }
  }

  function decorate(root: Element) {
    if (buttoned.has(root)) return;
    const cell = root.querySelector(GMAIL.compose.toolbarCell);
    if (!cell) return;
    buttoned.add(root);
    addComposeButton(doc, cell, () => {
      lastCompose = root;
    });
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

  // ------------------------------------------------------------------ user events (read only)

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    const root = composeRootOf(e.target as Node);
    if (root) snapshot(root);
  }

  function onClick(e: MouseEvent) {
    const t = e.target as Element | null;
    if (!t || t.nodeType !== 1) return;
    if (t.closest(GMAIL.toast.undo)) return onUndo();
    if (t.closest(GMAIL.compose.scheduleSend)) return onScheduleChosen();
    const send = sendButtonOf(t);
    if (send) {
      const root = composeRootOf(send);
      if (root) snapshot(root);
    }
  }

  function onFocusIn(e: FocusEvent) {
    const root = composeRootOf(e.target as Node);
    if (root) lastCompose = root;
  }

  // ------------------------------------------------------------------ panel requests

  function targetCompose(): Element | null {
    const active = composeRootOf(doc.activeElement);
    if (active) return active;
    if (lastCompose?.isConnected) return lastCompose;
    const all = doc.querySelectorAll(GMAIL.compose.root);
    return all.length === 1 ? all[0] : null;
  }

  function insertTemplate(req: InsertRequest): InsertResult {
    const root = targetCompose();
    if (!root) return { ok: false, reason: 'No open compose in Gmail: open a new message or a reply, then insert.' };
    const res = fillCompose(doc, root, req.subject, req.body);
    if (!res.ok) return res;
    const tpl = { id: req.templateId, version: req.templateVersion ?? null };
    templateByRoot.set(root, tpl);
    lastCompose = root;
    const d = readCompose(root).draftId;
    if (d) templateByDraft.set(d, tpl);
    return { ok: true };
  }

  function pageContext(): PageContext {
    const view = readThreadView(doc);
    const emails = new Set<string>();
    if (view) {
      for (const m of view.messages) {
        for (const p of [m.from, ...m.to]) if (p.email && !own.has(p.email)) emails.add(p.email);
      }
      const { threadExternalId } = splitThread(view.threadNames);
      return { channel: 'gmail', threadExternalId, emails: [...emails], name: view.messages.find((m) => m.from.email && !own.has(m.from.email))?.from.name ?? null };
    }
    const root = targetCompose();
    if (root) {
      const c = readCompose(root);
      for (const p of [...c.to, ...c.cc]) if (p.email) emails.add(p.email);
      return { channel: 'gmail', threadExternalId: c.threadId, emails: [...emails] };
    }
    return { channel: 'gmail', threadExternalId: null, emails: [] };
  }

  function flushHealthNow() {
    learnOwn(readOwnEmail(doc));
    const ev = healthEvents();
    if (ev.length) lastHealthAt = now();
    emit(ev);
  }

  function healthEvents(): CaptureEventInput[] {
    const out: CaptureEventInput[] = [];
    for (const layer of ['network', 'dom'] as const) {
      const h = health[layer];
      if (h.recognised === 0 && h.failed === 0) continue;
      out.push({ ...base('health'), layer, ...h });
      health[layer] = { recognised: 0, failed: 0, lastError: null };
    }
    return out;
  }

  return {
    start() {
      deps.sentThreads
        ?.load()
        .then((saved) => {
          for (const [id, names] of Object.entries(saved ?? {})) if (Array.isArray(names) && !sentThreads.has(id)) sentThreads.set(id, names.filter((n) => typeof n === 'string').slice(0, 20));
        })
        .catch(() => undefined)
        .finally(() => (memoryLoaded = true));
      deps.scheduledMemory
        ?.load()
        .then((saved) => {
          for (const [id, e] of Object.entries(saved ?? {})) if (typeof e?.since === 'number' && !scheduled.has(id)) scheduled.set(id, { at: typeof e.at === 'number' ? e.at : null, since: e.since });
        })
        .catch(() => undefined)
        .finally(() => {
          scheduledLoaded = true;
          for (const m of tapQueue.splice(0)) onTap(m);
        });
      learnOwn(readOwnEmail(doc));
      doc.addEventListener('keydown', onKeyDown, true);
      doc.addEventListener('click', onClick, true);
      doc.addEventListener('focusin', onFocusIn, true);
      observer = new win.MutationObserver(onMutations);
      observer.observe(doc.documentElement, { childList: true, subtree: true });
      pendingAdded.push(doc.documentElement);
      scanTimer = win.setTimeout(scan, scanDelay);
    },
    stop() {
      stopped = true;
      observer?.disconnect();
      if (toastPoll != null) win.clearInterval(toastPoll);
      if (healthTimer != null) win.clearTimeout(healthTimer);
      if (scanTimer != null) win.clearTimeout(scanTimer);
      doc.removeEventListener('keydown', onKeyDown, true);
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('focusin', onFocusIn, true);
    },
    onTap,
    onMutations,
    scan,
    insertTemplate,
    pageContext,
    /** The page is going away (closed, reloaded, navigated): sends confirmed by the toast are
     *  reported now rather than after their grace period, which the page would not live to see.
     *  Their events reach the outbox, which keeps them until the background acknowledges them. */
    leaving(): void {
      checkToast(); // a "Message sent" that appeared since the last scan (scans are batched)
      for (const snaps of [...confirming]) emitConfirmed(snaps);
      flushHealthNow();
    },
    /** Health since the last call, as events (one per layer that saw anything); also drops
     *  bookkeeping that can no longer matter (sends older than the undo/correlation windows). */
    flushHealth(): void {
      flushHealthNow();
      const t = now();
      for (let i = snapshots.length - 1; i >= 0; i--) if (t - snapshots[i].at > RECENT_MS && (snapshots[i].emitted || snapshots[i].retracted || t - snapshots[i].at > 2 * RECENT_MS)) snapshots.splice(i, 1);
      for (const [id, n] of netSends) if (t - n.at > RECENT_MS) netSends.delete(id);
      for (const [id, at] of retractedAt) if (t - at > RECENT_MS) retractedAt.delete(id);
    },
    ownEmails: () => [...own],
  };
}

export type GmailCapture = ReturnType<typeof createGmailCapture>;
