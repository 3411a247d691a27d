// Puts a template's text into a Gmail compose the way typing would: focus, then
// execCommand('insertText'), which Gmail's editor treats as user input (undo stack, autosave).
// Falls back to DOM text nodes and <br>s (never innerHTML: Gmail enforces Trusted Types).
// Nothing is sent, clicked or submitted: the user reviews and presses Send.
import type { InsertResult } from '../../messaging';
import * as GMAIL from './selectors';

const REPLY_SUBJECT = /^\s*(re|fwd?|aw|wg|tr|sv|vs|rv|r)\s*:/i;

function insertText(doc: Document, text: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

function setInputValue(doc: Document, input: HTMLInputElement, value: string) {
  input.focus();
  input.select?.();
  if (!insertText(doc, value) || input.value !== value) {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set;
    if (setter) setter.call(input, value);
    else input.value = value;
    input.dispatchEvent(new doc.defaultView!.Event('input', { bubbles: true }));
  }
}

function fallbackInsert(doc: Document, body: Element, text: string) {
  const frag = doc.createDocumentFragment();
  text.split('\n').forEach((line, i) => {
    if (i > 0) frag.appendChild(doc.createElement('br'));
    if (line) frag.appendChild(doc.createTextNode(line));
  });
  const sel = doc.getSelection();
  if (sel && sel.rangeCount && body.contains(sel.anchorNode)) {
    const range = sel.getRangeAt(0);
    range.deleteContents();
    range.insertNode(frag);
  } else {
    body.insertBefore(frag, body.firstChild);
  }
  const w = doc.defaultView!;
  body.dispatchEvent(new w.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

export function fillCompose(doc: Document, root: Element, subject: string | null, text: string): InsertResult {
  const body = root.querySelector<HTMLElement>(GMAIL.composeBody);
  if (!body) return { ok: false, reason: 'This compose has no message box Sidelog recognises.' };
  const subj = root.querySelector<HTMLInputElement>(GMAIL.composeSubject);
  // A reply keeps its "Re: …" subject: changing it would split the thread.
  if (subject && subj && !REPLY_SUBJECT.test(subj.value)) setInputValue(doc, subj, subject);
  body.focus();
  const sel = doc.getSelection();
  if (sel && !(sel.rangeCount && body.contains(sel.anchorNode))) {
    // Caret at the start of the body: the signature and any quoted history stay below.
    const range = doc.createRange();
    range.setStart(body, 0);
    range.collapse(true);
    sel.removeAllRanges();
    sel.addRange(range);
  }
  const before = body.textContent ?? '';
  if (!insertText(doc, text) || (body.textContent ?? '') === before) fallbackInsert(doc, body, text);
  return { ok: true };
}
