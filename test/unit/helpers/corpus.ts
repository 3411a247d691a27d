// Real mail from the committed public corpus (test/fixtures/mail/, see ATTRIBUTION.md), by its
// path in the collection: tests that need a real bounce, delay or automatic reply take it from here
// instead of writing one.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface CorpusMail {
  path: string;
  label: string;
  fromEmail: string | null;
  fromName: string | null;
  subject: string | null;
  text: string;
  threadSubject?: string | null;
  sentTo?: string[];
  failed?: string[] | null;
}

const cache = new Map<string, CorpusMail[]>();

/** The item at `itemPath` of the corpus file `file` (e.g. 'sisimai--set-of-emails.json'). */
export function corpusMail(file: string, itemPath: string): CorpusMail {
  let items = cache.get(file);
  if (!items) {
    items = (JSON.parse(readFileSync(path.resolve('test/fixtures/mail', file), 'utf8')) as { items: CorpusMail[] })
      .items;
    cache.set(file, items);
  }
  const item = items.find((i) => i.path === itemPath);
  if (!item) throw new Error(`no ${itemPath} in ${file}`);
  return item;
}

export const sisimai = (itemPath: string) => corpusMail('sisimai--set-of-emails.json', itemPath);
