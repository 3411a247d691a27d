// @vitest-environment happy-dom
// Which LinkedIn box a template goes into, and what happens when there is none. (The editor's own
// input path, execCommand('insertText'), is exercised in Chromium by test/e2e/linkedin.spec.ts.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { insertTemplate, insertions, pickBox, noteFocus } from '@/lib/capture/linkedin/insert';

const dir = path.resolve(__dirname, '../../../fixtures/linkedin/dom');
function load(name: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const doc = win.document as unknown as Document;
  doc.write(readFileSync(path.join(dir, `${name}.html`), 'utf8'));
  try {
    const shadow = readFileSync(path.join(dir, `${name}.shadow.html`), 'utf8');
    doc.getElementById('interop-outlet')!.attachShadow({ mode: 'open' }).innerHTML = shadow;
  } catch {
    /* none */
  }
  return doc;
}
const req = { subject: null, body: 'Hi Ana, quick note.', templateId: 'tpl-1', templateVersion: 4 };

describe('LinkedIn insertion', () => {
  it('no box: a reason for the user, nothing remembered', () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    expect(insertTemplate(doc, req)).toEqual({
      ok: false,
      reason: 'No LinkedIn message box or invitation note is open in this tab.',
    });
  });
  it('the invitation note in the shadow root: filled through an input event and remembered', () => {
    const doc = load('profile-sdui-invite-dialog', 'https://www.linkedin.com/in/ana-garcia-1/');
    const note = doc.getElementById('interop-outlet')!.shadowRoot!.querySelector('textarea')!;
    let inputs = 0;
    note.addEventListener('input', () => inputs++);
    expect(pickBox(doc)).toBe(note);
    expect(insertTemplate(doc, req)).toEqual({ ok: true });
    expect(note.value).toBe('Hi Ana, quick note.');
    expect(inputs).toBe(1);
    expect(insertions.get(note)).toMatchObject({ templateId: 'tpl-1', templateVersion: 4 });
  });
  it('the note keeps its 300-character limit', () => {
    const doc = load('profile-sdui-invite-dialog', 'https://www.linkedin.com/in/ana-garcia-1/');
    const note = doc.getElementById('interop-outlet')!.shadowRoot!.querySelector('textarea')!;
    insertTemplate(doc, { ...req, body: 'x'.repeat(500) });
    expect(note.value.length).toBe(300);
  });
  it('several boxes: the one focused last, else none', () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const form = doc.querySelector('form.msg-form')!;
    const second = form.cloneNode(true) as Element;
    doc.body.appendChild(second);
    const [a, b] = [...doc.querySelectorAll<HTMLElement>('.msg-form__contenteditable')];
    expect(pickBox(doc)).toBeNull();
    expect(insertTemplate(doc, req).reason).toMatch(/Click into the LinkedIn message box/);
    noteFocus(b!, [b!]);
    expect(pickBox(doc)).toBe(b);
    void a;
  });
});
