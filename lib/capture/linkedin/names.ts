// Names seen in conversation headers -> their thread and ids, kept in extension storage for the
// conversation list, whose 2026 entries carry no ids (only the name and a snippet). Shared by the
// LinkedIn tabs: re-read before each write, at most 500 names.
import type { LinkedInKnownName, LocalItem } from '../../storage/local-items';

export type NameMap = Record<string, LinkedInKnownName>;

export interface NamesMemory {
  /** The names as this tab last read them (from storage on first use). */
  load(): Promise<NameMap>;
  /** Reads storage again (another tab may have learned names since). */
  refresh(): Promise<NameMap>;
  remember(name: string, threadId: string, memberId: string | null, profileUrl: string | null): Promise<void>;
}

export function createNamesMemory(item: LocalItem<NameMap>): NamesMemory {
  let cache: NameMap | null = null;
  const stored = async () => (await item.get()) ?? {};
  const load = async () => (cache ??= await stored());
  return {
    load,
    async refresh() {
      cache = { ...(await load()), ...(await stored()) };
      return cache;
    },
    async remember(name, threadId, memberId, profileUrl) {
      const key = name.toLowerCase();
      if ((await load())[key]?.threadId === threadId) return;
      // Re-read before writing: another LinkedIn tab may have added names since this one loaded them.
      const names = { ...(await load()), ...(await stored()) };
      names[key] = { threadId, memberId, profileUrl };
      cache = names;
      const keys = Object.keys(names);
      if (keys.length > 500) delete names[keys[0]!];
      await item.set(names);
    },
  };
}
