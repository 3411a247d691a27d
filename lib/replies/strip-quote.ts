// A reply's own words: the text before the quoted history ("On … wrote:", "-----Original Message-----",
// Outlook's "From: / Sent:" block, "> " lines) and without the signature ("-- ", "Sent from my
// iPhone", "Best regards, Ada / CEO / +1 555…"), in the languages prospects write in. Pure and
// bounded: it looks at most MAX_CHARS characters and at most MAX_LINES lines.
//
// Checked against the fixtures of discourse/email_reply_trimmer, mailgun/talon and the
// email_reply_parser ports (test/unit/replies/strip-quote.test.ts).

export const MAX_CHARS = 20_000;
const MAX_LINES = 600;

export interface SplitReply {
  /** The reply's own text, trimmed. */
  body: string;
  /** The signature that was cut, if any. */
  signature: string | null;
  /** The quoted history that was cut, if any. */
  quote: string | null;
}

// "On Tue, 3 Feb 2016 at 15:35, Ada <ada@x.com> wrote:" in many languages, with the verb at the
// end ("wrote:"), in the middle ("Am … schrieb Ada <…>:", "Ada <…> schrieb am …:", "Op … schreef
// Ada het volgende:") or absent (Gmail in some locales: "2016-10-24 15:36 GMT+02:00 Ada <…>:").
// The header may wrap over up to three lines, so it is tested on a window of joined lines.
const QUOTE_VERB =
  /(\bwrote|\bschrieb|a écrit|a ecrit|escribió|escribio|escreveu|schreef|ha scritto|\bpisze|napisał|napisala|napisała|\bskrev|kirjoitti|napsal|пишет|написал|написала|\bпише|yazdı|írta|έγραψε|写道|寫道|書きました|님이 작성)/i;
const HEADER_END = /([:：]|\bwrote\s*-*)\s*$/i;
const HAS_EMAIL = /[^\s<>"]+@[^\s<>"]+\.[a-z]{2,}/i;
const HAS_DATE = /\d{1,2}:\d{2}|\b\d{4}\b|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|年.{0,6}月/i;
const HEADER_OPENER =
  /^\s*(-{2,}\s*)?((on|am|le|el|em|op|il|w dniu|den|dne|el día|em dia|tarihinde)\s|(в|о|на)\s|\d|\(?(mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so|lun|mar|mer|jeu|ven|sam|dim|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)[a-zа-я]*\.?,)|^\s*(在|於)/i;

const SENTENCE_END = /([\p{L}]{3,}[.!?]|[)\]][.!?]|[!?。！？])\s*$/u;

