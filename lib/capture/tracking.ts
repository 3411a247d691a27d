// The per-site "log my outreach" switch (Settings), as content scripts see it: when it is off they
// send nothing but health reports, so a paused site is not even read into the outbox. The
// background drops such events too; this keeps the page's data in the page.
import { browser } from 'wxt/browser';
import type { Channel } from '../schema/model';
import type { CaptureEventInput } from '../schema/events';

export interface TrackingFilter {
  (events: CaptureEventInput[]): CaptureEventInput[];
  /** Whether the switch is on, for what a script keeps in extension storage outside the outbox. */
  on(): boolean;
}

/** Returns a filter that keeps every event while tracking is on and only health reports while off. */
export function trackingFilter(channel: Channel): TrackingFilter {
  let on = true;
  const read = (v: unknown) => {
    on = (v as { tracking?: Partial<Record<Channel, unknown>> } | undefined)?.tracking?.[channel] !== false;
  };
  // WXT storage item `local:settings` lives under the key "settings" of storage.local.
  browser.storage.local.get('settings').then(
    (r) => read(r.settings),
    () => undefined,
  );
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.settings) read(changes.settings.newValue);
  });
  const filter = (events: CaptureEventInput[]) => (on ? events : events.filter((e) => e.type === 'health'));
  return Object.assign(filter, { on: () => on });
}
