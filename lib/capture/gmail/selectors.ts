// Every Gmail selector Sidelog uses, in one place, as a tested contract (the way refined-github
// keeps its selectors): each says why it looks that way, and CONTRACT below says when it was last
// seen on the live site and which fixtures under test/fixtures/gmail/ it must match, how many
// times. test/unit/capture/gmail/selectors.contract.test.ts walks them all over those fixtures, so a
// fixture refresh shows exactly which selectors broke. When Gmail changes, this is the file to
// update, with the fixtures.
//
// Plain exports, read as `GMAIL.name` (import * as GMAIL): the bundler turns each into a short
// local name and drops those a script does not use (CONTRACT is for the test only).
//
// "Seen" is the newest evidence that the live site has it: a capture, or public code that reads
// Gmail at a pinned commit (its date; the fixture headers and test/fixtures/ATTRIBUTION.md name
// file and line), or the year public descriptions give when no code pins it.

type Field = 'to' | 'cc' | 'bcc';

// ------------------------------------------------------------------------------------- compose

/** Compose container, for pop-up compose, inline reply and pop-out alike. InboxSDK keys its compose
 *  views on `div.M9`; gmail.js reads `.M9 [name=draft]`. */
export const composeRoot = 'div.M9';
/** Hidden inputs of the compose form (`form.bAs`): `draft` = `#msg-a:r…` and `rt` =
 *  `#thread-a:r…`/`#thread-f:…` fill in after the first draft save; `composeid` is a counter;
 *  `from` holds the sending address when the user has several. */
export const composeDraft = 'input[name="draft"]';
/** The thread a reply belongs to (`rt`, see above). */
export const composeThread = 'input[name="rt"]';
/** The compose's counter (`composeid`): names a DOM-only send that has no draft id yet. */
export const composeIdInput = 'input[name="composeid"]';
/** The sending address, when the user has several (`from`). */
export const composeFrom = 'input[name="from"]';
/** The subject box: read at Send, filled by the panel's Insert (not on a reply's "Re:"). */
export const composeSubject = 'input[name="subjectbox"]';
/** The editable body: `div[g_editable=true][role=textbox]` (class `Am Al editable`); the other
 *  two forms are fallbacks should the attribute go. */
export const composeBody =
  'div[g_editable="true"][role="textbox"], div.editable[contenteditable="true"][role="textbox"], div[aria-label="Message Body"][contenteditable="true"]';
/** Fallback compose root when `div.M9` is absent: the nearest ancestor holding these. */
export const composeMarker = 'input[name="subjectbox"], input[name="draft"]';
/** Recipients, today's chip widget: `div.anm[name=to|cc|bcc]` holding `[role=option]` chips whose
 *  `data-hovercard-id` is the address, and an `input[role=combobox]` for what is being typed. */
export const chipField = (field: Field) => `div.anm[name="${field}"]`;
/** Any recipient field that is not a text box (older builds: `div[name=to]` without `anm`). */
export const anyField = (field: Field) => `[name="${field}"]:not(input):not(textarea)`;
/** A recipient chip: today's `[data-hovercard-id]`, or the 2020-2023 widget's `span.vN[email]`. */
export const anyChip = '[data-hovercard-id], span.vN[email]';
/** The chip's display name, on the chip or an element inside it. */
export const chipName = '[data-name]';
/** The text box of a recipient field: an address typed but not yet a chip. */
export const chipInput = 'input[role="combobox"]';
/** Recipients, the pre-2020 widget still served to some accounts: `textarea[name=to|cc|bcc]` plus
 *  hidden `input[name=…]` chips. */
export const legacyField = (field: Field) => `textarea[name="${field}"]`;
/** The old widget's chips, kept as hidden inputs of the same name. */
export const legacyChip = (field: Field) => `input[type="hidden"][name="${field}"]`;
/** Send button: `div.T-I.aoO[role=button]` inside the bottom toolbar `table.IZ`; its
 *  aria-label/tooltip is localised ("Send ‪(Ctrl-Enter)‬"), the class `aoO` is not. */
