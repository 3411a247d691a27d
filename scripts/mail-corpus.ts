// Builds the labelled mail corpus of test/fixtures/mail/ from local clones of public collections.
//
//   node --import tsx scripts/mail-corpus.ts <source> <clone path> [more paths] [--out FILE]
//
// Sources (each names the repository it expects; labels come from the collection's own structure,
// never from Sidelog's classifier):
//   sisimai        sisimai/set-of-emails clone; optional 2nd path: a sisimai/go-sisimai clone whose
//                  fact/*_test.go expectations give each public sample's reason (vacation, delivered,
//                  feedback...). Files: maildir/bsd, maildir/err (mbox-0 split) and maildir/not.
//   talon          mailgun/talon: tests/fixtures/standard_replies/*.eml and html_replies/*.html → human.
//   flanker        mailgun/flanker: tests/fixtures/messages/bounce/*.eml (delayed* → delay, else bounce).
//   replies        any email_reply_parser port or reply trimmer: a sub-folder of .txt reply bodies
//                  (2nd argument, e.g. test/emails) → human.
//   trimmer-pairs  discourse/email_reply_trimmer: emails with their expected trimmed reply, for the
//                  quote/signature stripper's test (written to quote-strip--….json).
//   bounceparser   rjbs/Mail-DeliveryStatus-BounceParser t/corpus (held out: not committed, see
//                  ATTRIBUTION.md); labels from its t/*.t expectations.
//   held-out       a folder of a bounce collection kept out of the repository (flufl.bounce,
//                  PHP-Bounce-Handler, bounce-email): bounce unless DSN fields or the HELD_OUT table
//                  say otherwise.
//
// Each item keeps what Gmail shows and Sidelog can read: sender address and display name, subject,
// and the text of the inline body parts (attached messages, delivery-status and header parts are
// attachments there), bounded to TEXT_LIMIT characters. For thread context it keeps the subject
// and recipients of the original message when the mail carries it (attached message or headers),
// and for DSNs the recipients the report says failed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  addressList,
  decodeCharset,
  header,
  htmlToText,
  parseAddress,
  parseMessage,
  visibleText,
  walk,
  type Part,
} from './mail/mime';

export const TEXT_LIMIT = 20_000;

export type Label = 'human' | 'auto-reply' | 'bounce' | 'delay' | 'feedback' | 'delivered';

export interface CorpusItem {
  /** Path of the sample inside its repository. */
  path: string;
  label: Label;
  fromEmail: string | null;
  fromName: string | null;
  subject: string | null;
  text: string;
  /** Subject of the original (outbound) message, when the mail carries it. */
  threadSubject?: string | null;
  /** Recipients of the original message, when the mail carries them. */
  sentTo?: string[];
  /** Recipients the delivery status report says failed (Action: failed), or were delayed. */
  failed?: string[];
  /** Extra facts from the source (e.g. sisimai's reason), for reading the scores. */
  note?: string;
}

export interface CorpusFile {
  repo: string;
  commit: string;
  license: string;
  labels: string;
  generatedBy: string;
  items: CorpusItem[];
}

const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 ? args.splice(outIdx, 2)[1] : null;
const [source, clone, extra] = args;

function commitOf(dir: string): string {
  return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
}

const clip = (s: string) => (s.length > TEXT_LIMIT ? s.slice(0, TEXT_LIMIT) : s);
const tidy = (s: string) =>
  clip(
    s
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{4,}/g, '\n\n\n')
      .trim(),
  );

interface DsnFacts {
  actions: string[];
  failed: string[];
  delayed: string[];
  reportType: string | null;
}

