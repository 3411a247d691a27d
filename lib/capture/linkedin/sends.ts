// Sends from a message box: a click on a Send button or Enter in the box. Only read to learn which
// template the text came from (insert.ts remembers insertions); the message itself is logged from
// its confirmed list item, which asks templateFor().
import { normText } from '../../text';
import { readableText } from './dom-read';
import { insertions } from './insert';
import * as SEL from './selectors';

const FIVE_MIN = 5 * 60_000;

export type TemplateRef = { id: string; version: number } | null;

export interface SendMemory {
  /** The box's text is being sent now. */
  record(box: HTMLElement): void;
  /** The template of a recent send with this text (within five minutes of `sentAt`), or null. */
  templateFor(text: string, sentAt: number): TemplateRef;
}

export function createSendMemory(now: () => number): SendMemory {
  const recent: { text: string; template: TemplateRef; at: number }[] = [];
  return {
    record(box) {
      const text = readableText(box);
      if (!text.trim()) return;
      const ins = insertions.get(box);
      recent.push({
        text: normText(text),
        template: ins ? { id: ins.templateId, version: ins.templateVersion } : null,
        at: now(),
      });
      if (recent.length > 20) recent.shift();
      insertions.delete(box);
    },
    templateFor(text, sentAt) {
      const key = normText(text);
      for (let i = recent.length - 1; i >= 0; i--) {
        const s = recent[i]!;
        if (s.text === key && Math.abs(sentAt - s.at) <= FIVE_MIN) return s.template;
      }
      return null;
    },
  };
}

/** The message box an event's path goes through (the box itself, or the form holding it). */
export function composeBoxOf(path: EventTarget[]): HTMLElement | null {
  for (const t of path) {
    const el = t as Element;
    if (el?.nodeType !== 1) continue;
    if (el.matches(SEL.composeBox)) return el as HTMLElement;
    const form = el.matches(SEL.composeForm) ? el : null;
    if (form) return form.querySelector(SEL.composeBox);
  }
  return null;
}