export const sendButton = 'div.aoO[role="button"]';
/** Fallback when the class changes: the localised tooltip/label starts with "Send" in English. */
export const sendButtonByLabel = '[role="button"][data-tooltip^="Send"], [role="button"][aria-label^="Send"]';
/** "Schedule send" in the menu of the arrow next to Send (`.hG`, "More send options"): a
 *  `[selector="scheduledSend"]` item inside the compose. Choosing it schedules the message (the
 *  network layer logs it as scheduled, `^scheduled`); the DOM layer must not take the toast that
 *  follows for a send. InboxSDK gmail-compose-view.ts getScheduleSendButton; the 2019 capture has
 *  it too (`div.J-N.yr` in the send menu `#sbddm`). */
export const scheduleSend = '[selector="scheduledSend"]';
/** Bottom toolbar row, where the Sidelog button goes (`td.gU.Up` holds Send). */
export const toolbarCell = 'table.IZ td.gU.Up';
/** Quoted history inside the body of a reply (Gmail's own markup of a quote, sent with the mail). */
export const quote = 'div.gmail_quote, blockquote.gmail_quote';
/** An element hidden by an inline style or the `hidden` attribute: Gmail hides with inline
 *  `display: none`, and a compose it closed on send may stay in the page, hidden. */
export const hidden = '[style*="display: none"], [hidden]';

// --------------------------------------------------------------------------------------- toast

/** The "Sending…" / "Message sent" toast (`div.b8 .vh`): the sent state holds `span#link_undo`
 *  (Undo, gone after the undo window) and `span#link_vsm` (View message). Read by id. */
export const toastUndo = '#link_undo';
/** "View message": stays after the undo window, so the toast is still recognised as "sent". */
export const toastView = '#link_vsm';

// -------------------------------------------------------------------------------------- thread

/** Subject heading of an open thread: `h2.hP` with `data-legacy-thread-id` (hex) and
 *  `data-thread-perm-id` (`thread-f:…`/`thread-a:r…`), which is sometimes missing or the string
 *  "undefined": the legacy id is the fallback. The legacy id can be painted after the thread view
 *  exists (InboxSDK pull request #1309): the scan waits for it. */
export const threadSubject = 'h2.hP';
/** One message of the thread: `div.adn[data-message-id="#msg-f:…"][data-legacy-message-id]`. */
export const threadMessage = 'div.adn[data-message-id]';
/** The user's own messages in the thread: authored ids are `msg-a:`. */
export const ownMessage = 'div.adn[data-message-id*="msg-a:"]';
/** Sender `span.gD[email][name]`, recipients `span.g2[email]`, date `span.g3[title]`, body `div.a3s`. */
export const messageSender = 'span.gD[email]';
/** The message's recipients (`email` attribute is the address). */
export const messageRecipient = 'span.g2[email]';
/** The date, whose `title` is the full localised time (the id gives the exact one). */
export const messageDate = 'span.g3[title]';
/** The message body as Gmail renders it (quoted history inside, skipped when read). */
export const messageBody = 'div.a3s';
/** The message body's container `div.ii.gt` (holds `div.a3s`): the body InboxSDK reads since
 *  `.adP` went away (pull request #1309, customer HTML of 2026). Used when `div.a3s` is not there. */
export const messageBodyOuter = 'div.ii.gt';

// --------------------------------------------------------------------------------------- inbox

/** Inbox row `tr.zA` (unread `.zE`) with `span.bqe[data-thread-id][data-legacy-thread-id]` and
 *  sender spans `[email][name]` (`span.yP`/`span.zF`). */
export const inboxRow = 'tr.zA';
/** An unread row (`.zE`; read rows are `.yO`). */
export const unreadRow = '.zE';
/** The element of a row naming its thread: `data-thread-id` (`#thread-f:…`) and the legacy hex id. */
export const rowThreadRef = 'span[data-thread-id]';
/** The senders shown in a row (`email`, `name` attributes). */
export const rowSender = 'span[email]';
/** The selected row of the list (`tr.aps`, reading/split pane) carries the open thread's
 *  `data-legacy-thread-id` too, and may have it before the thread view's heading does: InboxSDK
 *  pull request #1309 falls back to `[gh=tl] tr.aps [data-legacy-thread-id]` when the ThreadView
 *  exists before its attributes are painted. */
