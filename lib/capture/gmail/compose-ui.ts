// The compose side of the Gmail capture that serves the side panel: the Sidelog button in compose
// toolbars, which compose the panel's "Insert" goes into, the template each compose was filled
// with (by compose, then by draft id once Gmail saved it, so the send that follows carries it),
// and the page context (who is on this thread or compose).
import type { InsertRequest, InsertResult, PageContext } from '../../messaging';
import { addComposeButton } from './compose-button';
import type { Core } from './core';
import { composeRootOf, readCompose, readThreadView } from './dom-read';
import { splitThread } from './ids';
import { fillCompose } from './insert';
import * as GMAIL from './selectors';

/** `buttons`: whether to add the Sidelog button to compose toolbars. */
export function createComposeUi({ doc, own, templates }: Core, buttons: boolean) {
  const buttoned = new WeakSet<Element>();
  let lastCompose: Element | null = null;

  function decorate(root: Element) {
    if (buttoned.has(root)) return;
    const cell = root.querySelector(GMAIL.toolbarCell);
    if (!cell) return;
    buttoned.add(root);
    addComposeButton(doc, cell, () => {
      lastCompose = root;
    });
  }

  function targetCompose(): Element | null {
    const active = composeRootOf(doc.activeElement);
    if (active) return active;
    if (lastCompose?.isConnected) return lastCompose;
    const all = doc.querySelectorAll(GMAIL.composeRoot);
    return all.length === 1 ? all[0] : null;
  }

  return {
    /** An element the page added: buttons for the composes in it. */
    added(el: Element) {
      if (!buttons) return;
      const roots = el.matches(GMAIL.composeRoot)
        ? [el]
        : el.firstElementChild
          ? [...el.querySelectorAll(GMAIL.composeRoot)]
          : [];
      for (const r of roots) decorate(r);
    },
    /** Keeps the draft id -> template map current: the draft id appears after the first autosave. */
    trackDraft() {
      const tpl = lastCompose && templates.byRoot.get(lastCompose);
      if (tpl) {
        const d = readCompose(lastCompose!).draftId;
        if (d) templates.byDraft.set(d, tpl);
      }
    },
    onFocusIn(e: FocusEvent) {
      const root = composeRootOf(e.target as Node);
      if (root) lastCompose = root;
    },
    insertTemplate(req: InsertRequest): InsertResult {
      const root = targetCompose();
      if (!root) return { ok: false, reason: 'No open compose in Gmail: open a new message or a reply, then insert.' };
      const res = fillCompose(doc, root, req.subject, req.body);
      if (!res.ok) return res;
      const tpl = { id: req.templateId, version: req.templateVersion ?? null };
      templates.byRoot.set(root, tpl);
      lastCompose = root;
      const d = readCompose(root).draftId;
      if (d) templates.byDraft.set(d, tpl);
      return { ok: true };
    },
    pageContext(): PageContext {
      const view = readThreadView(doc);
      const emails = new Set<string>();
      if (view) {
        for (const m of view.messages) {
          for (const p of [m.from, ...m.to]) if (p.email && !own.has(p.email)) emails.add(p.email);
        }
        const { threadExternalId } = splitThread(view.threadNames);
        return {
          channel: 'gmail',
          threadExternalId,
          emails: [...emails],
          name: view.messages.find((m) => m.from.email && !own.has(m.from.email))?.from.name ?? null,
        };
      }
      const root = targetCompose();
      if (root) {
        const c = readCompose(root);
        for (const p of [...c.to, ...c.cc]) if (p.email) emails.add(p.email);
        return { channel: 'gmail', threadExternalId: c.threadId, emails: [...emails] };
      }
      return { channel: 'gmail', threadExternalId: null, emails: [] };
    },
  };
}