function isQuoteHeader(joined: string): boolean {
  if (joined.length > 400 || !HEADER_END.test(joined)) return false;
  if (QUOTE_VERB.test(joined)) return HEADER_OPENER.test(joined) || HAS_EMAIL.test(joined) || HAS_DATE.test(joined);
  // No verb: a date and an address ending with a colon.
  return HAS_DATE.test(joined) && HAS_EMAIL.test(joined) && /^\s*(\d|-{2,}|\(?\w{2,3}\.?,)/.test(joined);
}

const ORIGINAL_MESSAGE = new RegExp(
  '^\\s*[-_=*>\\s]*(' +
    [
      'original message',
      'original e-?mail',
      'forwarded message',
      'begin forwarded message',
      'ursprüngliche nachricht',
      'original-nachricht',
      'weitergeleitete nachricht',
      "message d'origine",
      'message original',
      'message transféré',
      'mensaje original',
      'mensaje reenviado',
      'mensagem original',
      'mensagem encaminhada',
      'oorspronkelijk bericht',
      'origineel bericht',
      'doorgestuurd bericht',
      'messaggio originale',
      'messaggio inoltrato',
      'wiadomość oryginalna',
      'oryginalna wiadomość',
      'przekazana wiadomość',
      'исходное сообщение',
      'пересылаемое сообщение',
      'оригинальное сообщение',
      'ursprungligt meddelande',
      'opprinnelig melding',
      'oprindelig meddelelse',
      'alkuperäinen viesti',
      'původní zpráva',
      '原始邮件',
      '原始郵件',
      '元のメッセージ',
      '転送メッセージ',
      'reply message',
    ].join('|') +
    ')\\s*[-_=*\\s]*$',
  'i',
);

// An Outlook-style header block: "From:" then "Sent:/Date:" or "To:" within the next lines.
const HEADER_FROM =
  /^\s*[*>\s]*(from|von|de|da|van|od|от|från|fra|lähettäjä|feladó|kimden|发件人|寄件者|差出人|보낸 사람)\s*[*]?\s*[:：]/i;
const HEADER_NEXT =
  /^\s*[*>\s]*(sent|date|to|subject|cc|gesendet|datum|an|betreff|envoyé|date d'envoi|à|objet|enviado|fecha|para|asunto|enviada|data|assunto|inviato|oggetto|a|verzonden|aan|onderwerp|wysłano|data|do|temat|отправлено|дата|кому|тема|skickat|till|ämne|sendt|til|emne|发送时间|日期|收件人|主题|送信日時|宛先|件名)\s*[*]?\s*[:：]/i;

// A line of underscores or dashes Outlook puts above the header block.
const RULE_LINE = /^\s*([_]{8,}|[-]{8,}|[=]{8,})\s*$/;

// Lines that begin a signature (the line itself is dropped with what follows).
const SIGNATURE_START = new RegExp(
  [
    '^--\\s*$',
    '^__\\s*$',
    '^\\s*(sent|envoyé|enviado|gesendet|verzonden|inviato|wysłane|wysłano|отправлено|skickat|sendt|lähetetty)\\s+(from|depuis|de|desde|von|met|via|with|da|z|из|från|fra|с)\\b.{0,80}$',
    '^\\s*(sent|envoyé) (from|de) my\\b.*$',
    '^\\s*(von|vom) meinem .{0,60}(gesendet|geschickt)\\.?\\s*$',
    '^\\s*(enviado|envié) (desde|de) mi .{0,60}$',
    '^\\s*(get|download) outlook for (ios|android).*$',
    '^\\s*\\(?sent (from|via|with|on) .{0,60}\\)?\\s*$',
    '^\\s*<<\\s*sent by .*>>\\s*$',
    '^\\s*from my (iphone|ipad|android|mobile).*$',
    '^\\s*diese nachricht wurde von meinem .*gesendet\\.?\\s*$',
    '^\\s*(從我的|从我的|寄自我的).{0,30}(傳送|发送|傳送)?\\s*$',
    '^\\s*(iphoneから送信|android から送信|androidから送信)\\s*$',
  ].join('|'),
  'i',
);

// Valedictions: a short line that closes the message. Everything after it is the signature when
// what follows is short (a name, a title, a phone number).
const VALEDICTION = new RegExp(
  '^\\s*(' +
    [
      '(best|kind|warm|warmest|many|with)? ?regards',
      'best( wishes)?',
      'all the best',
      'cheers',
      'thanks( again| so much| a lot)?',
      'thank you( again| so much)?',
      'many thanks',
      'sincerely( yours)?',
      'yours( sincerely| truly| faithfully)?',
      'talk soon',
      'br',
      'rgds',
      'thx',
      'ty',
      'mit freundlichen grüßen',
      'mit freundlichen grüssen',
      'freundliche grüße',
      'freundliche grüsse',
      'viele grüße',
      'viele grüsse',
      'beste grüße',
      'beste grüsse',
      'liebe grüße',
      'mit lieben grüßen',
      'lg',
      'vg',
      'mfg',
      'gruß',
      'gruss',
      'grüße',
      'danke( schön| dir| ihnen)?',
      'cordialement',
      'bien cordialement',
      'bien à vous',
      'bien a vous',
      'salutations( distinguées)?',
      "merci( beaucoup| d'avance)?",
      'bonne journée',
      'a bientôt',
      'à bientôt',
      'saludos( cordiales)?',
      'un saludo',
      'atentamente',
      'gracias',
      'muchas gracias',
      'un abrazo',
      'atenciosamente',
      'abraços',
      'abraço',
      'obrigad[oa]',
      'cumprimentos',
      'met vriendelijke groet(en)?',
      'vriendelijke groet(en)?',
      'groet(en|jes)?',
      'bedankt',
      'cordiali saluti',
      'distinti saluti',
      'saluti',
      'grazie( mille)?',
      'un saluto',
      'pozdrawiam( serdecznie)?',
      'z poważaniem',
      'pozdrowienia',
      'dziękuję',
      'с уважением',
      'спасибо',
      'всего доброго',
      'vänliga hälsningar',
      'med vänlig hälsning',
      'mvh',
      'hälsningar',
      'med venlig hilsen',
      'med vennlig hilsen',
      'ystävällisin terveisin',
      's pozdravem',
      'よろしくお願いします',
      'よろしくお願いいたします',
      '以上、よろしくお願いいたします',
      '此致',
      '谢谢',
      '祝好',
    ].join('|') +
    ')\\s*[,.!:;-]*\\s*$',
  'i',
);

/** How many lines after a valediction may still be a signature (name, title, company, phone…). */
const SIGNATURE_MAX_LINES = 12;

function findQuoteStart(lines: string[]): number {
  const n = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    if (ORIGINAL_MESSAGE.test(line)) return i;
    // "On … wrote:" over up to four non-blank lines (clients wrap it, some with blank lines in
    // between); a line that ends a sentence does not start a header.
    const window: string[] = [];
    for (let j = i; j < Math.min(n, i + 7) && window.length < 4; j++) {
      const l = lines[j].replace(/^\s*>+\s?/, '').trim();
      if (!l) continue;
      if (window.length && (SENTENCE_END.test(window[window.length - 1]) || window[window.length - 1].length > 200))
        break;
      window.push(l);
      // A wrapped header starts like one ("On …", "Am …", a date) or is a name and an address.
      const first = window[0];
      const headerLike =
        HEADER_OPENER.test(first) ||
        /^[^.!?:<>()]{0,60}<[^>\s]*>?\s*$/.test(first) ||
        /^\s*\S+@\S+\s*$/.test(first) ||
        (QUOTE_VERB.test(first) && HAS_EMAIL.test(first));
      if (window.length > 1 && !headerLike) break;
      if (isQuoteHeader(window.join(' '))) return i;
    }
    if (HEADER_FROM.test(line)) {
      let hits = 0;
      for (let j = i + 1; j < Math.min(n, i + 6); j++) if (HEADER_NEXT.test(lines[j])) hits++;
      if (hits >= 1) return i > 0 && RULE_LINE.test(lines[i - 1]) ? i - 1 : i;
    }
    if (RULE_LINE.test(line) && /^[_]{8,}/.test(line.trim())) {
      // Outlook's rule line above a header block that starts within the next two lines.
      for (let j = i + 1; j < Math.min(n, i + 3); j++) if (HEADER_FROM.test(lines[j])) return i;
    }
    // A block of "> " lines that runs to the end (ignoring blank lines and a signature) is history.
    if (/^\s*>/.test(line)) {
      let k = i;
      while (k < n && (/^\s*>/.test(lines[k]) || !lines[k].trim())) k++;
      if (k >= n || lines.slice(k, n).every((l) => !l.trim() || SIGNATURE_START.test(l))) return i;
    }
  }
  return -1;
}

/** The first line after a quote header at `q`, its header fields and its "> " lines. */
function skipQuotedBlock(lines: string[], q: number): number {
  let i = q + 1;
  if (HEADER_FROM.test(lines[q]) || RULE_LINE.test(lines[q])) i = q;
  else if (!ORIGINAL_MESSAGE.test(lines[q])) {
    // The rest of a wrapped "On … wrote:" header.
    for (let w = 0; w < 6 && i < lines.length && !HEADER_END.test(lines[i - 1]); w++) i++;
  }
  // "From: / Date: / Subject:" fields of a forwarded or Outlook-style header run to a blank line.
  while (i < lines.length && !lines[i].trim()) i++;
  if (i < lines.length && RULE_LINE.test(lines[i])) i++;
  if (i < lines.length && (HEADER_FROM.test(lines[i]) || HEADER_NEXT.test(lines[i]))) {
    while (i < lines.length && lines[i].trim()) i++;
  }
  while (i < lines.length && (!lines[i].trim() || /^\s*>/.test(lines[i]))) i++;
  return i;
}

function findSignatureStart(lines: string[]): number {
  for (let i = 1; i < lines.length; i++) {
    if (SIGNATURE_START.test(lines[i])) return i;
  }
  // The last valediction followed only by a short block of short lines (name, title, phone…)
  // closes the message; an earlier "Thanks!" followed by the actual request does not.
  for (let i = lines.length - 1; i >= 1; i--) {
    const line = lines[i].trim();
    if (line.length > 60 || !VALEDICTION.test(line)) continue;
    const rest = lines.slice(i + 1).filter((l) => l.trim());
    if (rest.length <= SIGNATURE_MAX_LINES && rest.every((l) => l.trim().length <= 100)) return i;
    return -1;
  }
  return -1;
}

/** Splits a reply into its own text, the signature and the quoted history. */
export function splitReply(text: string | null | undefined, depth = 0): SplitReply {
  if (!text) return { body: '', signature: null, quote: null };
  const clipped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const lines = clipped
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n', MAX_LINES);
  let quote: string | null = null;
  let own = lines;
  const q = findQuoteStart(lines);
  if (q >= 0 && lines.slice(0, q).some((l) => l.trim())) {
    quote = lines.slice(q).join('\n').trim() || null;
    own = lines.slice(0, q);
  } else if (q >= 0) {
    // The history comes first (bottom-posting, or a forward): the reply is what follows the
    // header and the quoted block.
    const after = skipQuotedBlock(lines, q);
    if (after < lines.length && depth < 3) {
      const rest = splitReply(lines.slice(after).join('\n'), depth + 1);
      if (rest.body) return { ...rest, quote: lines.slice(q, after).join('\n').trim() || null };
    }
    return { body: '', signature: null, quote: lines.slice(q).join('\n').trim() || null };
  }
  // Inline "> " lines left between the reply's own paragraphs are quotes too.
  own = own.filter((l) => !/^\s*>/.test(l));
  // Blank lines and separator rules left above the history are not part of the reply.
  while (own.length && (!own[own.length - 1].trim() || /^\s*[-_=*]{3,}\s*$/.test(own[own.length - 1]))) own.pop();
  let signature: string | null = null;
  const s = findSignatureStart(own);
  if (s > 0 && own.slice(0, s).some((l) => l.trim())) {
    signature = own.slice(s).join('\n').trim() || null;
    own = own.slice(0, s);
  }
  return { body: own.join('\n').trim(), signature, quote };
}

/** The reply's own text, without quoted history and signature. */
export const stripQuote = (text: string | null | undefined): string => splitReply(text).body;
