// Which person or conversation the LinkedIn tab shows, for the side panel (the `getPageContext`
// message): a profile page's person, else the conversation the user is writing in (the pane or
// bubble holding the box they focused; bubbles live in #interop-outlet's shadow root), else the
// messaging page's pane. Read only.
import type { PageContext } from '../../messaging';
import { conversationRootOf, readConversationHeader, threadOfComposeBox } from './dom-read';
import { normaliseThreadId, parseEventUrn } from './ids';
import { pickBox } from './insert';
import type { ReadersSource } from './readers-source';
import * as SEL from './selectors';

/** On a profile page, once the page readers are here (readers-source.ts). */
export async function linkedInPageContext(doc: Document, readers: ReadersSource): Promise<PageContext | null> {
  const href = doc.location?.href ?? '';
  const r = /^\/in\//.test(doc.location?.pathname ?? '') ? await readers.load() : null;
  const profile = r ? r.readProfile(doc, href) : null;
  if (profile)
    return {
      channel: 'linkedin',
      threadExternalId: null,
      profileUrl: profile.profileUrl,
      memberId: profile.memberId,
      name: profile.name,
    };
  const box = pickBox(doc);
  const pane = (box && conversationRootOf(box)) ?? doc.querySelector(SEL.conversationRoot);
  const threadExternalId = (box && threadOfComposeBox(box, href)) ?? currentThreadId(doc);
  const other = readConversationHeader(pane ?? doc);
  if (!threadExternalId && !other.name) return null;
  return {
    channel: 'linkedin',
    threadExternalId,
    profileUrl: other.profileUrl ?? (other.memberId ? `https://www.linkedin.com/in/${other.memberId}/` : null),
    memberId: other.memberId ?? null,
    name: other.name,
  };
}

/** The thread shown in the messaging page's pane: from the URL, else from its first confirmed item. */
export function currentThreadId(doc: Document): string | null {
  const fromUrl = normaliseThreadId(doc.location?.href ?? null);
  if (fromUrl) return fromUrl;
  const el = doc.querySelector(SEL.paneItem);
  return el ? (parseEventUrn(el.getAttribute(SEL.eventUrnAttr))?.message?.threadId ?? null) : null;
}
