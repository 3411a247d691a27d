// Who the viewer is: their member id (the first element of any data-event-urn, remembered across
// pages in extension storage, since a profile page has none to learn it from) and name (the
// global nav photo), announced once per id as an `identity` event.
import type { CapturedPerson } from '../../schema/events';
import type { LocalItem } from '../../storage/local-items';
import type { CaptureContext } from './context';
import { readViewerName } from './dom-read';

export interface Viewer {
  memberId(): string | null;
  name(): string | null;
  /** A member id the page showed as the viewer's. */
  learn(memberId: string | null): void;
  /** The identity event, once per member id. */
  announce(): void;
}

export function createViewer(ctx: CaptureContext, stored: LocalItem<string>): Viewer {
  let memberId: string | null = null;
  let name: string | null = null;
  let sent = false;
  // The viewer learned on an earlier page.
  void stored.get().then((v) => {
    if (typeof v === 'string' && !memberId) memberId = v;
  });
  return {
    memberId: () => memberId,
    name: () => name,
    learn(id) {
      if (!id || memberId === id) return;
      memberId = id;
      sent = false;
      void stored.set(id);
    },
    announce() {
      if (sent || !memberId) return;
      name ??= readViewerName(ctx.doc);
      const person: CapturedPerson = { memberId };
      if (name) person.name = name;
      ctx.emit(ctx.event('identity', { person }));
      sent = true;
    },
  };
}
