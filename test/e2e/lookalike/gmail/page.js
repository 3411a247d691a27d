// The Gmail look-alike's own script (served as Gmail's static JS). Plain browser JS, DOM APIs
// only (the page runs under Gmail's Trusted Types CSP). It behaves like Gmail where Sidelog looks:
// compose with chip recipients, draft autosave (`^r`), Send / Ctrl+Enter (`^pfg`), the toast with
// Undo, thread list (/i/bv), thread view (/i/fd), inline reply, periodic sync (/i/s), and "Schedule
// send" (the arrow next to Send, `^scheduled`, Cancel send in the thread view).
(() => {
  'use strict';
  const cfg = JSON.parse(document.getElementById('lookalike-config').textContent);
  const ME = cfg.me;
  const SEND_NEW = ['^all', '^pfg', '^f_bt', '^f_btns', '^f_cl', '^i', '^u'];
  const SEND_REPLY = ['^all', '^pfg', '^f_bt', '^f_btns', '^f_cl'];
  // "Schedule send": the same labels with `^scheduled` where a send has `^pfg` (gmail.js
  // parse_request_payload `send_scheduled_message`; InboxSDK pull request #1244 SCHEDULE_ACTIONS).
  const SCHEDULE_NEW = SEND_NEW.map((l) => (l === '^pfg' ? '^scheduled' : l));
  const SCHEDULE_REPLY = SEND_REPLY.map((l) => (l === '^pfg' ? '^scheduled' : l));
  const DRAFT = ['^all', '^r', '^r_bt'];
  const policy = window.trustedTypes
    ? window.trustedTypes.createPolicy('lookalike-sanitizer', { createHTML: (s) => s })
    : { createHTML: (s) => s };
  let reqCounter = 1;
  // Gmail once ran its sync calls with the XMLHttpRequest of a hidden same-origin frame (js_frame).
  let XHR = window.XMLHttpRequest;
  let serverCounter = 0;
  let threadsById = new Map();
  let openThreadId = null;
  let composeSeq = 1;
  const states = new Map(); // compose root -> state

  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of kids.flat()) if (c != null) el.append(c);
    return el;
  }

  function xhr(kind, body) {
    if (cfg.transport === 'fetch') return viaFetch(kind, body);
    return new Promise((resolve, reject) => {
      const x = new XHR();
      x.open('POST', `/sync/u/0/i/${kind}?hl=en&c=${reqCounter++}&rt=r&pt=ji`);
      x.setRequestHeader('X-Framework-Xsrf-Token', cfg.xsrf);
      x.setRequestHeader(
        'X-Gmail-BTAI',
        '[null,null,[null,null,null,null,null,null,null,null,null,null,null,null,null,1]]',
      );
      x.setRequestHeader('Content-Type', 'application/json; charset=UTF-8');
      x.onload = () => {
        try {
          const r = JSON.parse(x.responseText);
          resolve(cfg.wire === 'opaque' ? JSON.parse(r.payload.split('').reverse().join('')) : r);
        } catch (e) {
          reject(e);
        }
      };
      x.onerror = () => reject(new Error('network'));
      // 'opaque': a wire format no reader knows (a future Gmail), so only the DOM layer can work.
      const text = JSON.stringify(body);
      const hint = (text.match(/\^pfg|\^r_bt/g) || []).join(',');
      x.send(cfg.wire === 'opaque' ? JSON.stringify({ v: 3, hint, payload: text.split('').reverse().join('') }) : text);
    });
  }

  // Some builds use fetch for the same calls (the tap must see both).
  async function viaFetch(kind, body) {
    const text = JSON.stringify(body);
    const hint = (text.match(/\^pfg|\^r_bt/g) || []).join(',');
    const res = await fetch(`/sync/u/0/i/${kind}?hl=en&c=${reqCounter++}&rt=r&pt=ji`, {
      method: 'POST',
      headers: {
        'X-Framework-Xsrf-Token': cfg.xsrf,
        'X-Gmail-BTAI': '[null,null,[null,null,null,null,null,null,null,null,null,null,null,null,null,1]]',
        'Content-Type': 'application/json; charset=UTF-8',
      },
      body: cfg.wire === 'opaque' ? JSON.stringify({ v: 3, hint, payload: text.split('').reverse().join('') }) : text,
    });
    const r = await res.json();
    return cfg.wire === 'opaque' ? JSON.parse(r.payload.split('').reverse().join('')) : r;
  }

  const rid = () => {
    const a = new BigInt64Array(1);
    crypto.getRandomValues(a);
    return 'r' + a[0].toString();
  };
  const contact = (p) => (p.name ? [1, p.email, p.name] : [1, p.email]);
  const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

  // ------------------------------------------------------------------ request bodies (captured layout)

  function msgArray(st, labels) {
    const a = new Array(52).fill(null);
    const now = Date.now();
    a[0] = st.msgId;
    a[1] = [1, ME.email, ME.name, null, null, null, null, null, null, ME.email];
    a[2] = st.to.length ? st.to.map(contact) : null;
    a[3] = st.cc.length ? st.cc.map(contact) : null;
    a[4] = st.bcc && st.bcc.length ? st.bcc.map(contact) : null;
    a[6] = now;
    a[7] = st.subject;
    const parts = [[0, st.html]];
    if (st.quoteHtml) parts.push([2, st.quoteHtml]);
    a[8] = [null, parts, null, null, null, null, 1];
    a[10] = labels;
    if (st.inReplyTo) {
      a[14] = [st.inReplyTo];
      a[15] = st.inReplyTo;
    }
    a[17] = now;
    a[42] = [null, null, null, null, null, 0];
    a[43] = [null, null, null, 0];
    a[48] = 0;
    a[49] = [0, 0, 2, 0];
    a[51] = `s:${Math.random().toString(16).slice(2, 18)}|#${st.msgId}|0`;
    return a;
  }

  function requestBody(st, labels, due) {
    const t = new Array(14).fill(null);
    const m = msgArray(st, labels);
    // Where Gmail puts the time a scheduled message is due is documented nowhere public; this page
    // puts it in the message's date [6] (what gmail.js reads as the message's timestamp).
    if (due != null) m[6] = due;
    const first = !st.saved && labels === DRAFT;
    // First save of a new compose: thread[2][0][4][0]; of a reply: thread[1][0]; later: thread[13][0].
    if (first && !st.isReply) t[2] = [[null, null, null, null, [m]]];
    else if (first) t[1] = [m];
    else t[13] = [m, null, 1];
    return [
      [null, null, 2],
      [[[first ? 8 : 10, [st.threadId, t]]]],
      null,
      [Date.now() - 4000, 1, Date.now(), 1, 205],
      2,
    ];
  }

  // ------------------------------------------------------------------ toast

  const toastBox = h('div', { class: 'b8 UC', role: 'alert', 'aria-live': 'assertive', style: 'display:none' });
  const toastInner = h('div', { class: 'vh' });
  toastBox.append(h('div', { class: 'J-J5-Ji' }, toastInner));

  function toast(text, links) {
    toastBox.style.display = '';
    const kids = [h('span', { class: 'aT' }, h('span', { class: 'bAq', text }))];
    for (const l of links || []) kids.push(l);
    toastInner.replaceChildren(...kids);
  }

  // ------------------------------------------------------------------ compose

  function chip(p) {
    return h(
      'div',
      { class: 'afV', role: 'option', 'data-hovercard-id': p.email, 'data-name': p.name || p.email, tabindex: '-1' },
      h('span', { class: 'akl', text: p.name || p.email }),
    );
  }

  function parseAddrs(s) {
    const out = [];
    for (const part of s.split(/[,;]/)) {
      const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(part);
      const email = (m ? m[2] : part).trim();
      if (EMAIL.test(email)) out.push({ email, name: m && m[1] ? m[1].trim() : null });
    }
    return out;
  }

  function recipientField(name, label, initial) {
    const input = h('input', {
      class: 'agP aFw',
      role: 'combobox',
      'aria-label': `${label} recipients`,
      'aria-autocomplete': 'list',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    const field = h(
      'div',
      { class: 'anm', name, role: 'listbox', 'aria-label': label, 'aria-multiselectable': 'true' },
      (initial || []).map(chip),
      input,
    );
    const commit = () => {
      const addrs = parseAddrs(input.value);
      if (!addrs.length) return;
      for (const a of addrs) field.insertBefore(chip(a), input);
      input.value = '';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    };
    input.addEventListener('keydown', (e) => {
      if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === ',') {
        e.preventDefault();
        commit();
      }
    });
    input.addEventListener('blur', commit);
    return field;
  }

  function readState(root) {
    const st = states.get(root);
    const people = (name) =>
      [...root.querySelectorAll(`div.anm[name=${name}] [role=option][data-hovercard-id]`)].map((c) => ({
        email: c.getAttribute('data-hovercard-id'),
        name: c.getAttribute('data-name') !== c.getAttribute('data-hovercard-id') ? c.getAttribute('data-name') : null,
      }));
    st.to = people('to');
    st.cc = people('cc');
    st.bcc = people('bcc');
    st.subject = root.querySelector('input[name=subjectbox]').value;
    st.html = root.querySelector('[g_editable=true]').innerHTML; // reading HTML is not a sink
    return st;
  }

  function buildCompose(opts) {
    const st = {
      msgId: null,
      threadId: opts.threadId || 'thread-a:' + rid(),
      isReply: !!opts.isReply,
      saved: false,
      inReplyTo: opts.inReplyTo || null,
      quoteHtml: opts.quoteHtml || null,
      saveTimer: null,
      sending: false,
    };
    const draft = h('input', { type: 'hidden', name: 'draft', value: '' });
    const rt = h('input', { type: 'hidden', name: 'rt', value: '' });
    const subject = h('input', {
      name: 'subjectbox',
      class: 'aoT',
      placeholder: 'Subject',
      'aria-label': 'Subject',
      autocomplete: 'off',
      spellcheck: 'true',
      tabindex: '1',
      value: opts.subject || '',
    });
    if (opts.isReply) subject.style.display = 'none';
    const ccRow = h('div', { class: 'aH9', style: 'display:none' }, recipientField('cc', 'CC'));
    const ccLink = h('span', {
      class: 'aB gQ pE',
      role: 'link',
      tabindex: '1',
      'aria-label': 'Add Cc recipients \u202a(Ctrl-Shift-C)\u202c',
      text: 'Cc',
      onclick: () => (ccRow.style.display = ''),
    });
    const bccRow = h('div', { class: 'aH9', style: 'display:none' }, recipientField('bcc', 'BCC'));
    const bccLink = h('span', {
      class: 'aB gQ pB',
      role: 'link',
      tabindex: '1',
      'aria-label': 'Add Bcc recipients \u202a(Ctrl-Shift-B)\u202c',
      text: 'Bcc',
      onclick: () => (bccRow.style.display = ''),
    });
    const body = h('div', {
      class: 'Am Al editable LW-avf tS-tW',
      id: `:${composeSeq}o`,
      'aria-label': 'Message Body',
      g_editable: 'true',
      role: 'textbox',
      'aria-multiline': 'true',
      contenteditable: 'true',
      tabindex: '1',
      style: 'direction: ltr;',
    });
    const send = h('div', {
      class: 'T-I J-J5-Ji aoO v7 T-I-atl L3',
      role: 'button',
      tabindex: '1',
      'data-tooltip': 'Send \u202a(Ctrl-Enter)\u202c',
      'aria-label': 'Send \u202a(Ctrl-Enter)\u202c',
      text: 'Send',
    });
    // The arrow next to Send opens "More send options": a menu inside the compose whose "Schedule
    // send" item is `div.J-N.yr[selector=scheduledSend]` (gmail.js inserts its own item after
    // `.J-N.yr`; InboxSDK finds it by `[selector="scheduledSend"]` in the compose).
    const scheduleItem = h('div', {
      class: 'J-N yr',
      role: 'menuitem',
      selector: 'scheduledSend',
      tabindex: '-1',
      text: 'Schedule send',
    });
    const sendMenu = h(
      'div',
      { class: 'J-M', role: 'menu', 'aria-haspopup': 'true', style: 'display:none' },
      scheduleItem,
    );
    const more = h('div', {
      class: 'T-I J-J5-Ji hG T-I-atl L3',
      role: 'button',
      'aria-haspopup': 'true',
      tabindex: '1',
      'aria-label': 'More send options',
      text: '▾',
    });
    more.addEventListener('click', () => (sendMenu.style.display = sendMenu.style.display === 'none' ? '' : 'none'));
    const form = h(
      'form',
      { class: 'bAs', method: 'POST', enctype: 'multipart/form-data' },
      h('div', { class: 'aH9' }, recipientField('to', 'To', opts.to), ccLink, bccLink),
      ccRow,
      bccRow,
      h('div', { class: 'aoD az6' }, subject),
      h('input', { type: 'hidden', name: 'composeid', value: String(composeSeq++) }),
      h('input', { type: 'hidden', name: 'from', value: ME.email }),
      h('input', { type: 'hidden', name: 'subject', value: '' }),
      draft,
      rt,
    );
    const root = h(
      'div',
      { class: 'M9' },
      h(
        'div',
        { class: 'aoI', role: 'region', 'aria-label': opts.isReply ? 'Reply' : 'New Message' },
        h(
          'table',
          { class: 'aoP aoC' },
          h(
            'tbody',
            null,
            h(
              'tr',
              null,
              h(
                'td',
                { class: 'I5' },
                form,
                h(
                  'table',
                  { class: 'iN' },
                  h(
                    'tbody',
                    null,
                    h('tr', null, h('td', { class: 'GQ' }, body)),
                    h(
                      'tr',
                      null,
                      h(
                        'td',
                        { class: 'HE' },
                        h(
                          'table',
                          { class: 'IZ', role: 'group' },
                          h(
                            'tbody',
                            null,
                            h(
                              'tr',
                              { class: 'btC' },
                              h(
                                'td',
                                { class: 'gU Up' },
                                h('div', { class: 'J-J5-Ji btA' }, h('div', { class: 'dC' }, send, more), sendMenu),
                              ),
                              h('td', { class: 'gU a8X' }, h('div', { class: 'bAK' })),
                            ),
                          ),
                        ),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
    st.draftInput = draft;
    st.rtInput = rt;
    states.set(root, st);
    const schedule = () => {
      if (st.sending) return;
      clearTimeout(st.saveTimer);
      st.saveTimer = setTimeout(() => save(root), 700);
    };
    root.addEventListener('input', schedule);
    send.addEventListener('click', () => sendCompose(root));
    scheduleItem.addEventListener('click', () => {
      sendMenu.style.display = 'none';
      openScheduleDialog(root);
    });
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        sendCompose(root);
      }
    });
    return root;
  }

  async function save(root) {
    const st = readState(root);
    if (st.sending) return;
    if (!st.msgId) st.msgId = 'msg-a:' + rid();
    const body = requestBody(st, DRAFT);
    st.saved = true;
    // Gmail fills the hidden inputs once the draft exists.
    st.draftInput.value = '#' + st.msgId;
    st.rtInput.value = '#' + st.threadId;
    await xhr('s', body);
  }

  function openCompose() {
    const root = buildCompose({});
    const dialog = h(
      'div',
      { class: 'nH Hd', role: 'dialog', 'aria-label': 'New Message' },
      h('div', { class: 'nH' }, h('div', { class: 'aaZ' }, root)),
    );
    document.body.append(dialog);
    root.querySelector('div.anm[name=to] input').focus();
  }

  async function sendCompose(root) {
    const st = readState(root);
    if (st.sending) return;
    if (!st.to.length && !st.cc.length) return;
    st.sending = true;
    clearTimeout(st.saveTimer);
    if (!st.msgId) {
      st.msgId = 'msg-a:' + rid();
      st.draftInput.value = '#' + st.msgId;
      st.rtInput.value = '#' + st.threadId;
    }
    const holder = root.closest('.nH.Hd') || root;
    const parent = holder.parentNode;
    const next = holder.nextSibling;
    holder.remove();
    const restore = () => {
      st.sending = false;
      parent.insertBefore(holder, next);
    };
    const labels = st.isReply ? SEND_REPLY : SEND_NEW;
    const snapshot = { ...st };
    toast('Sending…');
    const sentToast = (onUndo) => {
      const undo = h('span', {
        id: 'link_undo',
        class: 'bAo',
        role: 'link',
        tabindex: '0',
        'aria-label': 'Undo',
        text: 'Undo',
        onclick: onUndo,
      });
      const view = h('span', { id: 'link_vsm', class: 'ag a8k', role: 'link', tabindex: '0', text: 'View message' });
      toast('Message sent', [undo, view]);
      setTimeout(() => undo.remove(), cfg.undoWindowMs);
    };
    const afterSend = async () => {
      await refreshList();
      if (openThreadId && st.isReply) await openThread(openThreadId);
    };
    if (cfg.undoMode === 'B') {
      // The client holds the send during the undo window: no request unless it closes.
      let timer = null;
      sentToast(() => {
        clearTimeout(timer);
        restore();
        toast('Sending undone.');
      });
      timer = setTimeout(async () => {
        await xhr('s', requestBody(snapshot, labels));
        await afterSend();
      }, cfg.undoWindowMs);
    } else {
      await xhr('s', requestBody(snapshot, labels));
      sentToast(async () => {
        toast('Undoing…');
        restore();
        st.saved = true;
        await xhr('s', requestBody(readState(root), DRAFT));
        toast('Sending undone.');
        await refreshList();
      });
      await afterSend();
    }
  }

  // ------------------------------------------------------------------ schedule send

  const pad2 = (n) => String(n).padStart(2, '0');
  const fmtShort = (t) =>
    new Date(t).toLocaleString('en-US', {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });

  /** Gmail's "Schedule send" dialog: suggested times, or "Pick date & time". */
  function openScheduleDialog(root) {
    const close = () => dialog.remove();
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    tomorrow.setHours(8, 0, 0, 0);
    const suggestion = h('div', {
      role: 'menuitem',
      class: 'Az',
      tabindex: '0',
      text: `Tomorrow morning ${fmtShort(tomorrow.getTime())}`,
    });
    suggestion.addEventListener('click', () => {
      close();
      scheduleCompose(root, tomorrow.getTime());
    });
    const now = new Date();
    const date = h('input', {
      type: 'date',
      'aria-label': 'Date',
      value: `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`,
    });
    const time = h('input', {
      type: 'time',
      'aria-label': 'Time',
      value: `${pad2(now.getHours())}:${pad2(now.getMinutes())}`,
    });
    const confirm = h('button', { type: 'button', class: 'J-at1-auR', text: 'Schedule send' });
    const picker = h('div', { class: 'pick', style: 'display:none' }, date, time, confirm);
    const pick = h('div', { role: 'menuitem', class: 'Az', tabindex: '0', text: 'Pick date & time' });
    pick.addEventListener('click', () => (picker.style.display = ''));
    confirm.addEventListener('click', () => {
      const at = new Date(`${date.value}T${time.value}`).getTime();
      if (!(at > Date.now())) return; // Gmail accepts only a time ahead
      close();
      scheduleCompose(root, at);
    });
    const dialog = h(
      'div',
      { role: 'dialog', class: 'Kj-JD', 'aria-label': 'Schedule send' },
      h('div', { class: 'Kj-JD-K7', text: 'Schedule send' }),
      suggestion,
      pick,
      picker,
    );
    document.body.append(dialog);
  }

  async function scheduleCompose(root, due) {
    const st = readState(root);
    if (st.sending || (!st.to.length && !st.cc.length)) return;
    st.sending = true;
    clearTimeout(st.saveTimer);
    if (!st.msgId) {
      st.msgId = 'msg-a:' + rid();
      st.draftInput.value = '#' + st.msgId;
      st.rtInput.value = '#' + st.threadId;
    }
    const holder = root.closest('.nH.Hd') || root;
    const parent = holder.parentNode;
    const next = holder.nextSibling;
    holder.remove();
    await xhr('s', requestBody({ ...st }, st.isReply ? SCHEDULE_REPLY : SCHEDULE_NEW, due));
    const undo = h('span', {
      id: 'link_undo',
      class: 'bAo',
      role: 'link',
      tabindex: '0',
      'aria-label': 'Undo',
      text: 'Undo',
    });
    const view = h('span', { id: 'link_vsm', class: 'ag a8k', role: 'link', tabindex: '0', text: 'View message' });
    undo.addEventListener('click', async () => {
      // Undo: the message comes back as a draft in its compose.
      toast('Undoing…');
      st.sending = false;
      parent.insertBefore(holder, next);
      st.saved = true;
      await xhr('s', requestBody(readState(root), DRAFT));
      toast('Scheduled send undone.');
      await refreshList();
    });
    toast(`Send scheduled for ${fmtShort(due)}`, [undo, view]);
    setTimeout(() => undo.remove(), cfg.undoWindowMs);
    await refreshList();
  }

  /** "Cancel send" on a scheduled message: it goes back to drafts (a `^r` save of the same message
   *  id) and opens in a compose. A scheduled message is no draft until then: once scheduled, "the
   *  compose window automatically closes and the message goes into the scheduled label, without the
   *  possibility of editing (this is not a draft), user can only cancel sending" (gmail.js pull
   *  request #567, 2019-04-24, the change that added `send_scheduled_message`). */
  async function cancelScheduled(threadId, m) {
    const st = {
      msgId: m.id,
      threadId,
      isReply: false,
      saved: true,
      to: m.to,
      cc: m.cc,
      subject: m.subject,
      html: m.html,
      inReplyTo: null,
      quoteHtml: null,
    };
    await xhr('s', requestBody(st, DRAFT));
    toast('Sending cancelled. Message saved as draft.');
    openThreadId = null;
    await refreshList();
    const root = buildCompose({ to: m.to, subject: m.subject });
    const rs = states.get(root);
    rs.msgId = m.id;
    rs.threadId = threadId;
    rs.saved = true;
    rs.draftInput.value = '#' + m.id;
    rs.rtInput.value = '#' + threadId;
    root.querySelector('[g_editable=true]').append(...bodyNodes(m.html));
    document.body.append(
      h(
        'div',
        { class: 'nH Hd', role: 'dialog', 'aria-label': m.subject || 'Draft' },
        h('div', { class: 'nH' }, h('div', { class: 'aaZ' }, root)),
      ),
    );
  }

  // ------------------------------------------------------------------ inbox and thread view

  const main = h('div', { role: 'main', class: 'nH' });

  async function refreshList() {
    const resp = await xhr('bv', [[null, 'in:inbox', null, null, 0, 50]]);
    const rows = [];
    threadsById = new Map();
    for (const w of resp[2] || []) {
      const t = w[0];
      const id = String(t[3]).split('|')[0];
      const msgs = t[4] || [];
      threadsById.set(id, { id, legacy: t[19], subject: t[0], msgs });
      const last = msgs[msgs.length - 1];
      const unread = msgs.some((m) => (m[10] || []).includes('^u') && m[1][1] !== ME.email);
      const scheduledTag = msgs.some((m) => (m[10] || []).includes('^scheduled'))
        ? h('span', { class: 'ar as', text: 'Scheduled ' })
        : null;
      const sender = last ? { email: last[1][1], name: last[1][2] || last[1][1] } : ME;
      rows.push(
        h(
          'tr',
          { class: unread ? 'zA zE' : 'zA yO', role: 'row', tabindex: '-1', onclick: () => openThread(id) },
          h(
            'td',
            { class: 'yX xY' },
            h(
              'div',
              { class: 'yW' },
              h(
                'span',
                { class: 'bA4' },
                h('span', {
                  class: unread ? 'zF' : 'yP',
                  email: sender.email,
                  name: sender.name,
                  'data-hovercard-id': sender.email,
                  text: sender.email === ME.email ? 'me' : sender.name,
                }),
              ),
            ),
          ),
          h(
            'td',
            { class: 'xY a4W' },
            h(
              'div',
              { class: 'xS' },
              h(
                'div',
                { class: 'xT' },
                scheduledTag,
                h(
                  'div',
                  { class: 'y6' },
                  h(
                    'span',
                    { class: 'bog' },
                    h('span', { class: 'bqe', 'data-thread-id': '#' + id, 'data-legacy-thread-id': t[19], text: t[0] }),
                  ),
                ),
              ),
              h('span', { class: 'y2', text: ' - ' + (t[1] || '') }),
            ),
          ),
          h(
            'td',
            { class: 'xW xY' },
            h('span', { title: new Date(t[2]).toString(), text: new Date(t[2]).toLocaleTimeString('en-US') }),
          ),
        ),
      );
    }
    if (!openThreadId)
      main.replaceChildren(h('div', { class: 'ae4 UI' }, h('table', { class: 'F cf zt' }, h('tbody', null, rows))));
  }

  function bodyNodes(html) {
    // Gmail sanitises message HTML and inserts it through its Trusted Types policy; so does this page.
    const doc = new DOMParser().parseFromString(policy.createHTML(html), 'text/html');
    return [...doc.body.childNodes].map((n) => document.importNode(n, true));
  }

  const fmt = (t) =>
    new Date(t).toLocaleString('en-US', {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });

  async function openThread(id) {
    openThreadId = id;
    const known = threadsById.get(id);
    if (known && location.hash !== '#inbox/' + known.legacy) history.replaceState(null, '', '#inbox/' + known.legacy);
    const resp = await xhr('fd', [id, null, 1]);
    const entry = (resp[1] || [])[0];
    if (!entry) return;
    const [tid, [desc, compact], full] = entry;
    const legacy = (known && known.legacy) || desc[2] || '';
    // Gmail can paint the heading's data-legacy-thread-id after the thread view and its messages
    // exist (InboxSDK pull request #1309, 2026): cfg.idPaintDelayMs reproduces that.
    const h2 = h('h2', {
      class: 'hP',
      tabindex: '-1',
      'data-legacy-thread-id': cfg.idPaintDelayMs ? null : legacy,
      text: desc[1],
    });
    if (cfg.idPaintDelayMs) setTimeout(() => h2.setAttribute('data-legacy-thread-id', legacy), cfg.idPaintDelayMs);
    if (cfg.permId === 'real') h2.setAttribute('data-thread-perm-id', tid);
    else if (cfg.permId === 'undefined') h2.setAttribute('data-thread-perm-id', 'undefined');
    const nodes = [];
    let last = null;
    for (const [mid, d] of full) {
      const brief = compact.find((c) => c[0] === mid) || [mid, [1, d[10][16]]];
      const from = { email: brief[1][1], name: brief[1][2] || brief[1][1] };
      const html = d[5][1].map((p) => p[2][1]).join('');
      last = {
        id: mid,
        from,
        to: d[0].map((c) => ({ email: c[1], name: c[2] || null })),
        rfc: d[7],
        html,
        time: Number(d[16]),
      };
      // A scheduled message of this thread: "Send scheduled for …" and its Cancel send button.
      let banner = null;
      if ((brief[3] || []).includes('^scheduled')) {
        const msg = {
          id: mid,
          to: last.to,
          cc: (d[1] || []).map((c) => ({ email: c[1], name: c[2] || null })),
          subject: d[4] || desc[1],
          html,
        };
        const cancel = h('div', {
          class: 'T-I J-J5-Ji aFh T-I-atl',
          role: 'button',
          tabindex: '0',
          text: 'Cancel send',
        });
        cancel.addEventListener('click', () => cancelScheduled(tid, msg));
        banner = h(
          'div',
          { class: 'aDh', role: 'status' },
          h('span', { text: `Send scheduled for ${fmtShort(last.time)}` }),
          cancel,
        );
      }
      nodes.push(
        h(
          'div',
          { class: 'adn ads', 'data-message-id': '#' + mid, 'data-legacy-message-id': d[34] },
          h(
            'div',
            { class: 'gs' },
            h(
              'div',
              { class: 'gE iv gt' },
              h(
                'table',
                { class: 'cf gJ' },
                h(
                  'tbody',
                  null,
                  h(
                    'tr',
                    { class: 'acZ' },
                    h(
                      'td',
                      { class: 'gF gK' },
                      h(
                        'h3',
                        { class: 'iw' },
                        h('span', {
                          class: 'gD',
                          email: from.email,
                          name: from.name,
                          'data-hovercard-id': from.email,
                          text: from.name,
                        }),
                      ),
                    ),
                    h(
                      'td',
                      { class: 'gH' },
                      h('span', {
                        class: 'g3',
                        title: fmt(last.time),
                        alt: fmt(last.time),
                        role: 'gridcell',
                        text: new Date(last.time).toLocaleTimeString('en-US'),
                      }),
                    ),
                  ),
                ),
              ),
            ),
            h(
              'div',
              { class: 'iw ajw' },
              h(
                'span',
                { class: 'hb' },
                'to ',
                last.to.map((p) =>
                  h('span', {
                    class: 'g2',
                    email: p.email,
                    name: p.name || p.email,
                    'data-hovercard-id': p.email,
                    text: p.name || p.email,
                  }),
                ),
              ),
            ),
            banner,
            h('div', { class: 'ii gt' }, h('div', { class: 'a3s aiL' }, bodyNodes(html))),
          ),
        ),
      );
    }
    const replyArea = h('div', { class: 'ip adB' });
    const replyLink = h('span', { class: 'ams bkH', role: 'link', tabindex: '0', text: 'Reply' });
    replyLink.addEventListener('click', () => {
      const other = last.from.email === ME.email ? last.to : [last.from];
      const quote = `<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On ${fmt(last.time)} ${last.from.name} &lt;${last.from.email}&gt; wrote:<br></div><blockquote class="gmail_quote">${last.html}</blockquote></div>`;
      const subj = desc[1].startsWith('Re:') ? desc[1] : 'Re: ' + desc[1];
      const root = buildCompose({
        isReply: true,
        threadId: tid,
        to: other,
        subject: subj,
        inReplyTo: last.rfc,
        quoteHtml: quote,
      });
      replyArea.replaceChildren(root);
      root.querySelector('[g_editable=true]').focus();
    });
    replyArea.append(replyLink);
    main.replaceChildren(
      h('div', { class: 'nH' }, h('div', { class: 'ha' }, h2), h('div', { class: 'Bu' }, nodes), replyArea),
    );
  }

  async function sync() {
    const resp = await xhr('s', [
      [null, null, 2],
      [[]],
      null,
      [Date.now() - 1000, 1, Date.now(), 1, 205],
      2,
      serverCounter,
    ]);
    serverCounter = (resp[3] && resp[3][0]) || serverCounter;
    await refreshList();
    if (openThreadId) await openThread(openThreadId);
  }

  // ------------------------------------------------------------------ boot

  async function boot() {
    document.title = `Inbox - ${ME.email} - Gmail`;
    if (cfg.syncFrame) {
      const frame = h('iframe', {
        id: 'js_frame',
        src: '/mail/u/0/?ui=2&view=js&name=js',
        style: 'display:none',
        tabindex: '-1',
      });
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      document.body.append(frame);
      await loaded;
      XHR = frame.contentWindow.XMLHttpRequest;
    }
    const account = h('a', {
      class: 'gb_A gb_Za',
      href: 'https://accounts.google.com/SignOutOptions?hl=en&continue=https://mail.google.com/mail/u/0/',
      role: 'button',
      tabindex: '0',
      'aria-label': `Google Account: ${ME.name}  \n(${ME.email})`,
      text: ME.name,
    });
    const compose = h('div', {
      class: 'T-I T-I-KE L3',
      role: 'button',
      tabindex: '0',
      text: 'Compose',
      onclick: openCompose,
    });
    const inboxLink = h('a', {
      href: '#inbox',
      class: 'J-Ke n0',
      text: 'Inbox',
      onclick: () => {
        openThreadId = null;
        refreshList();
      },
    });
    document.getElementById('loading').remove();
    document
      .getElementById('app')
      .append(h('header', { class: 'gb_Ra' }, account), h('div', { class: 'aic' }, compose, ' ', inboxLink), main);
    document.body.append(toastBox);
    const first = await xhr('s', [[null, null, 2], [[]], null, [Date.now(), 1, Date.now(), 1, 205], 2, 0]);
    serverCounter = (first[3] && first[3][0]) || 0;
    await refreshList();
    const m = /^#inbox\/([0-9a-f]+)$/.exec(location.hash);
    if (m) {
      const t = [...threadsById.values()].find((x) => x.legacy === m[1]);
      if (t) await openThread(t.id);
    }
  }

  window.__gmailLookalike = { sync, refreshList, openThread: (id) => openThread(id) };
  boot();
})();
