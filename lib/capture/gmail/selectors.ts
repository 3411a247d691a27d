// Every Gmail selector Sidelog uses, in one place. Gmail's class names are generated but have been
// stable for years; each entry says why it looks that way and when it was last seen. When Gmail
// changes, this is the file to update (and test/unit/gmail-dom.test.ts the fixtures to refresh).
export const GMAIL = {
  compose: {
    /** Compose container, for pop-up compose, inline reply and pop-out alike. InboxSDK keys its
     *  compose views on `div.M9`; seen in the 2019 capture and in public 2025 extensions. */
    root: 'div.M9',
    /** Hidden inputs of the compose form (`form.bAs`): `draft` = `#msg-a:r…` and `rt` =
     *  `#thread-a:r…`/`#thread-f:…` fill in after the first draft save; `composeid` is a counter;
     *  `from` holds the sending address when the user has several. 2019 capture; InboxSDK 2025. */
    draft: 'input[name="draft"]',
    thread: 'input[name="rt"]',
    composeId: 'input[name="composeid"]',
    from: 'input[name="from"]',
    subject: 'input[name="subjectbox"]',
    /** The editable body: `div[g_editable=true][role=textbox]` (class `Am Al editable`). 2019 capture. */
    body: 'div[g_editable="true"][role="textbox"], div.editable[contenteditable="true"][role="textbox"], div[aria-label="Message Body"][contenteditable="true"]',
    /** Recipients, today's chip widget: `div.anm[name=to|cc|bcc]` holding `[role=option]` chips
     *  whose `data-hovercard-id` is the address, and an `input[role=combobox]` for what is being
     *  typed. Seen 2024-2025 (docs/design.md, "What the live sites do"). */
    chipField: (field: 'to' | 'cc' | 'bcc') => `div.anm[name="${field}"]`,
    chip: '[role="option"][data-hovercard-id]',
    /** Any recipient field that is not a text box (older builds: `div[name=to]` without `anm`). */
    anyField: (field: 'to' | 'cc' | 'bcc') => `[name="${field}"]:not(input):not(textarea)`,
    /** Chips of the 2020-2023 widget: `div.vR > span.vN[email]`; any `[data-hovercard-id]`. */
    anyChip: '[data-hovercard-id], span.vN[email]',
    chipInput: 'input[role="combobox"]',
    /** Recipients, the pre-2020 widget still served to some accounts: `textarea[name=to|cc|bcc]`
     *  plus hidden `input[name=…]` chips (`span.vN[email]`). 2019 capture. */
    legacyField: (field: 'to' | 'cc' | 'bcc') => `textarea[name="${field}"]`,
    legacyChip: (field: 'to' | 'cc' | 'bcc') => `input[type="hidden"][name="${field}"]`,
    /** Send button: `div.T-I.aoO[role=button]` inside the bottom toolbar `table.IZ`; its
     *  aria-label/tooltip is localised ("Send ‪(Ctrl-Enter)‬"), the class `aoO` is not. 2019 capture. */
    sendButton: 'div.aoO[role="button"]',
    /** Fallback when the class changes: the localised tooltip/label starts with "Send" in English. */
    sendButtonByLabel: '[role="button"][data-tooltip^="Send"], [role="button"][aria-label^="Send"]',
    /** "Schedule send" in the menu of the arrow next to Send (`.hG`, "More send options"): a
     *  `[selector="scheduledSend"]` item inside the compose. Choosing it schedules the message (the
     *  network layer logs it as scheduled, `^scheduled`); the DOM layer must not take the toast that
     *  follows for a send. InboxSDK gmail-compose-view.ts getScheduleSendButton /
     *  getMoreSendOptionsButton, in use at a8a6fe2c9e69b0e70dbdc5c03fea517644e9e3e9 (2026-07-23). */
    scheduleSend: '[selector="scheduledSend"]',
    /** Fallback compose root when `div.M9` is absent: the nearest ancestor holding these. */
    rootMarker: 'input[name="subjectbox"], input[name="draft"]',
    /** Bottom toolbar row, where the Sidelog button goes (`td.gU.Up` holds Send). 2019 capture. */
    toolbarCell: 'table.IZ td.gU.Up',
    /** Quoted history inside the body of a reply. */
    quote: 'div.gmail_quote, blockquote.gmail_quote',
  },
  toast: {
    /** "Sending…" / "Message sent" toast: `div.b8 .vh`; the sent state holds `span#link_undo`
     *  (Undo, gone after the undo window) and `span#link_vsm` (View message). Seen 2025. */
    container: 'div.b8',
    text: '.vh',
    undo: '#link_undo',
    viewMessage: '#link_vsm',
  },
  thread: {
    /** Subject heading of an open thread: `h2.hP` with `data-legacy-thread-id` (hex) and
     *  `data-thread-perm-id` (`thread-f:…`/`thread-a:r…`), which is sometimes missing or the string
     *  "undefined" (2025): the legacy id is the fallback. The legacy id can be painted after the
     *  thread view exists (InboxSDK pull request #1309, 2026-08-06): the scan waits for it. */
    subject: 'h2.hP',
    /** One message of the thread: `div.adn[data-message-id="#msg-f:…"][data-legacy-message-id]`. */
    message: 'div.adn[data-message-id]',
    /** The user's own messages in the thread: authored ids are `msg-a:`. */
    ownMessage: 'div.adn[data-message-id*="msg-a:"]',
    /** Sender `span.gD[email][name]`, recipients `span.g2[email]`, date `span.g3[title]`, body `div.a3s`. */
    sender: 'span.gD[email]',
    recipient: 'span.g2[email]',
    date: 'span.g3[title]',
    body: 'div.a3s',
    /** The message body's container `div.ii.gt` (holds `div.a3s`): the body InboxSDK reads since
     *  `.adP` went away — InboxSDK pull request #1309 (2026-08-06, customer HTML of 2026). Used
     *  when `div.a3s` is not there. */
    bodyOuter: 'div.ii.gt',
  },
  inbox: {
    /** Inbox row `tr.zA` (unread `.zE`) with `span.bqe[data-thread-id][data-legacy-thread-id]`
     *  and sender spans `[email][name]` (`span.yP`/`span.zF`). Seen 2025. */
    row: 'tr.zA',
    threadRef: 'span[data-thread-id]',
    sender: 'span[email]',
    /** The selected row of the list (`tr.aps`, reading/split pane) carries the open thread's
     *  `data-legacy-thread-id` too, and may have it before the thread view's heading does: InboxSDK
     *  pull request #1309 (2026-08-06) falls back to `[gh=tl] tr.aps [data-legacy-thread-id]` when
     *  the ThreadView exists before its attributes are painted. Seen in customer HTML of 2026. */
    selectedThreadRef: 'tr.aps [data-legacy-thread-id]',
  },
  /** An element hidden by an inline style or the `hidden` attribute (a compose Gmail closed on
   *  send may stay in the page, hidden): Gmail hides with inline `display: none`. */
  hidden: '[style*="display: none"], [hidden]',
  account: {
    /** Document title "Inbox (3) - me@example.com - Gmail" (also "… - Example Co Mail"). */
    titleEmail: /(?:^|\s-\s)([^\s@]+@[^\s@]+\.[^\s@-]+)\s-\s/,
    /** Account button: `a[aria-label*="@"]` in the Google bar (`.gb_A`, label "Google Account: Name (me@x.com)"). */
    accountLink: 'a[aria-label*="@"][href*="accounts.google.com"], [data-email]',
  },
} as const;