export const selectedThreadRef = 'tr.aps [data-legacy-thread-id]';

// ------------------------------------------------------------------------------------- account

/** Document title "Inbox (3) - me@example.com - Gmail" (also "… - Example Co Mail"). */
export const titleEmail = /(?:^|\s-\s)([^\s@]+@[^\s@]+\.[^\s@-]+)\s-\s/;
/** Account button: `a[aria-label*="@"]` in the Google bar (`.gb_A`, label "Google Account: Name
 *  (me@x.com)"), or an element carrying `data-email`. */
export const accountLink = 'a[aria-label*="@"][href*="accounts.google.com"], [data-email]';

// ------------------------------------------------------------------------------------ contract

/** Fixture files, relative to test/fixtures/gmail/. */
type Fixture =
  | 'compose-dialog-2019.html'
  | 'dom-2025/compose-chips.html'
  | 'dom-2025/inbox-rows.html'
  | 'dom-2025/thread-view.html'
  | 'dom-2025/toast-sent.html'
  | 'dom-2025/account.html'
  | 'dom-2026/thread-id-late.html';

export interface Clause {
  /** The export it checks (with its argument, for the per-field selectors). */
  name: string;
  /** A CSS selector, counted with querySelectorAll; a RegExp is matched against the title. */
  selector: string | RegExp;
  /** Newest evidence of it on the live site (see the header): a date, or a year. */
  seen: string;
  /** Fixture -> how many elements it must match there (0: must match none). */
  count: Partial<Record<Fixture, number>>;
  /** Why no fixture shows it, when none does. */
  unmatched?: string;
}

/** Every selector above, where it was last seen and what it must match. Built by a pure function
 *  call, so the content script's bundle drops it (only the test reads it). */