/** The machine-readable parts of a report: per-recipient Action and Final-Recipient fields. */
function dsnFacts(root: Part): DsnFacts {
  const facts: DsnFacts = { actions: [], failed: [], delayed: [], reportType: null };
  if (root.type === 'multipart/report') facts.reportType = (root.params.get('report-type') ?? '').toLowerCase();
  for (const p of walk(root)) {
    if (p.type !== 'message/delivery-status' && p.type !== 'message/global-delivery-status') continue;
    const text = p.body
      .toString('utf8')
      .replace(/\r\n?/g, '\n')
      .replace(/\n[ \t]+/g, ' ');
    // Per-recipient groups are separated by blank lines; the first group is per-message.
    for (const group of text.split(/\n\s*\n/)) {
      const action = /^Action:\s*([a-z]+)/im.exec(group)?.[1]?.toLowerCase();
      const rcpt = /^(?:Final|Original)-Recipient:\s*(?:[a-z0-9-]+;)?\s*<?([^\s<>;]+@[^\s<>;]+?)>?\s*$/im.exec(
        group,
      )?.[1];
      if (!action) continue;
      facts.actions.push(action);
      if (rcpt && action === 'failed') facts.failed.push(rcpt.toLowerCase());
      if (rcpt && action === 'delayed') facts.delayed.push(rcpt.toLowerCase());
    }
  }
  return facts;
}

/** Subject and recipients of the message this one answers or reports on, when it carries it. */
function original(root: Part, text: string): { subject: string | null; to: string[] } {
  for (const p of walk(root)) {
    if (p === root) continue;
    if (p.headers.has('subject') && (p.headers.has('to') || p.headers.has('from'))) {
      return { subject: header(p, 'subject'), to: addressList(header(p, 'to')) };
    }
    if (p.type === 'text/rfc822-headers') {
      const h = parseMessage(Buffer.concat([p.body, Buffer.from('\n\n')]));
      return { subject: header(h, 'subject'), to: addressList(header(h, 'to')) };
    }
  }
  // Bounces without MIME structure quote the original headers in their text.
  const subj = /^\s*Subject:\s*(.+)$/im.exec(
    text.replace(/^[\s\S]*?(?=^\s*(?:From|Return-Path|Received|Date|Message-Id):)/im, ''),
  );
  const to = /^\s*To:\s*(.+)$/im.exec(text);
  return { subject: subj ? subj[1].trim() : null, to: to ? addressList(to[1]) : [] };
}

function readMail(
  file: string,
  rel: string,
  label: Label | ((root: Part, facts: DsnFacts) => Label),
  note?: string,
): CorpusItem {
  const raw = readFileSync(file);
  const root = parseMessage(raw);
  const from = parseAddress(header(root, 'from'));
  const text = tidy(visibleText(root));
  const facts = dsnFacts(root);
  const l = typeof label === 'function' ? label(root, facts) : label;
  const item: CorpusItem = {
    path: rel,
    label: l,
    fromEmail: from.email,
    fromName: from.name,
    subject: header(root, 'subject'),
    text,
  };
  if (l !== 'human') {
    const orig = original(root, visibleText(root));
    item.threadSubject = orig.subject;
    item.sentTo = orig.to;
    const failed = l === 'delay' ? facts.delayed : facts.failed;
    if (failed.length) item.failed = [...new Set(failed)];
  } else {
    item.threadSubject = item.subject
      ? item.subject.replace(/^\s*((re|aw|fwd?|wg|tr|rv|sv)\s*:\s*)+/i, '').trim()
      : null;
  }
  if (note) item.note = note;
  return item;
}

/** Label from the DSN's own fields: all recipients delayed → delay; a delivered-only report → delivered. */
function dsnLabel(facts: DsnFacts, fallback: Label): Label {
  if (facts.reportType === 'feedback-report') return 'feedback';
  if (facts.actions.length && facts.actions.every((a) => a === 'delayed')) return 'delay';
  if (facts.actions.length && facts.actions.every((a) => a === 'delivered' || a === 'relayed' || a === 'expanded'))
    return 'delivered';
  return fallback;
}

/** go-sisimai's fact/*_test.go: publiclist rows {"01", 1, "5.1.1", "550", "userunknown", ...}. */
function sisimaiExpectations(goClone: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const dir = path.join(goClone, 'fact');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('_test.go'))) {
    const src = readFileSync(path.join(dir, f), 'utf8');
    const m = /^func Test(Lhost|Rhost|RFC3464|RFC3834|ARF)(\w*)\(/m.exec(src);
    if (!m) continue;
    const kind = m[1];
    const prefix =
      kind === 'Lhost'
        ? `lhost-${m[2].toLowerCase()}`
        : kind === 'Rhost'
          ? `rhost-${m[2].toLowerCase()}`
          : kind.toLowerCase();
    const pub = /publiclist\s*:=([\s\S]*?)(?:\n\s*\}\s*\n|secretlist)/.exec(src)?.[1] ?? '';
    for (const row of pub.matchAll(/\{\s*"(\d+)",\s*\d+,\s*"[^"]*",\s*"[^"]*",\s*"([a-z]+)"/g)) {
      const key = `${prefix}-${row[1]}`;
      out.set(key, [...(out.get(key) ?? []), row[2]]);
    }
  }
  return out;
}

