// "Loading…", and why when it takes long: while a schema upgrade runs (lib/storage/keys.ts UPGRADE_KEY,
// once after an update), every page waits on the database, for tens of seconds with 100k messages.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { UPGRADE_KEY, type UpgradeNotice } from '@/lib/storage/keys';

/** A notice older than this is left over from an upgrade that never finished (the next one retries). */
const STALE_MS = 10 * 60_000;

export function Loading({ label = 'Loading…' }: { label?: string }) {
  const [upgrade, setUpgrade] = useState<UpgradeNotice | null>(null);
  useEffect(() => {
    let live = true;
    const take = (v: unknown) => {
      const n = v as UpgradeNotice | undefined;
      if (live) setUpgrade(n && Date.now() - n.startedAt < STALE_MS ? n : null);
    };
    browser.storage.local.get(UPGRADE_KEY).then(
      (r) => take(r[UPGRADE_KEY]),
      () => undefined,
    );
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && UPGRADE_KEY in changes) take(changes[UPGRADE_KEY].newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return (
    <div aria-busy="true">
      <p className="muted">{label}</p>
      {upgrade && (
        <p className="notice" role="status" data-testid="upgrade-notice">
          Sidelog is updating its stored data to a new format, once after an update: about 20 seconds per 100,000
          messages. Messages captured meanwhile wait in their tabs' outbox; nothing is lost.
          {upgrade.progress != null && (
            <span className="upgrade-progress">
              <progress value={upgrade.progress} max={1} aria-label="Update progress" />
              <span data-testid="upgrade-progress">{Math.round(upgrade.progress * 100)}% done</span>
            </span>
          )}
        </p>
      )}
    </div>
  );
}
