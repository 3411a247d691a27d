// The background's side of the on-demand page readers (readers-source.ts): inject their bundle
// into the LinkedIn frame whose content script asked. The host permission for www.linkedin.com and
// the `scripting` permission allow it; nothing is injected anywhere else.
/** `browser.scripting.executeScript`, for one file. */
export type ExecuteScript = (injection: {
  target: { tabId: number; frameIds: number[] };
  files: [typeof READERS_FILE];
}) => Promise<unknown>;

export interface SenderLike {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

/** The built bundle of entrypoints/linkedin-pages.ts. */
export const READERS_FILE = '/linkedin-pages.js';

export async function injectLinkedInReaders(executeScript: ExecuteScript, sender: SenderLike): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId == null || !sender.url?.startsWith('https://www.linkedin.com/'))
    throw new Error('page readers: not a LinkedIn tab');
  await executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [READERS_FILE] });
}