// Samples whose folder says one thing and whose text another; each override says why. sisimai
// decodes delay warnings as bounces (it reports every address with a problem); for Sidelog a
// warning that delivery is still being attempted is a delay, so the notice's own words decide.
const delay = (why: string) => ({ label: 'delay' as Label, why: `delay warning: ${why}` });
const SISIMAI_OVERRIDES: Record<string, { label: Label; why: string }> = {
  'maildir/bsd/lhost-exim-38.eml': delay(
    '"Warning: message ... delayed 24 hours", "No action is required on your part"',
  ),
  'maildir/bsd/lhost-exim-41.eml': delay(
    '"Warning: message ... delayed 24 hours", "No action is required on your part"',
  ),
  'maildir/bsd/lhost-gmail-06.eml': delay('"Delivery Status Notification (Delay)", "WARNING MESSAGE ONLY"'),
  'maildir/bsd/lhost-gmail-08.eml': delay('"Delivery Status Notification (Delay)", "WARNING MESSAGE ONLY"'),
  'maildir/bsd/lhost-gmail-09.eml': delay('"Delivery Status Notification (Delay)", "WARNING MESSAGE ONLY"'),
  'maildir/bsd/lhost-gmail-17.eml': delay('"Delivery Status Notification (Delay)", "WARNING MESSAGE ONLY"'),
  'maildir/bsd/lhost-opensmtpd-04.eml': delay(
    '"only a temporary failure report", "kept in the queue for up to 4 days"',
  ),
  'maildir/bsd/lhost-x1-04.eml': delay('"Warning--Could not send mail for past 8.5 hours"'),
  'maildir/bsd/lhost-zoho-04.eml': delay(
    '"THIS IS A WARNING MESSAGE ONLY", "Message will be retried for 4 more day(s)"',
  ),
  'maildir/bsd/rfc3464-34.eml': delay('"Delayed Mail (still being retried)", "WARNING ONLY"'),
  'maildir/not/rb-issue-368-bug.eml': {
    label: 'bounce',
    why: 'kept in not/ because sisimai returns no result for it (rb-sisimai#368); its text is a postmaster rejection notice ("Mailbox full")',
  },
};

