// The DOM layer's live part: one MutationObserver over LinkedIn's page (and the open shadow root
// of #interop-outlet) and three capture-phase listeners (click, Enter, focus), wiring the parts
// that turn what the readers in dom-read.ts find into capture events: conversation-scan.ts
// (message items, headers, the conversation list), page-reads.ts (profile, company, invitation
// manager), invitations.ts, sends.ts (which template a send came from), viewer.ts, names.ts and
// health.ts.
//
// Rules (docs/design.md, "Capture, per site"): read only. Per-node state lives in WeakSet/WeakMap, nothing is written to the
// page. The observer callback does work proportional to the mutation (added subtrees, changed
// attributes), never a scan of the whole page; profile reads are debounced.
import type { CaptureEventInput } from '../../schema/events';
import { linkedInItems, type LocalArea } from '../../storage/local-items';
import { createBatch, type CaptureContext, type DomEventMaker } from './context';
import { createConversationScan } from './conversation-scan';
import { createHealth } from './health';
import { noteFocus } from './insert';
import { createInvitations } from './invitations';
import { createNamesMemory } from './names';
import { createPageReads } from './page-reads';
import type { ReadersSource } from './readers-source';
import * as SEL from './selectors';
import { composeBoxOf, createSendMemory } from './sends';
import { createViewer } from './viewer';

export interface LinkedInCaptureOptions {
  doc: Document;
  /**
   * The whole-page readers: in the extension, injected on demand (readers-source.ts); tests pass
   * `loadedReaders(pageReaders)`.
   */
  readers: ReadersSource;
  push: (events: CaptureEventInput[]) => void;
  now?: () => number;
  newId?: () => string;
  /**
   * Extension storage (never the site's): the viewer, names seen in conversations, pending and held
   * invitations (typed items of lib/storage/local-items.ts). Default: a memory of this page only.
   */
  area?: LocalArea;
  /** ms to wait before reading a profile after its page stopped changing. */
  profileDelayMs?: number;
  healthEveryMs?: number;
  /** How long the DOM waits for the network layer to confirm an invitation before logging it itself. */
  inviteFallbackMs?: number;
  /** The site's "log my outreach" switch: while off, no invitation is noted or held in storage. */
  tracking?: () => boolean;
}

export interface LinkedInCapture {
  /** Processes a batch of mutation records (what the MutationObserver callback calls). */
  handle(records: MutationRecord[]): void;
  /** Reads everything already on the page (start, SPA navigation). */
  scanAll(): void;
  flush(): void;
  stop(): void;
  stats(): { recognised: number; failed: number };
  /** The viewer's member id once known (first element of any data-event-urn). */
  viewer(): string | null;
}

/** A storage area kept in a Map, for a capture given none (tests, benchmarks). */
export function memoryArea(m = new Map<string, unknown>()): LocalArea {
  const area = {
    get: async (k: string) => (m.has(k) ? { [k]: m.get(k) } : {}),
    set: async (o: Record<string, unknown>) => void Object.entries(o).forEach(([k, v]) => m.set(k, v)),
    remove: async (k: string) => void m.delete(k),
  };
  return area as unknown as LocalArea;
}

