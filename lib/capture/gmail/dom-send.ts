// The DOM layer's sends: a Send press (click or Ctrl/Cmd-Enter) snapshots the compose; the
// "Message sent" toast confirms it; after a grace period (the network layer may name it first)
// it is reported; a click on the toast's Undo (`#link_undo`) retracts the sends that toast
// confirmed (behaviour B of Undo Send, controller.ts). Choosing "Schedule send" drops the
// compose's unconfirmed snapshot: the "Send scheduled" toast that follows confirms nothing.
import type { CapturedPerson, MessageEventInput } from '../../schema/events';
import type { Core, TemplateRef } from './core';
import { composeRootOf, readCompose, sendButtonOf, type ComposeState } from './dom-read';
import { splitThread, threadNames } from './ids';
import * as GMAIL from './selectors';

/** How long a send stays matchable: a draft save within it is an Undo (behaviour A), a network
 *  send within it may be a DOM send's. */
export const RECENT_MS = 5 * 60_000;

export interface Snapshot {
  state: ComposeState;
  root: Element;
  at: number;
  template: TemplateRef | null;
  /** Id the send is reported under once known. */
  id: string | null;
  emitted: boolean;
  confirmed: boolean;
  /** Id the network layer reported this send under, when it saw it. */
  netId?: string;
  retracted: boolean;
}

export type DomSend = ReturnType<typeof createDomSend>;

function isShown(el: Element): boolean {
  if (!el.isConnected) return false;
  const h = el as HTMLElement;
  return !(h.style?.display === 'none' || h.closest?.(GMAIL.hidden));
}

/** `retract`: reports an undone send (network-join.ts keeps the record); `graceMs`: how long a
 *  DOM-confirmed send waits for the network layer before it is reported alone. */
