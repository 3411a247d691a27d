// Template insertion into LinkedIn's message box or invitation note. A user click in the side
// panel asks for it; we fill the box the user is writing in and nothing else: no send, no click.
// Text goes in through the editor's own input path (execCommand('insertText') fires the
// beforeinput/input events LinkedIn's editor listens to), never through innerHTML. Which template
// filled which box is remembered in a WeakMap, so the message sent from that box carries it.
import type { InsertRequest, InsertResult } from '../../messaging';
import { findComposeBoxes } from './dom-read';
import * as SEL from './selectors';

export interface Insertion {
  templateId: string;
  templateVersion: number;
  body: string;
  at: number;
}

/** Box -> the last template inserted into it. Never written to the page. */
export const insertions = new WeakMap<Element, Insertion>();

let lastFocused: WeakRef<HTMLElement> | null = null;

/** Called from a focusin listener: the side panel click takes focus away from the page. */
export function noteFocus(target: EventTarget | null, composedPath: EventTarget[]): void {
  for (const t of composedPath.length ? composedPath : [target]) {
    if (
      t &&
      (t as Element).nodeType === 1 &&
      ((t as Element).matches?.(SEL.composeBox) || (t as Element).matches?.(SEL.inviteNote))
    ) {
      lastFocused = new WeakRef(t as HTMLElement);
      return;
    }
  }
}

function deepActiveElement(doc: Document): Element | null {
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

function isVisible(el: HTMLElement): boolean {
  return (
    el.isConnected && !(el as HTMLElement & { disabled?: boolean }).disabled && (el.getClientRects?.().length ?? 1) > 0
  );
}

/** The box to fill: the focused one, else the one focused last, else the only visible one. */
export function pickBox(doc: Document): HTMLElement | null {
  const boxes = findComposeBoxes(doc).filter(isVisible);
  const active = deepActiveElement(doc);
  const focused = boxes.find((b) => b === active || b.contains(active));
  if (focused) return focused;
  const last = lastFocused?.deref();
  if (last && boxes.includes(last)) return last;
  // An open invitation dialog wins over a message box behind it.
  const notes = boxes.filter((b) => b.matches(SEL.inviteNote));
  if (notes.length === 1) return notes[0]!;
  return boxes.length === 1 ? boxes[0]! : null;
}

/** The editor's own input path; false where the browser lacks or refuses it. */
function execInsert(doc: Document, text: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

export function insertTemplate(doc: Document, req: InsertRequest, now = Date.now()): InsertResult {
  const box = pickBox(doc);
  if (!box) {
    const n = findComposeBoxes(doc).length;
    return {
      ok: false,
      reason: n
        ? 'Click into the LinkedIn message box you want to fill, then insert again.'
        : 'No LinkedIn message box or invitation note is open in this tab.',
    };
  }
  box.focus();
  const win = doc.defaultView!;
  let done = false;
  if (box instanceof win.HTMLTextAreaElement || box instanceof win.HTMLInputElement) {
    const field = box as HTMLTextAreaElement;
    const max = field.maxLength > 0 ? field.maxLength : Infinity;
    const text = req.body.slice(
      0,
      Math.max(0, max - (field.value.length - (field.selectionEnd - field.selectionStart))),
    );
    done = execInsert(doc, text);
    if (!done) {
      // Fallback: the native setter plus an input event, as a user's paste would produce.
      const setter = Object.getOwnPropertyDescriptor(win.HTMLTextAreaElement.prototype, 'value')?.set;
      const next = field.value.slice(0, field.selectionStart) + text + field.value.slice(field.selectionEnd);
      if (setter) setter.call(field, next);
      else field.value = next;
      field.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      done = true;
    }
  } else {
    // contenteditable: place the caret at the end when it is not inside the box already.
    const sel =
      (box.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ??
      win.getSelection();
    if (sel && (!sel.rangeCount || !box.contains(sel.anchorNode))) {
      const range = doc.createRange();
      range.selectNodeContents(box);
      range.collapse(false);
      sel.removeAllRanges();
      sel.addRange(range);
    }
    done = execInsert(doc, req.body);
    if (!done) {
      const data = new win.DataTransfer();
      data.setData('text/plain', req.body);
      box.dispatchEvent(
        new win.InputEvent('beforeinput', {
          bubbles: true,
          cancelable: true,
          inputType: 'insertFromPaste',
          dataTransfer: data,
        }),
      );
      done = box.textContent?.includes(req.body.slice(0, 20)) ?? false;
    }
  }
  if (!done) return { ok: false, reason: 'LinkedIn did not accept the text; paste it by hand.' };
  insertions.set(box, { templateId: req.templateId, templateVersion: req.templateVersion, body: req.body, at: now });
  return { ok: true };
}