export const CONTRACT: Clause[] = /* @__PURE__ */ (() => {
  // The sources, dated: the fixture headers and test/fixtures/ATTRIBUTION.md give file and line.
  const SDK = '2026-07-23 (InboxSDK a8a6fe2c)';
  const GJS = '2026-03-25 (gmail.js b7dfdabc)';
  const PR1309 = '2026-08-06 (InboxSDK pull request #1309)';
  const CAPTURE = '2019 (capture)';
  const C2019 = 'compose-dialog-2019.html';
  const CHIPS = 'dom-2025/compose-chips.html';
  const THREAD = 'dom-2025/thread-view.html';
  const LATE = 'dom-2026/thread-id-late.html';
  const ROWS = 'dom-2025/inbox-rows.html';
  const fields = ['to', 'cc', 'bcc'] as const;
  return [
    { name: 'composeRoot', selector: composeRoot, seen: GJS, count: { [C2019]: 1, [CHIPS]: 1, [THREAD]: 0 } },
    { name: 'composeDraft', selector: composeDraft, seen: SDK, count: { [C2019]: 1, [CHIPS]: 1 } },
    { name: 'composeThread', selector: composeThread, seen: '2025', count: { [C2019]: 1, [CHIPS]: 1 } },
    { name: 'composeIdInput', selector: composeIdInput, seen: '2025', count: { [C2019]: 1, [CHIPS]: 1 } },
    { name: 'composeFrom', selector: composeFrom, seen: '2025', count: { [C2019]: 1, [CHIPS]: 1 } },
    { name: 'composeSubject', selector: composeSubject, seen: SDK, count: { [C2019]: 1, [CHIPS]: 1 } },
    { name: 'composeBody', selector: composeBody, seen: CAPTURE, count: { [C2019]: 1, [CHIPS]: 1, [THREAD]: 0 } },
    { name: 'composeMarker', selector: composeMarker, seen: SDK, count: { [C2019]: 2, [CHIPS]: 2 } },
    ...fields.map((f) => ({
      name: `chipField('${f}')`,
      selector: chipField(f),
      seen: SDK,
      count: { [CHIPS]: 1, [C2019]: 0 },
    })),
    ...fields.map((f) => ({ name: `anyField('${f}')`, selector: anyField(f), seen: SDK, count: { [CHIPS]: 1 } })),
    { name: 'anyChip', selector: anyChip, seen: SDK, count: { [CHIPS]: 3, [C2019]: 0 } },
    { name: 'chipName', selector: chipName, seen: SDK, count: { [CHIPS]: 3 } },
    { name: 'chipInput', selector: chipInput, seen: SDK, count: { [CHIPS]: 3 } },
    ...fields.map((f) => ({
      name: `legacyField('${f}')`,
      selector: legacyField(f),
      seen: CAPTURE,
      count: { [C2019]: 1, [CHIPS]: 0 },
    })),
    ...fields.map((f) => ({
      name: `legacyChip('${f}')`,
      selector: legacyChip(f),
      seen: '2019',
      count: { [C2019]: 0 },
      unmatched: 'the 2019 capture is an empty compose: no recipient, so no hidden recipient input',
    })),
    { name: 'sendButton', selector: sendButton, seen: CAPTURE, count: { [C2019]: 1, [CHIPS]: 1 } },
    { name: 'sendButtonByLabel', selector: sendButtonByLabel, seen: CAPTURE, count: { [C2019]: 1 } },
    { name: 'scheduleSend', selector: scheduleSend, seen: SDK, count: { [C2019]: 1, [CHIPS]: 0 } },
    { name: 'toolbarCell', selector: toolbarCell, seen: CAPTURE, count: { [C2019]: 1, [CHIPS]: 1 } },
    { name: 'quote', selector: quote, seen: '2025', count: { [THREAD]: 2, [CHIPS]: 2 } },
    { name: 'hidden', selector: hidden, seen: CAPTURE, count: { [C2019]: 11, [CHIPS]: 0 } },
    { name: 'toastUndo', selector: toastUndo, seen: '2025', count: { 'dom-2025/toast-sent.html': 1 } },
    { name: 'toastView', selector: toastView, seen: '2025', count: { 'dom-2025/toast-sent.html': 1 } },
    { name: 'threadSubject', selector: threadSubject, seen: GJS, count: { [THREAD]: 1, [LATE]: 1 } },
    { name: 'threadMessage', selector: threadMessage, seen: SDK, count: { [THREAD]: 3, [LATE]: 1 } },
    { name: 'ownMessage', selector: ownMessage, seen: SDK, count: { [THREAD]: 1, [LATE]: 0 } },
    { name: 'messageSender', selector: messageSender, seen: GJS, count: { [THREAD]: 2, [LATE]: 1 } },
    { name: 'messageRecipient', selector: messageRecipient, seen: GJS, count: { [THREAD]: 3 } },
    { name: 'messageDate', selector: messageDate, seen: SDK, count: { [THREAD]: 2 } },
    { name: 'messageBody', selector: messageBody, seen: GJS, count: { [THREAD]: 2, [LATE]: 0 } },
    { name: 'messageBodyOuter', selector: messageBodyOuter, seen: PR1309, count: { [LATE]: 1 } },
    { name: 'inboxRow', selector: inboxRow, seen: SDK, count: { [ROWS]: 2, [LATE]: 2 } },
    { name: 'unreadRow', selector: unreadRow, seen: SDK, count: { [ROWS]: 1 } },
    { name: 'rowThreadRef', selector: rowThreadRef, seen: GJS, count: { [ROWS]: 2, [LATE]: 2 } },
    { name: 'rowSender', selector: rowSender, seen: SDK, count: { [ROWS]: 2 } },
    { name: 'selectedThreadRef', selector: selectedThreadRef, seen: PR1309, count: { [LATE]: 1, [ROWS]: 0 } },
    { name: 'titleEmail', selector: titleEmail, seen: '2025', count: { 'dom-2025/account.html': 1 } },
    { name: 'accountLink', selector: accountLink, seen: '2025', count: { 'dom-2025/account.html': 1 } },
  ];
})();