export function createDomSend(core: Core, retract: (id: string, layer: 'dom') => void, graceMs: number) {
  const { doc, win, now, own, health, templates } = core;
  const snapshots: Snapshot[] = [];
  const usedToasts = new WeakSet<Element>();
  let lastToastSnaps: Snapshot[] = [];
  /** Confirmed sends still in their grace period (waiting for the network layer's id). */
  const confirming = new Set<Snapshot[]>();
  let toastPoll: number | null = null;

  function snapshot(root: Element) {
    const state = readCompose(root);
    const template =
      templates.byRoot.get(root) ?? (state.draftId ? templates.byDraft.get(state.draftId) : undefined) ?? null;
    if (state.draftId && template) templates.byDraft.set(state.draftId, template);
    // A second Send press on the same compose replaces the first snapshot.
    const i = snapshots.findIndex((s) => s.root === root && !s.emitted && !s.confirmed);
    const snap: Snapshot = {
      state,
      root,
      at: now(),
      template,
      id: state.draftId,
      emitted: false,
      confirmed: false,
      retracted: false,
    };
    if (i >= 0) snapshots[i] = snap;
    else snapshots.push(snap);
    watchToast();
  }

  // The toast may be drawn by adding nodes or by showing existing ones (attribute/text changes the
  // observer does not watch): after a Send, look for it by id a few times a second, for 30 s.
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

  function sendEvent({ state, at, template }: Snapshot, id: string): MessageEventInput {
    const { threadExternalId, threadAliases } = splitThread(threadNames([state.threadId]));
    const fromEmail = state.fromEmail ?? [...own][0];
    return {
      ...core.domMessage('outbound'),
      externalId: id,
      threadExternalId,
      threadAliases,
      from: fromEmail ? { email: fromEmail } : {},
      to: state.to,
      cc: state.cc,
      bcc: state.bcc,
      subject: state.subject || null,
      text: state.text,
      sentAt: at,
      template,
    };
  }

  function emitConfirmed(snaps: Snapshot[]) {
    if (!confirming.delete(snaps)) return; // already reported (a page leaving reports at once)
    for (const s of snaps) {
      if (s.emitted || s.retracted) continue;
      s.emitted = true;
      const { state } = s;
      let id = state.draftId;
      const aliases: string[] = [];
      if (s.netId && s.netId !== id) {
        // The network layer already reported this send under another id: name both.
        if (id) aliases.push(s.netId);
        else id = s.netId;
      }
      if (state.draftLegacy) {
        if (id) aliases.push(state.draftLegacy);
        else id = state.draftLegacy;
      }
      if (!id) id = `dom:${state.composeId ?? 'c'}:${s.at}`;
      s.id = id;
      if (state.to.length + state.cc.length + state.bcc.length === 0) {
        health.fail('dom', 'sent compose without readable recipients');
        continue;
      }
      health.count('dom', 1);
      const ev = sendEvent(s, id);
      ev.aliases = aliases;
      core.sent.remember(ev);
      core.emit([ev]);
    }
  }

  function checkToast() {
    const view = doc.getElementById(GMAIL.toastView.slice(1)) ?? doc.getElementById(GMAIL.toastUndo.slice(1));
    if (!view) return;
    const fresh = !usedToasts.has(view);
    usedToasts.add(view);
    const t = now();
    // A toast element seen before (left on screen, or reused) confirms only sends whose compose
    // is gone: Gmail closes a compose when it sends it.
    const snaps = snapshots.filter(
      (s) => !s.emitted && !s.confirmed && !s.retracted && t - s.at < 60_000 && (fresh || !isShown(s.root)),
    );
    for (const s of snaps) s.confirmed = true;
    if (snaps.length) {
      lastToastSnaps = snaps;
      confirming.add(snaps);
      win.setTimeout(() => emitConfirmed(snaps), graceMs);
    }
    // A new toast that confirms no send ("Send scheduled", "Conversation archived"…): its Undo is
    // not the previous send's.
    else if (fresh) lastToastSnaps = [];
  }

  /** "Schedule send" chosen in a send menu: the toast that comes next says "Send scheduled". A Send
   *  press Gmail did not act on (no toast yet, e.g. refused for want of a recipient) must not be
   *  confirmed by it, and its Undo undoes no earlier send. */
  function onScheduleChosen() {
    for (let i = snapshots.length - 1; i >= 0; i--)
      if (!snapshots[i].emitted && !snapshots[i].confirmed) snapshots.splice(i, 1);
    lastToastSnaps = [];
  }

  function onUndo() {
    for (const s of lastToastSnaps) {
      if (s.retracted) continue;
      s.retracted = true;
      const id = s.id ?? s.state.draftId;
      if (id) retract(id, 'dom');
      else if (s.emitted) health.fail('dom', 'undo of a send with no id');
    }
    lastToastSnaps = [];
  }

  return {
    checkToast,
    /** The compose a network send came from: same draft id, or (a build whose ids differ between
     *  the compose and the request) the same subject and recipients within two minutes. */
    claim(netId: string, sig: string): Snapshot | undefined {
      const snap =
        snapshots.find((s) => s.state.draftId === netId) ??
        snapshots.find(
          (s) => !s.netId && Math.abs(s.at - now()) < 120_000 && sendSignature(s.state.subject, s.state.to) === sig,
        );
      if (snap) snap.netId = netId;
      return snap;
    },
    onKeyDown(e: KeyboardEvent) {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      const root = composeRootOf(e.target as Node);
      if (root) snapshot(root);
    },
    onClick(e: MouseEvent) {
      const t = e.target as Element | null;
      if (!t || t.nodeType !== 1) return;
      if (t.closest(GMAIL.toastUndo)) return onUndo();
      if (t.closest(GMAIL.scheduleSend)) return onScheduleChosen();
      const send = sendButtonOf(t);
      if (send) {
        const root = composeRootOf(send);
        if (root) snapshot(root);
      }
    },
    /** The page is going away: sends confirmed by the toast are reported now, not after their grace. */
    leaving() {
      checkToast(); // a "Message sent" that appeared since the last scan (scans are batched)
      for (const snaps of [...confirming]) emitConfirmed(snaps);
    },
    /** Drops sends older than the undo/correlation windows. */
    prune(t: number) {
      for (let i = snapshots.length - 1; i >= 0; i--)
        if (
          t - snapshots[i].at > RECENT_MS &&
          (snapshots[i].emitted || snapshots[i].retracted || t - snapshots[i].at > 2 * RECENT_MS)
        )
          snapshots.splice(i, 1);
    },
    stop: () => toastPoll != null && win.clearInterval(toastPoll),
  };
}

/** A send's subject and recipients, to match a compose with a request that names it differently. */
export function sendSignature(subject: string | null | undefined, to: CapturedPerson[]): string {
  const s = (subject ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  return `${s}|${to
    .map((p) => p.email ?? '')
    .filter(Boolean)
    .sort()
    .join(',')}`;
}
