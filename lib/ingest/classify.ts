// Inbound classification: human reply, auto-reply (out of office, auto-acknowledgement) or bounce.
// Gmail's page and sync data do not expose Auto-Submitted or X-Autoreply headers, so only the
// sender, subject and text can be read (docs/design.md, "What the live sites do"). Rules are ordered: bounce first.
import type { Classification } from '../schema/model';

export interface ClassifyInput {
  fromEmail?: string | null;
  fromName?: string | null;
  subject?: string | null;
  text?: string | null;
}

const BOUNCE_SENDER = /^(mailer-daemon|postmaster|mail-daemon|bounce[s]?|noreply-dmarc)[@+]/i;
const BOUNCE_NAME = /mail delivery (subsystem|system)|mail delivery failure|postmaster/i;
const BOUNCE_SUBJECT = new RegExp(
  [
    'delivery status notification \\((failure|delay)\\)',
    'undeliverable',
    'undelivered mail',
    'delivery (has )?failed',
    'mail delivery failed',
    'returned mail',
    'failure notice',
    'nicht zustellbar',
    'unzustellbar',
    'non remis',
    'échec de la remise',
    'no se puede entregar',
    'no entregado',
    'não entregue',
    'onbestelbaar',
  ].join('|'),
  'i',
);
const BOUNCE_TEXT =
  /address not found|wasn't delivered|was not delivered|couldn't be delivered|could not be delivered|recipient address rejected|user unknown|mailbox unavailable|550[ -]5\.1\.1|message blocked/i;

// Subjects of automatic replies in English, German, French, Spanish, Portuguese, Dutch, Italian.
const AUTO_SUBJECT = new RegExp(
  [
    '^\\s*(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|automatic response)\\b',
    'out of (the )?office',
    '\\bOOO\\b',
    'on (annual |parental )?leave',
    'on vacation',
    'away from (the )?office',
    'abwesenheitsnotiz',
    'automatische antwort',
    'abwesend',
    'nicht im büro',
    'réponse automatique',
    'absence du bureau',
    "absent(e)? du bureau",
    'respuesta automática',
    'respuesta automatica',
    'fuera de la oficina',
    'fuera de oficina',
    'resposta automática',
    'resposta automatica',
    'ausência temporária',
    'fora do escritório',
    'automatisch antwoord',
    'afwezigheidsbericht',
    'niet op kantoor',
    'afwezig',
    'risposta automatica',
    'fuori sede',
    'fuori ufficio',
  ].join('|'),
  'i',
);
// Body phrases, checked only on short texts: long human replies quote such words too.
const AUTO_TEXT = new RegExp(
  [
    "i am (currently )?out of (the )?office",
    "i'm (currently )?out of (the )?office",
    'i am (currently )?away',
    "i'm (currently )?away",
    'i will be out of (the )?office',
    'i am on (annual |parental |maternity |paternity )?leave',
    'with limited access to (my )?e-?mail',
    'limited access to email',
    'will respond (to your (e-?mail|message) )?(as soon as possible |when i|upon my return)',
    'this is an automatic(ally generated)? (reply|response|message)',
    'ich bin (derzeit |zurzeit |bis )?(nicht im büro|abwesend|im urlaub)',
    'vielen dank für ihre (nachricht|e-?mail)\\. ich bin',
    'je suis (actuellement )?(absent|absente|en congés?)',
    "je serai de retour",
    'estoy (actualmente )?(fuera de la oficina|de vacaciones|ausente)',
    'estaré (fuera|de vuelta)',
    'estou (atualmente )?(fora do escritório|de férias|ausente)',
    'ik ben (momenteel |tot )?(afwezig|niet op kantoor|met vakantie)',
    'sono (attualmente )?(fuori ufficio|in ferie|assente)',
  ].join('|'),
  'i',
);

export function classifyInbound(input: ClassifyInput): Classification {
  const email = (input.fromEmail ?? '').trim();
  const name = input.fromName ?? '';
  const subject = input.subject ?? '';
  const text = input.text ?? '';
  if (BOUNCE_SENDER.test(email) || BOUNCE_NAME.test(name)) return 'bounce';
  if (BOUNCE_SUBJECT.test(subject) && BOUNCE_TEXT.test(text + ' ' + subject)) return 'bounce';
  if (/^delivery status notification/i.test(subject)) return 'bounce';
  if (AUTO_SUBJECT.test(subject)) return 'auto-reply';
  if (text.length < 1500 && AUTO_TEXT.test(text)) return 'auto-reply';
  return 'human';
}