export function createLinkedInCapture(opts: LinkedInCaptureOptions): LinkedInCapture {
  const { doc } = opts;
  const win = doc.defaultView!;
  const now = opts.now ?? Date.now;
  const newId = opts.newId ?? (() => crypto.randomUUID());
  const area = opts.area ?? memoryArea();
  const items = linkedInItems(() => area);
  const batch = createBatch(opts.push);
  const event: DomEventMaker = (type, fields) =>
    ({ eventId: newId(), type, channel: 'linkedin', layer: 'dom', ...fields }) as unknown as CaptureEventInput;
  const health = createHealth(batch.emit, event);
  const ctx: CaptureContext = {
    doc,
    now,
    newId,
    event,
    emit: batch.emit,
    flush: batch.flush,
    health,
    readers: opts.readers,
  };

  const viewer = createViewer(ctx, items.viewer);
  const sends = createSendMemory(now);
  const scan = createConversationScan(ctx, { viewer, names: createNamesMemory(items.names), sends });
  const pages = createPageReads(ctx, { viewer, invitations: () => invitations, delayMs: opts.profileDelayMs });
  const invitations = createInvitations(ctx, items, viewer, {
    fallbackMs: opts.inviteFallbackMs,
    tracking: opts.tracking,
    rereadProfile: () => pages.schedule(),
  });

  const observedRoots = new WeakSet<Node>();
  let lastUrl = '';

  function observeOutlet() {
    const root = doc.getElementById(SEL.interopOutletId)?.shadowRoot;
    if (root) observeShadow(root);
  }

  function scanRoot(root: ParentNode) {
    for (const el of root.querySelectorAll(SEL.eventWithUrn)) scan.onMessageItem(el);
    for (const li of root.querySelectorAll(SEL.convItem)) void scan.onConversationItem(li);
  }

  function observeShadow(root: ShadowRoot) {
    if (observedRoots.has(root)) return;
    observedRoots.add(root);
    observer.observe(root, OBSERVE);
    scanRoot(root);
  }

  function handleAdded(n: Node) {
    if (n.nodeType !== 1) return;
    const el = n as Element;
    // A component that draws into its own open shadow root (as #interop-outlet does).
    if (el.shadowRoot) observeShadow(el.shadowRoot);
    if (el.hasAttribute(SEL.eventUrnAttr)) scan.onMessageItem(el);
    else if (el.firstElementChild) for (const x of el.querySelectorAll(SEL.eventWithUrn)) scan.onMessageItem(x);
    if (el.matches(SEL.convItem)) void scan.onConversationItem(el);
    else if (el.firstElementChild && el.querySelector(SEL.convItem))
      for (const li of el.querySelectorAll(SEL.convItem)) void scan.onConversationItem(li);
  }

  const OBSERVE: MutationObserverInit = {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [SEL.eventUrnAttr],
    characterData: true,
  };

  function handle(records: MutationRecord[]) {
    const href = doc.location?.href ?? '';
    if (href !== lastUrl) {
      lastUrl = href;
      pages.urlChanged();
    }
    let touchedList: Element | null = null;
    for (const r of records) {
      if (r.type === 'attributes') {
        scan.onMessageItem(r.target as Element);
        continue;
      }
      if (r.type === 'childList') {
        for (const n of r.addedNodes) {
          handleAdded(n);
          if (
            (n as Element).id === SEL.interopOutletId ||
            (n.nodeType === 1 && (n as Element).querySelector?.(SEL.interopOutlet))
          )
            observeOutlet();
        }
      }
      // Text or children changed inside a conversation list entry (new snippet), or inside a message
      // item (a body still empty filled in, or a recall).
      const t = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      const item = t?.closest?.(SEL.eventWithUrn);
      if (item) scan.onItemChanged(item);
      const li = t?.closest?.(SEL.convItem);
      if (li && li !== touchedList) {
        touchedList = li;
        void scan.onConversationItem(li);
      }
    }
    observeOutlet(); // getElementById + a WeakSet check: cheap enough for every batch
    pages.schedule();
  }

  function scanAll() {
    observeOutlet();
    scanRoot(doc);
    pages.schedule();
  }

  // Sends: a click on a Send button or Enter in a message box (sends.ts); other buttons may be
  // the invitation dialog's Send or a profile's "Pending" (invitations.ts).
  const onClick = (e: Event) => {
    const path = e.composedPath();
    const button = path.find((t) => (t as Element)?.nodeType === 1 && (t as Element).matches(SEL.button)) as
      Element | undefined;
    if (!button) return;
    if (
      button.matches(SEL.sendButton) ||
      (button.getAttribute('type') === 'submit' && button.closest(SEL.composeForm))
    ) {
      const form = button.closest(SEL.composeForm);
      const box = form?.querySelector<HTMLElement>(SEL.composeBox) ?? composeBoxOf(path);
      if (box) sends.record(box);
      return;
    }
    invitations.onButton(button, `${button.getAttribute('aria-label') ?? ''} ${button.textContent ?? ''}`);
  };
  const onKey = (e: Event) => {
    const k = e as KeyboardEvent;
    if (k.key !== 'Enter' || k.shiftKey || k.isComposing) return;
    const box = composeBoxOf(k.composedPath());
    if (box && box.matches(SEL.composeBox)) sends.record(box);
  };
  const onFocus = (e: Event) => noteFocus(e.target, e.composedPath());
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('focusin', onFocus, true);

  const observer = new win.MutationObserver((records) => handle(records));
  observer.observe(doc.documentElement ?? doc, OBSERVE);

  // attachShadow() makes no mutation in the light DOM: look for the outlet's root now and then.
  const outletTimer = setInterval(observeOutlet, 2000);
  const healthTimer = setInterval(health.report, opts.healthEveryMs ?? 30_000);
  // A first report soon after start, so the panel can say "working" without waiting a full period.
  const firstHealth = setTimeout(health.report, Math.min(opts.healthEveryMs ?? 30_000, 5_000));

  return {
    handle,
    scanAll,
    flush: batch.flush,
    stop() {
      observer.disconnect();
      clearInterval(healthTimer);
      clearInterval(outletTimer);
      clearTimeout(firstHealth);
      pages.stop();
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('focusin', onFocus, true);
      batch.flush();
    },
    stats: health.stats,
    viewer: () => viewer.memberId(),
  };
}