function sisimai(dir: string, goClone?: string): CorpusFile {
  const expect = goClone ? sisimaiExpectations(goClone) : new Map<string, string[]>();
  const items: CorpusItem[] = [];
  for (const sub of ['maildir/bsd', 'maildir/err', 'maildir/not']) {
    const files = readdirSync(path.join(dir, sub))
      .filter((n) => n.endsWith('.eml'))
      .sort();
    for (const name of files) {
      const rel = `${sub}/${name}`;
      const stem = name.replace(/\.eml$/, '');
      const reasons = expect.get(stem) ?? [];
      const override = SISIMAI_OVERRIDES[rel];
      const label = (_root: Part, facts: DsnFacts): Label => {
        if (override) return override.label;
        if (sub === 'maildir/not') return 'human';
        if (stem.startsWith('rfc3834-') || reasons.includes('vacation')) return 'auto-reply';
        if (stem.startsWith('arf-') || reasons.includes('feedback')) return 'feedback';
        if (reasons.length && reasons.every((r) => r === 'delivered')) return 'delivered';
        return dsnLabel(facts, 'bounce');
      };
      const note = [
        reasons.length ? `sisimai: ${[...new Set(reasons)].join(',')}` : '',
        override ? `label: ${override.why}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      items.push(readMail(path.join(dir, rel), rel, label, note || undefined));
    }
  }
  return {
    repo: 'sisimai/set-of-emails',
    commit: commitOf(dir),
    license: 'BSD-2-Clause (Copyright (C) 2014, azumakuniyuki)',
    labels:
      'maildir/bsd lhost-*/rhost-*/rfc3464-* are bounces of the named MTA or provider, rfc3834-* vacation replies, arf-* feedback reports; ' +
      'maildir/err is mailbox/mbox-0 split into files (bounces: sisimai.Rise must decode it); ' +
      "maildir/not are not bounces. go-sisimai's fact/*_test.go reasons (vacation, feedback, delivered) and the RFC 3464 Action fields " +
      '(all "delayed" → delay) refine the file name.' +
      (goClone ? ` Expectations from sisimai/go-sisimai ${commitOf(goClone)}.` : ''),
    generatedBy: 'node --import tsx scripts/mail-corpus.ts sisimai <set-of-emails> <go-sisimai>',
    items,
  };
}

function talon(dir: string): CorpusFile {
  const items: CorpusItem[] = [];
  const std = 'tests/fixtures/standard_replies';
  for (const name of readdirSync(path.join(dir, std))
    .filter((n) => n.endsWith('.eml'))
    .sort()) {
    items.push(readMail(path.join(dir, std, name), `${std}/${name}`, 'human'));
  }
  const html = 'tests/fixtures/html_replies';
  for (const name of readdirSync(path.join(dir, html))
    .filter((n) => n.endsWith('.html'))
    .sort()) {
    const text = tidy(htmlToText(decodeCharset(readFileSync(path.join(dir, html, name)))));
    items.push({
      path: `${html}/${name}`,
      label: 'human',
      fromEmail: null,
      fromName: null,
      subject: null,
      text,
      threadSubject: null,
    });
  }
  return {
    repo: 'mailgun/talon',
    commit: commitOf(dir),
    license: 'Apache-2.0 (Copyright Mailgun Technologies)',
    labels:
      'tests/fixtures/standard_replies and html_replies are human replies with quoted history (talon tests extract their reply part).',
    generatedBy: 'node --import tsx scripts/mail-corpus.ts talon <talon>',
    items,
  };
}

// flanker names its samples by cause; two notices say otherwise in their own words.
const FLANKER_OVERRIDES: Record<string, { label: Label; why: string }> = {
  'delayed.eml': {
    label: 'bounce',
    why: 'final failure: "Message could not be delivered for 5 days", "Message will be deleted from queue"',
  },
  'no-mx.eml': {
    label: 'delay',
    why: 'delay warning: "THIS IS A WARNING ONLY", "It will be retried until it is 5 days ... old"',
  },
};

function flanker(dir: string): CorpusFile {
  const sub = 'tests/fixtures/messages/bounce';
  const items = readdirSync(path.join(dir, sub))
    .filter((n) => n.endsWith('.eml'))
    .sort()
    .map((name) => {
      const o = FLANKER_OVERRIDES[name];
      const label: Label = o?.label ?? (name.startsWith('delayed') ? 'delay' : 'bounce');
      return readMail(path.join(dir, sub, name), `${sub}/${name}`, label, o ? `label: ${o.why}` : undefined);
    });
  return {
    repo: 'mailgun/flanker',
    commit: commitOf(dir),
    license: 'Apache-2.0 (Copyright Mailgun Technologies)',
    labels:
      'tests/fixtures/messages/bounce: delayed*.eml are delay notices, the others bounces (file names), except where the notice says otherwise (FLANKER_OVERRIDES).',
    generatedBy: 'node --import tsx scripts/mail-corpus.ts flanker <flanker>',
    items,
  };
}

const REPLY_REPOS: Record<string, { repo: string; license: string }> = {
  email_reply_parser: { repo: 'github/email_reply_parser', license: 'MIT (Copyright (c) GitHub)' },
  'email-reply-parser': { repo: 'crisp-oss/email-reply-parser', license: 'MIT (Copyright (c) 2021 Crisp IM SAS)' },
  email_reply_trimmer: { repo: 'discourse/email_reply_trimmer', license: 'MIT (Copyright (c) Discourse)' },
};

function replies(dir: string, sub: string): CorpusFile {
  const origin = execFileSync('git', ['-C', dir, 'remote', 'get-url', 'origin'], { encoding: 'utf8' }).trim();
  const key = Object.keys(REPLY_REPOS).find((k) => origin.includes(k) || dir.includes(k));
  const meta = key ? REPLY_REPOS[key] : { repo: path.basename(dir), license: 'see repository' };
  const items: CorpusItem[] = [];
  for (const name of readdirSync(path.join(dir, sub))
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    const raw = readFileSync(path.join(dir, sub, name));
    const text = tidy(decodeCharset(raw));
    items.push({
      path: `${sub}/${name}`,
      label: 'human',
      fromEmail: null,
      fromName: null,
      subject: null,
      text,
      threadSubject: null,
    });
  }
  return {
    repo: meta.repo,
    commit: commitOf(dir),
    license: meta.license,
    labels: `${sub}/*.txt are bodies of human replies (the library's fixtures for separating the reply from quoted history).`,
    generatedBy: `node --import tsx scripts/mail-corpus.ts replies <clone> ${sub}`,
    items,
  };
}

/** discourse/email_reply_trimmer: test/emails/X.txt and the expected reply test/trimmed/X.txt. */
function trimmerPairs(dir: string) {
  const items = readdirSync(path.join(dir, 'test/emails'))
    .filter((n) => n.endsWith('.txt') && existsSync(path.join(dir, 'test/trimmed', n)))
    .sort()
    .map((n) => ({
      path: `test/emails/${n}`,
      text: tidy(decodeCharset(readFileSync(path.join(dir, 'test/emails', n)))),
      expected: tidy(decodeCharset(readFileSync(path.join(dir, 'test/trimmed', n)))),
    }));
  return {
    repo: 'discourse/email_reply_trimmer',
    commit: commitOf(dir),
    license: 'MIT (Copyright (c) Discourse)',
    labels:
      "test/trimmed/X.txt is the library's expected reply text (quote and signature removed) for test/emails/X.txt.",
    generatedBy: 'node --import tsx scripts/mail-corpus.ts trimmer-pairs <email_reply_trimmer>',
    items,
  };
}

// Held-out sources: scored locally (see test/unit/replies/classify.corpus.test.ts), not committed.
const BOUNCEPARSER_LABELS: Record<string, Label> = {
  'autoreply.msg': 'auto-reply',
  'aol-vacation.msg': 'auto-reply',
  'polish-autoreply.msg': 'auto-reply',
  'boxbe-cr.msg': 'auto-reply',
  'boxbe-cr2.msg': 'auto-reply',
  'whitelist.msg': 'auto-reply',
  'warning-6.msg': 'auto-reply',
  'bluebottle.msg': 'auto-reply',
  'warning-8.msg': 'delay',
};

function bounceparser(dir: string): CorpusFile {
  const sub = 't/corpus';
  const items = readdirSync(path.join(dir, sub))
    .filter((n) => n.endsWith('.msg'))
    .sort()
    .map((name) =>
      readMail(
        path.join(dir, sub, name),
        `${sub}/${name}`,
        (_r, facts) => BOUNCEPARSER_LABELS[name] ?? dsnLabel(facts, 'bounce'),
      ),
    );
  return {
    repo: 'rjbs/Mail-DeliveryStatus-BounceParser',
    commit: commitOf(dir),
    license: 'Perl 5 terms (Artistic 1.0 or GPL-1.0-or-later): held out, not committed',
    labels:
      't/*.t is_bounce expectations and file names (autoreply, vacation, challenge-response: boxbe, whitelist); DSN Action fields.',
    generatedBy: 'node --import tsx scripts/mail-corpus.ts bounceparser <clone>',
    items,
  };
}

// Held-out folders of bounces: every file is a bounce unless its DSN fields say otherwise or the
// table names it (read from the notice's own words: "will continue to attempt delivery" → delay).
const HELD_OUT: Record<string, { repo: string; license: string; overrides: Record<string, Label> }> = {
  'flufl.bounce': {
    repo: 'futurecolors/flufl.bounce (Mailman bounce detectors)',
    license: 'LGPL-3.0: held out, not committed',
    overrides: {
      'simple_03.txt': 'delay',
      'simple_21.txt': 'delay',
      'simple_28.txt': 'delay',
      'simple_35.txt': 'delay',
    },
  },
  'PHP-Bounce-Handler': {
    repo: 'cfortune/PHP-Bounce-Handler',
    license: 'BSD-3-Clause: held out, not committed',
    overrides: {
      '29.eml': 'delay',
      '46.eml': 'delay',
      'arf1.txt': 'feedback',
      'arf2.txt': 'feedback',
      'arf3.txt': 'feedback',
      'arf4.txt': 'feedback',
      'arf5.txt': 'feedback',
      'arf6.txt': 'feedback',
      'fbl-aol.txt': 'feedback',
      'fbl-comcast.txt': 'feedback',
      'fbl-hotmail.txt': 'feedback',
      'fbl-yahoo.txt': 'feedback',
      'hotmailbounce.txt': 'feedback',
      'unsubscribe.txt': 'human',
    },
  },
  'bounce-email': {
    repo: 'whatcould/bounce-email',
    license: 'no licence stated: held out, not committed',
    overrides: {
      'tt_1234210666.txt': 'auto-reply',
      'tt_1234211024.txt': 'auto-reply',
      'tt_1234241664.txt': 'human',
      'tt_bounce_12_soft.txt': 'delay',
      'tt_bounce_18.txt': 'delay',
      'tt_bounce_19.txt': 'delay',
    },
  },
};

function heldOut(dir: string, sub: string): CorpusFile {
  const key = Object.keys(HELD_OUT).find((k) => dir.includes(k));
  if (!key) throw new Error(`no held-out table for ${dir}`);
  const meta = HELD_OUT[key];
  const items: CorpusItem[] = [];
  for (const name of readdirSync(path.join(dir, sub)).sort()) {
    const p = path.join(dir, sub, name);
    if (statSync(p).isDirectory() || !/\.(eml|msg|txt)$/i.test(name)) continue;
    items.push(readMail(p, `${sub}/${name}`, (_r, facts) => meta.overrides[name] ?? dsnLabel(facts, 'bounce')));
  }
  return {
    repo: meta.repo,
    commit: commitOf(dir),
    license: meta.license,
    labels:
      'bounce collection: bounce unless the DSN Action fields or the notice itself say delay / feedback report / auto-reply.',
    generatedBy: `node --import tsx scripts/mail-corpus.ts held-out <clone> ${sub}`,
    items,
  };
}

function main() {
  if (!source || !clone || !existsSync(clone)) {
    console.error(
      'usage: node --import tsx scripts/mail-corpus.ts <sisimai|talon|flanker|replies|bounceparser|held-out> <clone> [arg] [--out FILE]',
    );
    process.exit(2);
  }
  if (source === 'trimmer-pairs') {
    const pairs = trimmerPairs(clone);
    const target = out ?? 'test/fixtures/mail/quote-strip--discourse--email_reply_trimmer.json';
    const { items, ...meta } = pairs;
    writeFileSync(
      target,
      JSON.stringify(meta, null, 1).replace(
        /\n\}$/,
        ',\n "items": [\n' + items.map((i) => JSON.stringify(i)).join(',\n') + '\n ]\n}\n',
      ),
    );
    console.log(`${target}: ${items.length} pairs`);
    return;
  }
  const file =
    source === 'sisimai'
      ? sisimai(clone, extra)
      : source === 'talon'
        ? talon(clone)
        : source === 'flanker'
          ? flanker(clone)
          : source === 'replies'
            ? replies(clone, extra ?? 'test/emails')
            : source === 'bounceparser'
              ? bounceparser(clone)
              : source === 'held-out'
                ? heldOut(clone, extra ?? '.')
                : null;
  if (!file) throw new Error(`unknown source ${source}`);
  const counts: Record<string, number> = {};
  for (const i of file.items) counts[i.label] = (counts[i.label] ?? 0) + 1;
  const target = out ?? path.join('test/fixtures/mail', `${file.repo.replace('/', '--')}.json`);
  mkdirSync(path.dirname(target), { recursive: true });
  // One item per line: small diffs when the corpus is regenerated or extended.
  const { items, ...meta } = file;
  const body = JSON.stringify(meta, null, 1).replace(
    /\n\}$/,
    ',\n "items": [\n' + items.map((i) => JSON.stringify(i)).join(',\n') + '\n ]\n}\n',
  );
  writeFileSync(target, body);
  console.log(`${target}: ${file.items.length} items`, counts);
}

main();
