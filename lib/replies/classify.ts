// Inbound classification: a human reply, an automatic reply (out of office, acknowledgement,
// ticket confirmation, challenge-response, read or delivery receipt, feedback report), a bounce
// (non-delivery report) or a delay warning (delivery is still being attempted: not a bounce).
//
// Gmail's page and sync data do not expose Auto-Submitted, X-Autoreply or the delivery-status
// part's fields reliably, so only what Gmail shows is read: the sender, the subject and the text.
// Rules are general (the MTA families' and mail clients' own wording, in the languages prospects
// write in) and are scored on a labelled corpus of public mail in test/unit/replies/classify.corpus.test.ts.
//
// Runs in the service worker for every inbound message: regexes are compiled once, and the text
// is bounded (TEXT_LIMIT characters; the reply's own part for auto-reply phrases).
import { stripQuote } from './strip-quote';
import { fold } from '../text';

export type InboundClass = 'human' | 'auto-reply' | 'bounce' | 'delay';

export interface ClassifyInput {
  fromEmail?: string | null;
  fromName?: string | null;
  subject?: string | null;
  text?: string | null;
  /** The thread's own subject (what the user wrote about), to tell "Re: Parental leave" from an auto-reply. */
  threadSubject?: string | null;
  /** Addresses the user wrote to in this thread: a bounce names which of them failed. */
  sentTo?: readonly string[] | null;
}

/** Which rule decided; stable identifiers for the "classified by rule" view. */
export type ClassifyRule =
  | 'bounce:sender'
  | 'bounce:subject'
  | 'bounce:text'
  | 'bounce:provider'
  | 'delay:subject'
  | 'delay:text'
  | 'auto:subject'
  | 'auto:ooo-text'
  | 'auto:acknowledgement'
  | 'auto:ticket'
  | 'auto:challenge'
  | 'auto:left-company'
  | 'auto:receipt'
  | 'auto:report'
  | 'human';

export interface InboundVerdict {
  class: InboundClass;
  rule: ClassifyRule;
  /**
   * For a bounce or delay: the recipients the text names as failed (or delayed). When `sentTo` is
   * given, only those of its addresses the text names; empty when the text names none (the caller
   * then decides: a single-recipient thread bounced as a whole).
   */
  failedRecipients: string[];
}

/** Characters of text read for bounce and delay wording (reports put it first). */
export const TEXT_LIMIT = 8_000;
/** An auto-reply's own text is short; longer own text is read as a human reply. */
const AUTO_TEXT_MAX = 2_500;

// Text and patterns are compared without diacritics: both go through fold() (lib/text.ts).
const re = (parts: readonly string[], flags = 'i') => new RegExp(fold(parts.join('|')), flags);

// ---------------------------------------------------------------------------------------------
// Senders

// Local parts MTAs and mail systems send reports from.
const SYSTEM_LOCAL =
  /^(mailer[-_.]?daemon|mail[-_.]?daemon|maildaemon|post[-_.]?master|microsoftexchange[0-9a-f]{32}|mail[-_.]?delivery([-_.]?system)?|mail[-_.]?system|mdaemon|mailadm|mailadmin|smtp[-_.]?(gateway|service)?|bounces?|mail[-_.]?delivery[-_.]?subsystem|delivery[-_.]?(status|notification|failure)s?|nondelivery|ndr|mail[-_.]?administrator|dsn|returned[-_.]?mail)(?=$|[@+])/i;
const SYSTEM_NAME = re([
  '^mail delivery (sub)?system',
  '^mail[ .]delivery[ .]system',
  '^mail delivery (failure|service)',
  '^mailer[- ]daemon',
  '^postmaster',
  '^mail administrator',
  '^microsoft outlook$',
  '^microsoft exchange',
  '^(internet )?mail (delivery )?(system|service|subsystem|server)$',
  '^mail system error',
  '^delivery status notification',
  '^(systemadministrator|system administrator)$',
  '\\b(ndr|mail|e-?mail|smtp|postmaster) administrator$',
  '^e-?mail delivery',
  '^mailsystem',
  '^(mail|smtp) (gateway|relay)',
  '^barracuda',
  '^mimecast',
  '^proofpoint',
]);
// Services that send delivery reports from a no-reply address.
const REPORT_SENDERS = /@(sns\.amazonaws\.com|amazonses\.com|.*\.amazonses\.com)$/i;

// ---------------------------------------------------------------------------------------------
// Bounces

// Subjects of non-delivery reports, by MTA family and language.
const BOUNCE_SUBJECT = re([
  // English: Postfix, Exim, Sendmail, qmail, Exchange, Gmail, Yahoo, AOL, Domino, Courier…
  'undeliverable',
  'undelivered mail',
  'undeliverable mail',
  'non[- ]?deliver(y|able)',
  'nondeliverable',
  'delivery (status notification|notification)\\s*[:(]\\s*(failure|failed|error)',
  'delivery status notification\\s*$',
  'delivery (has )?failed',
  'delivery failure',
  'delivery problem',
  'failed delivery',
  'failure delivery',
  'failure notice',
  'mail delivery (failed|failure|error|problem)',
  'mail delivery status notification(?! \\(delay)',
  'returned mail',
  'returned to sender',
  "mail (could not|couldn't|was not) (be )?delivered",
  "message (could not|couldn't|was not) (be )?delivered",
  'message not delivered',
  'mail not delivered',
  'not delivered',
  'could not be delivered',
  'could not send( your)? message',
  'permanent (delivery )?(failure|error)',
  'mail system error',
  'error (sending|delivering) (your )?(mail|message)',
  'delivery report',
  'delivery status(?! notification \\(delay)',
  'message status - undeliverable',
  'failed mail',
  'mail failure',
  'mail error',
  'returned message',
  'see transcript for details',
  'bounced (mail|message|e-?mail)',
  'email bounce',
  'rejected:',
  'message (was )?(rejected|blocked)',
  'blocked by',
  'processing error',
  'nondelivery notification',
  'user unknown',
  'address not found',
  'unknown (user|recipient)',
  'no such user',
  // German
  'unzustellbar',
  'nicht zustellbar',
  'zustellung (fehlgeschlagen|gescheitert|nicht möglich)',
  'fehlgeschlagene zustellung',
  'unzustellbare (nachricht|e-?mail)',
  'nachricht konnte nicht zugestellt werden',
  'benachrichtigung zum (übermittlungs|zustell)status \\((fehler|fehlgeschlagen)',
  'rückläufer',
  // French
  'non remis',
  'non distribuable',
  'non délivré',
  'non livr[ée]',
  'échec de (la )?(remise|distribution|livraison)',
  'echec de (la )?(remise|distribution|livraison)',
  'impossible de (remettre|distribuer)',
  'message non (remis|délivré|distribué)',
  'avis de non[- ]remise',
  "notification d'état de (la )?(remise|distribution) \\(échec",
  // Spanish
  'no se puede entregar',
  'no se pudo entregar',
  'no entregad[oa]',
  'no se ha podido entregar',
  'error (de|en la) entrega',
  'fallo (de|en la) entrega',
  'mensaje no entregado',
  'notificación de estado de (la )?entrega \\((error|fallo)',
  'imposible entregar',
  // Portuguese
  'não (foi )?entregue',
  'nao entregue',
  'não é possível entregar',
  'não foi possível entregar',
  'falha (na|de) entrega',
  'mensagem não entregue',
  'impossível entregar',
  'notificação de status de entrega \\(falha',
  // Dutch
  'onbestelbaar',
  'niet bezorgd',
  'kan niet worden bezorgd',
  'bezorging (is )?mislukt',
  'niet afgeleverd',
  'onbezorgbaar',
  // Italian
  'non recapitabile',
  'impossibile recapitare',
  'mancato recapito',
  'non consegnat[oa]',
  'recapito non riuscito',
  'errore di recapito',
  'consegna non riuscita',
  // Polish
  'niedostarczaln[aey]',
  'nie można dostarczyć',
  'nie mozna dostarczyc',
  'niedostarczon[aey]',
  'nie (została|zostala|zostało) dostarczon',
  'błąd dostarczenia',
  'blad dostarczenia',
  'zwrot wiadomości',
  // Russian
  'не доставлен',
  'недоставленн',
  'не удалось доставить',
  'невозможно доставить',
  'ошибка доставки',
  'возврат (почты|письма)',
  'сообщение не доставлено',
  // Japanese
  '配信不能',
  '配信エラー',
  '配送エラー',
  '送信エラー',
  '配信できません',
  '配送できません',
  '送信できません',
  '送信失敗',
  '配信失敗',
  '宛先不明',
  'エラーメール',
  'エラー通知',
  'リターンメール',
  '未配信',
  '配信されませんでした',
  'お届けできませんでした',
  // Chinese
  '退信',
  '退回',
  '投递失败',
  '投遞失敗',
  '无法投递',
  '無法投遞',
  '无法送达',
  '未能送达',
  '发送失败',
  '傳送失敗',
  '邮件传输失败',
  '郵件傳送失敗',
  '邮件投递',
  '系统退信',
  '邮件传送失败',
  '无法传递',
  '無法傳遞',
  '邮件发送失败',
  // Korean, Turkish, Czech, Swedish…
  '배달 (실패|불가)',
  'teslim edilemedi',
  'nedoručitel',
  'kunde inte levereras',
  'ikke levert',
  'ei voitu toimittaa',
]);

// The human-readable part of non-delivery reports. Strong phrases only: a person rarely writes them.
const BOUNCE_TEXT = re(
  [
    // RFC 3464 fields, when a client shows the report part.
    '^[ \\t]*action:\\s*failed',
    '^[ \\t]*diagnostic-code:',
    '^[ \\t]*final-recipient:',
    'status:\\s*5\\.\\d{1,3}\\.\\d{1,3}',
    // Postfix
    'this is the mail system at host',
    'this is the postfix program at host',
    "i'm sorry to have to inform you that your message could not\\s+be delivered",
    'could not be delivered to one or more recipients',
    // Exim
    'this message was created automatically by mail delivery software',
    'a message that you sent could not be delivered to one or more of\\s+its\\s+recipients',
    'the following address(es)? failed',
    'permanent error\\. the following address',
    'message could not be delivered to some recipients',
    // Sendmail
    'the original message was received at',
    '-{3,} ?the following addresses had (permanent fatal errors|delivery errors|fatal errors)',
    '-{3,} ?transcript of session follows',
    'unable to deliver (the|your) message to the following (address|recipient)',
    // qmail, Courier, Domino, vpopmail
    'hi\\. this is the qmail-send program',
    "i'm afraid i wasn't able to deliver your message to the following addresses",
    "this is a permanent error; i've given up",
    "sorry, i couldn't find any host",
    'your message was not delivered to',
    'was not delivered to:',
    'message delivery to the following address(es)? failed',
    'courier mail server',
    "the message you sent (was not|could not be|wasn't) delivered",
    // Exchange 2003–2019, Office 365, Outlook.com
    'delivery has failed to these recipients or (groups|distribution lists)',
    "your message (to \\S+ )?(couldn't|could not|wasn't|was not) (be )?delivered",
    "your message wasn't delivered to",
    "your message can't be delivered",
    "couldn't be delivered to",
    'remote server returned',
    'diagnostic information for administrators',
    'the following recipient\\(s\\) (could not be reached|cannot be reached)',
    'could not be reached for the following reason',
    'generating server:',
    "the e-?mail address you entered couldn't be found",
    "the recipient's (e-?mail )?(address|mailbox) (was not found|is full|doesn't exist)",
    'your message did not reach some or all of the intended recipients',
    'did not reach the following recipient',
    'message (could not|cannot) be delivered because the (recipient|domain)',
    // Gmail, Google Workspace
    'address not found',
    "your message wasn't delivered to \\S+ because",
    'the email account that you tried to reach (does not exist|is disabled|is over quota)',
    'message (was )?blocked',
    'delivery to the following recipient(s)? (failed|has failed)',
    'delivery to the following recipients failed permanently',
    'we were unable to deliver your message',
    // Yahoo, AOL, mail.ru, Yandex, Amazon SES, WorkMail
    'sorry, we were unable to deliver your message to the following address',
    "this user doesn't have a \\S+ account",
    'message from yandex\\.mail',
    'this is the mail delivery agent at',
    'an error occurred while trying to deliver the mail to the following recipients',
    'the following message to <[^>]+> was undeliverable',
    'an error occurred while trying to deliver',
    'notificationtype\\\\?"\\s*:\\s*\\\\?"bounce',
    'bouncetype\\\\?"',
    'delivery failed for the following recipient',
    'could not be delivered',
    'was not delivered',
    'not be delivered',
    'undeliverable',
    'undelivered',
    'delivery (has )?failed',
    'non-?deliver',
    'see transcript',
    'transcript of session',
    'this message could not be delivered',
    // Barracuda, Mimecast, Proofpoint, McAfee, Symantec, Trend Micro
    'your message to: .* was not delivered',
    'mimecast',
    'proofpoint',
    'barracuda',
    'message (was )?rejected by',
    'has been (rejected|blocked|quarantined) (by|because)',
    'the following addresses had delivery problems',
    'delivery problems',
    // Japanese carriers (docomo, au/KDDI, SoftBank), Biglobe
    'unknown user',
    'user unknown',
    'no such user',
    'mailbox (unavailable|not found|is full|full|disabled)',
    'mailbox quota exceeded',
    'recipient address rejected',
    'unrouteable address',
    'host or domain name not found',
    'name service error',
    'relay access denied',
    'user account is (disabled|expired|unavailable)',
    'does not exist',
    'recipient not found',
    'no mailbox here by that name',
    '\\b550[ -]\\d\\.\\d\\.\\d',
    '\\b55[0-4][ -]',
    '\\b5\\.[0-7]\\.\\d{1,3}\\b',
    '#5\\.\\d\\.\\d',
    // German
    'konnte nicht (an die folgenden empfänger )?zugestellt werden',
    'nicht zugestellt werden',
    'die zustellung (an folgende empfänger )?(ist )?fehlgeschlagen',
    'unzustellbar',
    'diese nachricht wurde automatisch von der e-?mail-software erstellt',
    'empfänger (unbekannt|nicht gefunden)',
    // French
    "n'a (pas )?pu (être|etre) (remis|délivré|delivre|distribué)",
    "votre message n'a pas pu",
    'la remise (du message )?(a échoué|a echoue)',
    'échec de (la )?remise',
    'destinataire (inconnu|introuvable)',
    // Spanish
    'no se (ha )?pod(ido|ía) entregar',
    'no pudo ser entregado',
    'error en la entrega',
    'destinatario (desconocido|no existe)',
    // Portuguese
    'não (foi possível entregar|pôde ser entregue|pode ser entregue)',
    'nao foi possivel entregar',
    'destinatário (desconhecido|não existe)',
    // Dutch
    'kon niet worden (bezorgd|afgeleverd)',
    'niet (worden )?bezorgd',
    'bezorging .{0,40} mislukt',
    // Italian
    'non è stato possibile (recapitare|consegnare)',
    "non e' stato possibile (recapitare|consegnare)",
    'impossibile recapitare',
    "non (può|puo') essere recapitat",
    'destinatario (sconosciuto|inesistente)',
    // Polish
    'nie (mogła|mogla|może|moze) zostać dostarczon',
    'nie została dostarczona',
    'nie zostala dostarczona',
    'nie można dostarczyć',
    'adresat nieznany',
    // Russian
    'не может быть доставлено',
    'не (было )?доставлено',
    'не удалось доставить',
    'ваше сообщение не',
    'адресат не найден',
    'такого пользователя нет',
    // Japanese, Chinese
    '配信できませんでした',
    '送信できませんでした',
    '届きませんでした',
    '宛先が見つかりません',
    '宛先不明',
    '存在しない',
    '届けることができません',
    '送達できません',
    '无法投递',
    '無法投遞',
    '未能成功发送',
    '无法发送到',
    '退信',
    '收件人(不存在|地址不存在)',
    '用户不存在',
  ],
  'im',
);

// Headers of the returned original that a report shows below its text: a bounce carries the
// outgoing message; the text above the first such marker is the report itself.
const ORIGINAL_MARKER = re(
  [
    '^-+\\s*(original message|original-message|the original message|forwarded message|below this line is a copy of the message|this is a copy of the message|original message follows|returned message|undelivered message)',
    '^[ \\t]*(below is a copy of the original message|a copy of the original message below|your message reads)',
    '^[ \\t]*-{3,}.*(original|copy of).{0,30}(message|mail)',
    '^[ \\t]*received: (from|by) ',
    '^[ \\t]*return-path: ',
    '^[ \\t]*original message headers',
    // Two header lines of the returned message at the start of lines ("From: …\nTo: …").
    '^(message-id|subject|from|to|cc|date):[^\\n]*\\n(from|to|subject|date|message-id|cc|sent|reply-to|mime-version|content-type):',
  ],
  'im',
);

// Reports of success: the message was delivered (a receipt the sender asked for, or a relay notice).
const SUCCESS_TEXT = re([
  'delivery report that you requested',
  'delivery to the following recipients? (was successful|completed|succeeded)',
  'delivery to these recipients or groups is complete',
  'your message has been (successfully )?(delivered|relayed)',
  'was successfully (delivered|relayed)',
  'successfully (delivered|relayed) to',
  'delivery status notification \\((success|relay|delivered)',
  'notificationtype\\\\?"\\s*:\\s*\\\\?"delivery',
]);

const FAILURE_WORDS =
  /could not|couldn't|can't|cannot|not (be )?delivered|undeliver|failed|failure|rejected|unknown|does not exist|fatal|permanent|error/i;

// Phrases that only delivery reports use: enough on their own near the top of a message.
const BOUNCE_STRONG = re([
  'this is the mail system at host',
  'this is the postfix program at host',
  "i'm sorry to have to inform you that your message could not",
  'this message was created automatically by mail delivery software',
  '-{3,} ?the following addresses had (permanent fatal errors|delivery errors|fatal errors)',
  'hi\\. this is the qmail-send program',
  'delivery has failed to these recipients or (groups|distribution lists)',
  'diagnostic information for administrators',
  'could not be delivered to:\\s*<?[^\\s@<>]+@',
  'your message could not be sent\\.\\s+a transcript of the attempts',
  'message non-deliverable',
  "(^|\\n)[ \\t]*(your|the) (message|mail|e-?mail) (could not|couldn't|was not|wasn't) (be )?delivered to\\b",
  "(^|\\n)[ \\t]*votre message n'a pas pu (etre|être) (remis|delivre|délivré|distribué)",
  'requested action not taken: (no such user|mailbox unavailable)',
  'error: invalid user address',
  'message could not be delivered to mobile',
  'you are not a member of (this|the) (mailing )?list',
  'notificationtype\\\\?"\\s*:\\s*\\\\?"bounce',
]);

// ---------------------------------------------------------------------------------------------
// Delays

const DELAY_SUBJECT = re([
  'delivery status notification \\((delay|delayed|mail delivery delayed)\\)',
  'mail delivery status notification \\(delay',
  '\\bdelay(ed)? (mail|message|notification|warning)',
  '(mail|message|delivery) (has been |is )?delayed',
  'message delayed',
  'delivery (has been )?delayed',
  'delivery delay',
  '^warning:? (message|could not send|mail)',
  '^warning--',
  'warning: message .* delayed',
  'could not send (message|mail) for past',
  'still being retried',
  'delivery status notification: (delayed|warning)',
  'has not yet been delivered',
  'not yet (been )?delivered',
  'delivery warning',
  'mail delivery warning',
  'temporary (delivery )?failure',
  'retrying',
  // Other languages
  'zustellung verzögert',
  'verzögerte zustellung',
  'verzögert',
  'remise (retardée|différée)',
  'distribution (retardée|différée)',
  'retard de (remise|distribution|livraison)',
  'entrega (retrasada|demorada|atrasada|retardada)',
  'retraso en la entrega',
  'atraso na entrega',
  'vertraagd',
  'vertraging',
  'consegna (ritardata|in ritardo)',
  'ritardo (nella )?consegna',
  'opóźnion',
  'opóźnienie',
  'задерж',
  '遅延',
  '配信が遅れ',
  '延迟',
  '延遲',
  '延时',
]);

const DELAY_TEXT = re([
  'this is (just )?a warning',
  'warning message only',
  'this is a warning message only',
  'you do not need to (re-?send|take any action|do anything)',
  'no action is required on your part',
  'will (continue|keep) (to )?(try|trying|attempt|attempting)',
  'will be retried',
  'will retry',
  '(we|the server|it) will (try|attempt) (again|to deliver|to send)',
  'delivery attempts will continue',
  'still (being )?(retried|trying|attempting)',
  'has not yet been delivered',
  'message (has been|is) delayed',
  'delivery (to the following recipient(s)? )?has been delayed',
  'only a temporary (failure|problem)',
  'temporary failure report',
  'kept in the queue',
  'queued for (re)?delivery',
  'es wird (weiterhin )?versucht',
  'wird erneut versucht',
  'nous continuerons',
  'nouvelle tentative',
  'seguiremos intentando',
  'se (volverá|seguirá) (a )?intentar',
  'continuaremos tentando',
  'wordt opnieuw geprobeerd',
  'continueremo a tentare',
  'będziemy próbować',
  'попытки доставки будут продолжены',
  '再送を試み',
  '将继续尝试',
]);

// ---------------------------------------------------------------------------------------------
// Automatic replies

// Subjects that say the message is automatic, in any position of the subject (with the thread's
// own subject taken out, so "Re: Automatic reply settings" in a thread about them is not one).
const AUTO_SUBJECT_STRONG = re([
  // English (Outlook, Exchange, Notes, Sieve, Zimbra, Gmail's custom subjects)
  '\\b(automatic|auto)[- ]?(reply|response|answer|respond|notification|message)',
  '\\bautoreply\\b',
  '\\bauto-?response\\b',
  '\\bautoresponder\\b',
  '^\\s*auto\\s*:',
  'out of (the )?office (auto-?reply|reply|notice|notification|message|alert|until|till|from|through)',
  '^\\s*out of (the )?office\\b',
  '^\\s*out-of-office\\b',
  '^\\s*(ooo|oof)\\b',
  '\\bis out of (the )?office\\b',
  '\\bvacation (auto-?reply|reply|response|notice|message|notification)',
  '\\b(absence|away) (notice|notification|message|alert)',
  '^\\s*(read|read receipt|return receipt|delivered|relayed|displayed)\\s*:',
  '\\bread receipt\\b',
  'delivery status notification \\((success|relay|delivered)',
  'successful mail delivery',
  '\\bdelivery (receipt|confirmation)\\b',
  "\\b(we|i) (have |'ve )?received your",
  '\\byour (message|e-?mail|request|inquiry|enquiry|application) (has been|was|is) (received|logged|submitted)',
  '^\\s*(thank you|thanks) for (your (e-?mail|message|inquiry|enquiry|request|submission|application)|contacting|reaching out|writing)',
  '\\b(receipt|message) (confirmation|acknowledg)',
  '\\backnowledg(e)?ment of receipt',
  '\\b(request|ticket|case|inquiry|enquiry|incident) (received|created|opened|submitted|logged|#)',
  '\\[\\s*(ticket|case|request|incident|support)?\\s*#\\s*[\\w-]*\\d[\\w-]*\\s*\\]',
  '\\b(ticket|case|incident)\\s*(#|no\\.?|number|id)\\s*:?\\s*[\\w-]*\\d',
  '\\bno longer (with|at|employed|working|in use|monitored|active)\\b',
  '\\b(mailbox|inbox|address) (is )?(not monitored|unattended|no longer)',
  '\\b(please )?(verify|confirm) (your (e-?mail|message|address|identity)|that you are)',
  '\\b(sender|e-?mail|message) verification\\b',
  '\\bverification (required|request|needed)\\b',
  '\\bchallenge[- ]response\\b',
  '\\bboxbe\\b',
  '\\bspam ?arrest\\b',
  '\\bawaiting (your )?(verification|confirmation|approval)\\b',
  '\\bcomplaint about message\\b',
  '\\b(abuse|feedback|fbl) report\\b',
  '\\b(dmarc|forensic|aggregate|authentication[- ]failure)\\b.{0,20}report',
  '\\bspam ?trap',
  // German
  'automatische (antwort|rückmeldung|benachrichtigung|nachricht|e-?mail)',
  'autom\\. antwort',
  'abwesenheitsnotiz',
  'abwesenheitsmeldung',
  'abwesenheits(benachrichtigung|info|nachricht)',
  'eingangsbestätigung',
  'empfangsbestätigung',
  'lesebestätigung',
  '^\\s*gelesen\\s*:',
  'ihre (nachricht|anfrage|e-?mail|bewerbung) (ist eingegangen|wurde empfangen|haben wir erhalten|ist bei uns eingegangen)',
  'nicht mehr (im unternehmen|bei|erreichbar unter)',
  // French
  'réponse automatique',
  'reponse automatique',
  "message (d'absence|automatique)",
  'accusé de réception',
  'accuse de reception',
  '^\\s*lu\\s*:',
  'nous avons (bien )?reçu',
  'votre (message|demande|e-?mail|courriel) a (bien )?été reçu',
  // Spanish
  'respuesta automática',
  'respuesta automatica',
  'acuse de recibo',
  '^\\s*leído\\s*:',
  'hemos recibido',
  'mensaje automático',
  // Portuguese
  'resposta automática',
  'resposta automatica',
  'resposta de ausência',
  'confirmação de (leitura|recebimento|recepção)',
  '^\\s*lido\\s*:',
  'recebemos (a )?sua',
  'mensagem automática',
  // Dutch
  'automatisch (antwoord|bericht|gegenereerd)',
  'afwezigheidsbericht',
  'afwezigheidsmelding',
  'ontvangstbevestiging',
  '^\\s*gelezen\\s*:',
  'wij hebben uw',
  // Italian
  'risposta automatica',
  'messaggio automatico',
  'conferma di (lettura|ricezione|ricevimento)',
  '^\\s*letto\\s*:',
  'abbiamo ricevuto',
  // Polish
  'odpowied[źz] automatyczna',
  'automatyczna odpowied[źz]',
  'autoodpowied[źz]',
  'wiadomość automatyczna',
  'potwierdzenie (odbioru|otrzymania|przeczytania)',
  '^\\s*przeczytan[ao]\\s*:',
  'otrzymaliśmy',
  // Russian, Ukrainian
  'автоматический ответ',
  'автоответ',
  'автоматичн',
  '^\\s*прочитано\\s*:',
  'уведомление о (прочтении|получении|доставке)',
  'ваше (письмо|обращение|сообщение) (получено|принято|зарегистрировано)',
  // Japanese
  '自動(応答|返信|送信|回答|通知)',
  '不在(通知|のお知らせ|連絡)',
  '休暇のお知らせ',
  '受付(完了|確認)',
  'お問い合わせ(ありがとう|を受け付け)',
  '開封(済み|確認)',
  // Chinese
  '自动(回复|答复|应答|回覆|通知)',
  '自動(回覆|回复|答覆|應答)',
  '休假(通知|中)',
  '已读',
  '已讀',
  '已收到',
  // Swedish, Danish, Norwegian, Finnish, Czech, Hungarian, Turkish, Latvian, Romanian, Greek, Korean
  'autosvar',
  'automatiskt svar',
  'frånvaromeddelande',
  'automatisk (svar|besked)',
  'automaattinen vastaus',
  'automatická odpověď',
  'automatikus válasz',
  'otomatik (yanıt|cevap)',
  'automātiskā atbilde',
  'automatiska atbilde',
  'răspuns automat',
  'αυτόματη απάντηση',
  '자동 (응답|회신)',
]);

// Topic words of absence: an automatic reply's own subject ("Away until May 5", "Urlaub"), but
// also what people write about, so they count only on a subject that is not a reply ("Re: …").
const AUTO_SUBJECT_WEAK = re([
  'out of (the )?office',
  'out-of-office',
  '\\bOOO\\b',
  '\\bOOF\\b',
  'away from (the |my )?(office|desk|email)',
  '\\bon (annual |parental |maternity |paternity |sick |medical |holiday )?(vacation|holiday|leave)\\b',
  '\\b(vacation|holiday|absence|annual leave|parental leave|maternity leave)\\b',
  '^\\s*(away|out|off)\\b',
  '\\bcurrently (away|unavailable|out)',
  "\\bi('m| am) (away|out|off)",
  'abwesen',
  'nicht im (büro|buero|haus|hause)',
  'außer haus',
  'ausser haus',
  'urlaub',
  'elternzeit',
  '\\babsen(t|te|ce)\\b',
  'hors du bureau',
  'en congés?',
  'en vacances',
  'fuera de (la )?oficina',
  '\\bausen(cia|te)\\b',
  'de vacaciones',
  'ausência',
  'fora do escritório',
  'fora do escritorio',
  'de férias',
  'afwezig',
  'niet (op kantoor|aanwezig)',
  'met vakantie',
  'fuori (sede|ufficio)',
  '\\bassen(te|za)\\b',
  'in ferie',
  'nieobecn',
  'poza biurem',
  '\\burlop',
  'нет на месте',
  'отпуск',
  'отсутств',
  'вне офиса',
  '不在',
  '休暇',
  '外出',
  '出張',
  '休假',
  '出差',
  'frånvar',
  'fraværende',
  'ikke til stede',
  'på ferie',
  'semester',
  '\\bpoissa',
  'lomalla',
  'nepřítomn',
  'dovolen',
  'házon kívül',
  'szabadság',
  'ofis dışında',
  'izin',
  'atvaļinājum',
  'atvalinajum',
  'biroja',
  '부재',
]);

// What the reply's own text says, by kind of cue. An out-of-office note is recognised by two cues
// (absence and a return date, limited access, an urgent contact…): a person answering "I'm
// travelling, let's talk Monday" gives one.

// "I am out of the office / on holiday / travelling"
const OOO_ABSENT = re([
  "\\bi(\\s+am|'m|\\s+will\\s+be|'ll\\s+be|\\s+shall\\s+be)\\s+(currently\\s+|now\\s+|presently\\s+|unfortunately\\s+)?(out\\s+of\\s+(the\\s+)?office|away|out\\s+of\\s+the\\s+country|on\\s+(annual\\s+|parental\\s+|maternity\\s+|paternity\\s+|sick\\s+|medical\\s+|family\\s+|holiday\\s+|a\\s+|business\\s+)?(vacation|holiday|leave|break|sabbatical|trip|travel)|out\\s+(on|until|till|from|through|of)|travel+ing|off\\s+(work|until|till|on)|not\\s+in\\s+the\\s+office|unavailable|attending|at\\s+a\\s+conference)",
  '\\b(out|away) (of|from) (the |my )?office (until|till|through|from|on|and|with|today|this|all|for)\\b',
  '\\bcurrently (away|out of|on leave|unavailable|travel)',
  "\\bthank you for your (e-?mail|message|mail)[.!]?\\s+i (am|will be|'m)",
  // German
  'ich bin (derzeit |zurzeit |momentan |aktuell |gerade |leider |vom .{0,30} |bis .{0,30} )?(nicht im (büro|buero|haus|hause)|abwesend|im urlaub|außer haus|ausser haus|nicht erreichbar|in elternzeit|in mutterschutz|auf (geschäfts)?reise|dienstlich unterwegs|krank|ortsabwesend|nicht da)',
  '(bin|sind) (ich|wir) (derzeit |leider )?(nicht im büro|abwesend|im urlaub|nicht erreichbar)',
  // French
  'je suis (actuellement |présentement |en ce moment |absent[e]? )?(absente?|en congés?|en vacances|en déplacement|hors du bureau|en congé maternité|en arrêt|en formation|indisponible)',
  'je serai (absente?|en congés?|en vacances|en déplacement|hors du bureau)',
  // Spanish
  'estoy (actualmente |en este momento )?(fuera de (la )?oficina|de vacaciones|ausente|fuera|de viaje|de baja|de permiso)',
  'estaré (fuera|ausente|de vacaciones|de viaje)',
  'me encuentro (fuera|de vacaciones|ausente)',
  // Portuguese
  'estou (atualmente |no momento )?(fora do escritório|fora do escritorio|de férias|de ferias|ausente|fora|em viagem|de licença)',
  'estarei (fora|ausente|de férias)',
  'encontro-me (ausente|fora|de férias)',
  // Dutch
  'ik ben (momenteel |op dit moment |helaas )?(tot en met |t/m |tot |van )?.{0,25}(afwezig|niet op kantoor|met vakantie|op vakantie|niet aanwezig|niet bereikbaar|met verlof)',
  // Italian
  'sono (attualmente |al momento )?(fuori (ufficio|sede)|in ferie|assente|in viaggio|in congedo|in trasferta)',
  'sarò (fuori (ufficio|sede)|assente|in ferie)',
  // Polish
  'jestem (obecnie |aktualnie |teraz )?(poza biurem|na urlopie|nieobecn[ya]|na zwolnieniu|w podróży|w delegacji)',
  'będę (nieobecn[ya]|poza biurem|na urlopie)',
  // Russian
  'я (сейчас |в настоящее время |временно )?(в отпуске|нахожусь в отпуске|вне офиса|отсутствую|в командировке|на больничном)',
  // Japanese, Chinese
  '不在にしております',
  '不在(のため|です|となります|にしています)',
  '休暇(を(いただいて|取得して)|中|のため)',
  '出張(中|のため)',
  '外出(中|しております)',
  '我(正在|目前|现在|现)?(休假|出差|不在办公室|外出|请假)',
  '(休假|出差)期间',
  '本人(正在|目前)?(休假|出差)',
  // Others
  'jag är (ledig|på semester|inte på kontoret|tjänstledig|frånvarande|bortrest)',
  'jeg er (på ferie|ikke på kontoret|fraværende|syg|bortrejst)',
  'olen (lomalla|poissa)',
  'jsem (na dovolené|mimo kancelář)',
  'szabadságon vagyok',
  'izindeyim',
  'esmu atvaļinājumā',
  'esmu atvalinajuma',
  'esmu atvalinājumā',
]);

// A return date or period: "back on Monday", "until 5 May", "upon my return", "bis zum 5.8."
const OOO_RETURN = re([
  '\\b(back|return(ing)?)\\s+(in|to)\\s+(the\\s+)?office',
  '\\b(be back|return|returning|back)\\s+(on|by|from|after|in|next)\\b',
  '\\b(until|till|through|thru|from)\\s+(\\w+day|\\d|(the\\s+)?\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|tomorrow|the end|mid)',
  'upon my return',
  'until my return',
  'after my return',
  'when i (return|get back|am back)',
  "\\bi('ll| will) (be back|return)",
  // German
  '\\bbis (einschließlich |zum |am |voraussichtlich )?(\\d|\\w+tag|ende|mitte|anfang|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)',
  'ab (dem |)\\d{1,2}\\.',
  '(ab|am) \\w+tag',
  'wieder (im büro|erreichbar|für sie da|zurück|da|verfügbar)',
  'nach meiner rückkehr',
  // French
  'de retour (le|au bureau|à partir|lundi|mardi|mercredi|jeudi|vendredi|dès)',
  "jusqu'(au|à) ",
  'je reviendrai',
  'à mon retour',
  'dès mon retour',
  // Spanish
  '(regresaré|volveré|me reincorporaré|estaré de vuelta|estaré de regreso)',
  'hasta el (\\d|\\w+)',
  'hasta (mañana|el lunes|el martes|el miércoles|el jueves|el viernes|\\d)',
  'a mi regreso',
  // Portuguese
  '(retornarei|voltarei|regressarei|estarei de volta)',
  'até (o dia|dia|\\d|amanhã|segunda|terça|quarta|quinta|sexta|sábado|domingo)',
  'no meu retorno',
  'ao meu regresso',
  // Dutch
  '(vanaf|per|op) .{0,30}(ben ik )?weer (aanwezig|bereikbaar|op kantoor|terug)',
  '\\b(tot en met|t/m|tot) (\\d|maandag|dinsdag|woensdag|donderdag|vrijdag)',
  'na (mijn|terugkomst)',
  // Italian
  'rientrerò',
  'sarò di ritorno',
  'al mio rientro',
  'fino al (\\d|\\w+)',
  // Polish
  '(wracam|powrócę|wrócę)',
  'po (moim )?powrocie',
  '\\bdo (dnia )?\\d',
  // Russian
  '(буду|вернусь) (в офисе |на работе |на связи )?(с|после|\\d)',
  '\\bдо \\d',
  // Japanese, Chinese
  'まで(不在|休暇|出張)',
  '\\d+日まで',
  '\\d+月\\d+日(より|から|以降)',
  '回来后',
  '返回后',
  '\\d+月\\d+日(回来|返回|上班)',
  // Others
  'tillbaka (den|på)',
  'tilbage (den|på)',
  'tagasi',
  'atpakaļ',
  'back on',
]);

// An absence that has not started yet ("I'm on leave from next week"): a person telling the
// sender, not an automatic reply sent during the absence.
const FUTURE_ABSENCE = re([
  '\\b(from|starting|beginning|as of) (next (week|month|monday|tuesday|wednesday|thursday|friday)|tomorrow|monday|tuesday|wednesday|thursday|friday)',
  '\\bab (nächster woche|morgen|montag|dienstag|mittwoch|donnerstag|freitag)',
  'à partir de (la semaine prochaine|demain|lundi|mardi|mercredi|jeudi|vendredi)',
  'a partir de (la (semana|semana) (que viene|próxima)|mañana|el lunes)',
]);

// "Limited access to email", "no access"
const OOO_ACCESS = re([
  'limited (access|connectivity|internet|e-?mail)',
  '(with )?(limited|no|intermittent|sporadic|restricted) (access|e-?mail access|internet)',
  'not (be )?(able to )?(check|access|read|respond to) (my )?e-?mails?',
  'unable to (respond|reply|check)',
  'accès limité',
  "je n'aurai (pas|qu'un) accès",
  'keinen (zugriff|zugang) (auf|zu)',
  'eingeschränkte(m|n)? (zugriff|zugang|erreichbarkeit)',
  'keine e-?mails? (lesen|abrufen)',
  'acceso limitado',
  'sin acceso',
  'acesso limitado',
  'sem acesso',
  'beperkte toegang',
  'geen toegang',
  'accesso limitato',
  'senza accesso',
  'ograniczony dostęp',
  'bez dostępu',
  'ограниченный доступ',
  'без доступа',
  'メールを確認できません',
  '无法(及时)?(查看|回复)',
]);

// "For urgent matters, please contact …", "Ihre E-Mail wird nicht weitergeleitet"
const OOO_URGENT = re([
  'for (urgent|immediate|pressing) (matters|assistance|requests|inquiries|enquiries|issues|questions|needs|news matters)',
  'in (case of|an) (urgency|emergency|urgent)',
  "if (this is |your (matter|request|message|inquiry) is |it is |it's )?(urgent|time[- ]sensitive)",
  'if you need (immediate|urgent) (assistance|help|support)',
  'please contact (my colleague|our|the|\\S+@)',
  'will not be forwarded',
  'in dringenden (fällen|angelegenheiten)',
  'bei dringenden (anliegen|fragen|angelegenheiten)',
  'ihre (e-?mail|nachricht) wird nicht weitergeleitet',
  'wenden sie sich (bitte )?an',
  "en cas d'urgence",
  'pour toute (urgence|demande urgente)',
  'en caso de urgencia',
  'para (asuntos|temas|cuestiones) urgentes',
  'em caso de urgência',
  'para assuntos urgentes',
  'in dringende gevallen',
  'voor dringende zaken',
  'in caso di urgenza',
  'per (questioni|richieste) urgenti',
  'w (pilnych|nagłych) (sprawach|przypadkach)',
  'в срочных случаях',
  'по срочным вопросам',
  '(急ぎ|緊急)の',
  '(紧急|緊急)(事务|事宜|情况|事項)',
]);

// "I will respond upon my return / as soon as possible"
const OOO_RESPOND = re([
  "i('ll| will) (respond|reply|answer|get back)[^.\\n]{0,60}\\b(on my return|upon my return|when i (return|get back|am back)|as soon as (possible|i can|i return|i am back)|after my return)",
  'will (respond|reply|answer) (to (your|all) (e-?mail|message)s? )?(as soon as|upon|when|after|on my)',
  'ich werde (ihre|deine) (nachricht|e-?mail|anfrage) .{0,40}(beantworten|bearbeiten)',
  'je (vous )?répondrai (à votre (message|e-?mail|courriel) )?(dès|à mon)',
  '(le|les) (responderé|contestaré)',
  'responderei',
  'ik (zal|beantwoord)',
  'risponderò',
  'odpowiem',
  'отвечу',
  '(返信|回答|ご連絡)(いたします|させていただきます)',
  '(尽快|会尽快|将尽快)(回复|答复|处理)',
]);

// Explicitly automatic: "This is an automatic reply", "Do not reply to this message"
const AUTO_MARK = re([
  'this is an? auto(matic(ally generated)?|mated)?[- ]?(reply|response|message|notification|acknowledg|generated)',
  'auto-?generated (message|e-?mail|reply|response)',
  'this (e-?mail|message|reply|response) (was|is|has been) (sent |generated |created )?automatically',
  'this is an automatically generated (message|e-?mail|notification|reply|response)',
  "(do not|don't|please do not) reply to this (e-?mail|message|address)",
  'this is an automated',
  'diese (e-?mail|nachricht) wurde automatisch',
  'automatisch (generiert|erstellt|versandt|versendet)',
  'dies ist eine automatische',
  'ceci est (un message|une réponse) automatique',
  'message (généré|envoyé) automatiquement',
  'esta es una respuesta automática',
  'este (es un )?mensaje (ha sido )?(generado|enviado) automáticamente',
  'esta é uma (resposta|mensagem) automática',
  'dit is een automatisch',
  'automatisch gegenereerd',
  'questo è un messaggio automatico',
  'messaggio generato automaticamente',
  'wiadomość (została )?wygenerowana automatycznie',
  'odpowiedź automatyczna',
  'это автоматическ',
  'сообщение (создано|отправлено) автоматически',
  '自動(送信|返信|応答)(メール|されて)',
  '本メールは(自動|送信専用)',
  '(此|这)(邮件|信息|消息)(为|是)?(系统)?自动',
  '自动回复',
  '自動回覆',
]);

// "We have received your message", "your request has been received"
const ACK = re([
  "\\bwe(\\s+have|'ve)?\\s+(successfully\\s+|duly\\s+)?received\\s+your\\s+(e-?mail|message|mail|request|inquiry|enquiry|application|submission|query)",
  '\\byour\\s+(e-?mail|message|request|inquiry|enquiry|ticket|query|submission|application)\\s*(\\([^)]{0,40}\\)\\s*)?(has\\s+been|was|is)\\s+(successfully\\s+)?(received|logged|created|assigned|submitted|registered)',
  '\\bthis is to (confirm|acknowledge) (that )?(we|receipt)',
  'acknowledg(e|ing) (the )?receipt of your',
  'wir haben ihre (nachricht|anfrage|e-?mail|bewerbung) erhalten',
  'ihre (nachricht|anfrage|e-?mail) ist (bei uns )?eingegangen',
  'vielen dank für ihre (nachricht|anfrage|e-?mail)[.!,]? (wir|ihre)',
  'nous avons (bien )?reçu votre',
  'votre (message|e-?mail|courriel|demande) a (bien )?été (reçu|reçue|enregistré)',
  'hemos recibido (su|tu) (mensaje|correo|solicitud|consulta)',
  '(su|tu) (mensaje|correo|solicitud) (ha sido|fue) recibid',
  'recebemos (a )?sua (mensagem|solicitação|e-?mail|consulta)',
  'sua (mensagem|solicitação) foi recebida',
  'wij hebben uw (bericht|e-?mail|aanvraag|vraag) (in goede orde )?ontvangen',
  'abbiamo ricevuto (il tuo|la sua|la tua|il suo)',
  'otrzymaliśmy (twoją|państwa|pana|pani) (wiadomość|wiadomosc|zapytanie)',
  'ваше (письмо|сообщение|обращение) (получено|принято|зарегистрировано)',
  'мы получили ваше',
  '(お問い合わせ|メール|ご連絡)(を|は)?(受け付けました|受付いたしました|受信いたしました)',
  '已收到(您|你)的(邮件|来信|信息|消息|询问)',
]);

// "We will get back to you within 24 hours", "a member of our team will…"
const ACK_PROMISE = re([
  "\\b(we|our team|one of our|a member of our|someone from our|our (support|sales|customer)\\s*\\w*)\\s+(will|'ll|shall)\\s+(get back|respond|reply|be in touch|contact|answer|review)",
  'within (\\d+|one|two|three|a few|24|48|72) (business |working )?(hours|days|h\\b)',
  'as soon as (possible|we can)',
  'wir (werden|melden) uns',
  'nous (vous )?(répondrons|reviendrons)',
  '(nos|le) pondremos en contacto',
  'responderemos',
  'entraremos em contato',
  'wij nemen .{0,20}contact',
  'vi risponderemo',
  'skontaktujemy się',
  'мы (свяжемся|ответим)',
  '(担当者|確認次第)',
  '(我们|我們)(将|會|会)(尽快|盡快)',
]);

// "Ticket #1234", "case number: 00012345", "[Request ID: ##123##]"
const TICKET = re([
  '\\b(ticket|case|request|incident|reference|tracking|inquiry)\\s*\\(?\\s*(#|number|no\\.?|id|nr\\.?|num)\\s*[:#]?\\s*#?\\s*[a-z-]*\\d{3,}',
  '\\[\\s*(#|ticket|case)\\s*:?\\s*#?\\s*\\w*\\d{3,}\\s*\\]',
  '##\\d+##',
  '(ticketnummer|vorgangsnummer|référence|numéro de (ticket|dossier)|número de (ticket|caso|solicitud)|ticketnummer|numero di (ticket|richiesta)|numer zgłoszenia|номер (заявки|обращения))',
]);

// Challenge-response and sender verification.
const CHALLENGE = re([
  '(verify|confirm|prove|show) (that )?you are (a )?(human|real person|person|not a (robot|spammer|machine))',
  'i (use|am using) (a |an )?(spam|challenge|anti-?spam|whitelist)',
  'protected by (boxbe|spamarrest|mailmate|sanebox|a challenge)',
  '\\bboxbe\\b',
  '\\bspam ?arrest\\b',
  '(your )?(e-?mail|message) (is|has been|was) (held|pending|on hold|waiting|queued|quarantined)[^.\\n]{0,80}(verif|confirm|approv|until|click)',
  '(approved|accepted|allowed|safe) senders? list',
  'guest list',
  'click (on )?the (link|button) below to (verify|confirm|deliver|release|approve)',
  'to (complete|ensure) (the )?delivery of your (message|e-?mail)',
  'sender verification',
  'one-time verification',
  '(bestätigen|verifizieren) sie,? dass sie (ein )?mensch',
  'confirmez que vous (êtes|etes) (un )?(humain|une personne)',
  'confirme que (eres|es) (un )?humano',
]);

// The address no longer reaches anyone.
const LEFT = re([
  'this (e-?mail |mail )?(mailbox|inbox|e-?mail address|address|account)( \\S+@\\S+)? is (no longer|not) (being )?(monitored|in use|active|checked|used|read|valid)',
  'this (e-?mail |mail )?(mailbox|inbox|e-?mail address|address|account)( \\S+@\\S+)? (has been|was) (deactivated|disabled|closed)',
  '(mailbox|inbox|address|account|e-?mail)[^.\\n]{0,30}no longer (in use|monitored|active|being monitored|being read)',
  '(diese|dieses) (e-?mail-?adresse|postfach|adresse) (ist nicht mehr|wird nicht mehr)',
  "cette (adresse|boîte) (n'est plus|ne sera plus)",
  'esta (dirección|cuenta|casilla) ya no',
  'este (endereço|e-?mail) (não é mais|já não)',
  'dit (e-?mail)?adres (is niet meer|wordt niet meer)',
  'questo indirizzo (non è più|non viene più)',
  'ten adres (nie jest już|jest nieaktywny)',
  'этот (адрес|ящик) (больше не|не используется)',
]);
const LEFT_PERSON = re([
  '(is )?no longer (with|at|employed (by|at)|working (for|at)|part of) ',
  'has (left|departed) (the company|our (company|organi[sz]ation|firm|team|office))',
  'nicht mehr (im unternehmen|bei uns|für .{0,30} tätig)',
  '(hat|habe) (das unternehmen|uns) verlassen',
  'ne fait plus partie',
  "n'est plus (en poste|chez|au sein|dans)",
  "a quitté (la société|l'entreprise|notre)",
  'ya no (trabaja|forma parte)',
  'não (trabalha|faz parte) mais',
  'niet (meer )?werkzaam',
  'non (lavora|fa) più',
  'nie pracuje już',
  'больше не работает',
  '退職いたしました',
  '已离职',
]);

// Receipts and reports generated by a mail system for the sender.
const RECEIPT_TEXT = re([
  'was read on',
  'your message (to .{1,80} )?was (read|displayed)',
  'has been displayed on the recipient',
  'this is a (read|return) receipt',
  'this is an? (e-?mail )?(abuse|feedback) report',
  'this is an? [\\w/ -]{0,40}report for an? (e-?mail )?message',
  'email feedback report',
  '\\bfeedback-type:',
  'complaint (about|regarding) (a )?message',
  'sent this (e-?mail|message) to unsubscribe',
  'notificationtype\\\\?"\\s*:\\s*\\\\?"(delivery|complaint)',
  'wurde (am .{0,40} )?gelesen',
  'a été lu le',
  'fue leído',
  'foi lido',
  'is gelezen op',
  'è stato letto',
  'został przeczytany',
  'было прочитано',
]);
// ---------------------------------------------------------------------------------------------

const REPLY_PREFIX = re([
  '^\\s*((re|aw|antw|fwd?|fw|wg|tr|rv|sv|vs|ref|réf|odp|отв|回复|回覆|答复|返信)\\s*(\\[\\d+\\])?\\s*[:：]\\s*)+',
]);
const ADDRESS = /[a-z0-9._%+'=-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The subject with the thread's own subject taken out ("Automatic reply: Q3 plans" → "Automatic reply:"). */
function subjectResidue(subject: string, threadSubject: string | null | undefined): string {
  const s = norm(subject);
  const t = threadSubject ? norm(threadSubject.replace(REPLY_PREFIX, '')) : '';
  if (t.length >= 3) {
    const i = s.indexOf(t);
    if (i >= 0) return (s.slice(0, i) + ' ' + s.slice(i + t.length)).trim();
  }
  return s;
}

function isSystemSender(email: string, name: string): boolean {
  const local = email.trim().replace(/^<|>$/g, '');
  if (!local || local === '<>') return /mail|deliver|daemon|postmaster|system/i.test(name);
  return SYSTEM_LOCAL.test(local) || SYSTEM_NAME.test(name.trim());
}

/** The report's own text: what comes before the returned original message. */
function reportPart(text: string): string {
  const m = ORIGINAL_MARKER.exec(text);
  return m && m.index > 40 ? text.slice(0, m.index) : text;
}

function failedAddresses(report: string, sentTo: readonly string[] | null | undefined, skip: string): string[] {
  const found = new Set<string>();
  for (const m of report.matchAll(ADDRESS)) found.add(m[0].toLowerCase().replace(/^[.'=-]+|[.'=-]+$/g, ''));
  if (sentTo && sentTo.length)
    return [...new Set(sentTo.map((a) => a.trim().toLowerCase()))].filter((a) => found.has(a));
  // Without the thread's recipients: every address the report names but its own system addresses.
  return [...found].filter(
    (a) => a !== skip && !/^(mailer[-_]?daemon|postmaster|mail[-_]?daemon|no-?reply|abuse)@/.test(a),
  );
}

const verdict = (cls: InboundClass, rule: ClassifyRule, failedRecipients: string[] = []): InboundVerdict => ({
  class: cls,
  rule,
  failedRecipients,
});

/** Which kind of automatic reply the reply's own text is, or null for a human reply. */
export function autoReplyKind(own: string, subjectCue: 'strong' | 'weak' | null): ClassifyRule | null {
  if (!own.trim()) return subjectCue ? 'auto:subject' : null;
  if (CHALLENGE.test(own)) return 'auto:challenge';
  if (RECEIPT_TEXT.test(own)) return 'auto:receipt';
  if (LEFT.test(own)) return 'auto:left-company';
  const mark = AUTO_MARK.test(own);
  const ack = ACK.test(own);
  const promise = ACK_PROMISE.test(own);
  const ticket = TICKET.test(own);
  const absent = OOO_ABSENT.test(own);
  const future = FUTURE_ABSENCE.test(own);
  const cues = [absent, OOO_RETURN.test(own), OOO_ACCESS.test(own), OOO_URGENT.test(own), OOO_RESPOND.test(own)].filter(
    Boolean,
  ).length;
  if (absent && future && !mark && !subjectCue && !OOO_URGENT.test(own) && !OOO_ACCESS.test(own)) return null;
  if (absent && (cues >= 2 || mark || subjectCue)) return 'auto:ooo-text';
  // A note that only says "I am out of the office until …" and asks nothing.
  if (absent && own.length <= 160 && !own.includes('?')) return 'auto:ooo-text';
  if (ticket && (ack || promise || mark)) return 'auto:ticket';
  if (ack && (promise || mark || subjectCue)) return 'auto:acknowledgement';
  if (LEFT_PERSON.test(own) && (mark || subjectCue === 'strong')) return 'auto:left-company';
  if (cues >= 3 || (cues >= 2 && (mark || subjectCue))) return 'auto:ooo-text';
  if (mark) return ack || promise ? 'auto:acknowledgement' : 'auto:ooo-text';
  // A subject that says "automatic reply" decides on its own; an absence topic needs one cue.
  if (subjectCue === 'strong') return 'auto:subject';
  if (subjectCue === 'weak' && (cues >= 1 || ack || promise || LEFT_PERSON.test(own))) return 'auto:subject';
  return null;
}

/** Classifies an inbound message and says which rule decided. */
export function classifyInboundDetailed(input: ClassifyInput): InboundVerdict {
  const email = (input.fromEmail ?? '').trim().toLowerCase();
  const name = fold((input.fromName ?? '').trim());
  const subject = fold((input.subject ?? '').trim());
  const fullText = input.text ?? '';
  const text = fold(fullText.length > TEXT_LIMIT ? fullText.slice(0, TEXT_LIMIT) : fullText);
  const system = isSystemSender(email, name);
  const residue = subjectResidue(subject, input.threadSubject ? fold(input.threadSubject) : null);
  // A person's reply ("Re: Delivery failed on order 123") is read as a report only from its text.
  const personReply = !system && REPLY_PREFIX.test(subject);
  const bounceSubject = !personReply && BOUNCE_SUBJECT.test(residue);
  const delaySubject = !personReply && DELAY_SUBJECT.test(residue);
  const report = system || bounceSubject || delaySubject ? reportPart(text) : '';
  const failed = (from: string) => failedAddresses(from, input.sentTo, email);

  // Delay warnings first: they come from the same senders and share much wording with bounces.
  if (delaySubject && (system || DELAY_TEXT.test(report) || BOUNCE_TEXT.test(report))) {
    return verdict('delay', 'delay:subject', failed(report));
  }
  if (system && DELAY_TEXT.test(report) && !bounceSubject) return verdict('delay', 'delay:text', failed(report));

  // Reports that are not failures: delivery and read receipts, feedback (abuse) reports.
  if (
    (system || REPORT_SENDERS.test(email)) &&
    SUCCESS_TEXT.test(report || text) &&
    !FAILURE_WORDS.test(report || text)
  ) {
    return verdict('auto-reply', 'auto:receipt');
  }
  if (system && !bounceSubject && !BOUNCE_TEXT.test(report)) {
    if (AUTO_SUBJECT_STRONG.test(residue) || RECEIPT_TEXT.test(report)) return verdict('auto-reply', 'auto:report');
  }

  if (system) return verdict('bounce', 'bounce:sender', failed(report));
  if (bounceSubject && (BOUNCE_TEXT.test(report) || !fullText.trim()))
    return verdict('bounce', 'bounce:subject', failed(report));
  if (REPORT_SENDERS.test(email)) {
    if (/notificationtype\\?"\s*:\s*\\?"bounce/i.test(text)) return verdict('bounce', 'bounce:provider', failed(text));
    return verdict('auto-reply', 'auto:report');
  }
  // Wording only delivery reports use, near the top, whatever the sender and subject.
  const head = text.slice(0, 3000);
  if (BOUNCE_STRONG.test(head)) {
    if (DELAY_TEXT.test(head)) return verdict('delay', 'delay:text', failed(reportPart(text)));
    return verdict('bounce', 'bounce:text', failed(reportPart(text)));
  }

  // Automatic replies: the subject (with the thread's own subject taken out; absence topics only
  // on a subject that is not a reply), then the reply's own text without quotes and signature.
  const isReply = REPLY_PREFIX.test(subject);
  const subjectCue = AUTO_SUBJECT_STRONG.test(residue)
    ? 'strong'
    : !isReply && AUTO_SUBJECT_WEAK.test(residue)
      ? 'weak'
      : null;
  const own = stripQuote(text);
  if (own.length <= AUTO_TEXT_MAX || subjectCue === 'strong') {
    const kind = autoReplyKind(own.slice(0, AUTO_TEXT_MAX), subjectCue);
    if (kind) return verdict('auto-reply', kind === 'auto:subject' && subjectCue ? subjectKind(residue) : kind);
  }

  // A bounce from a sender the rules do not know, with a report's wording and a report's subject.
  if (bounceSubject && BOUNCE_TEXT.test(text)) return verdict('bounce', 'bounce:text', failed(reportPart(text)));
  return verdict('human', 'human');
}

/** The kind a subject names ("Read:", "[Ticket #123]", "Automatic reply:"…). */
const SUBJECT_RECEIPT = re([
  '^\\s*(read|gelesen|lu|leído|lido|gelezen|letto|przeczytan[ao]|прочитано|delivered|relayed|displayed)\\s*:',
  'read receipt|return receipt|delivery (receipt|confirmation)|lesebestätigung|confirmação de leitura|conferma di lettura|potwierdzenie przeczytania|уведомление о прочтении|開封|已读|已讀',
]);
const SUBJECT_REPORT = re(['abuse|feedback|complaint|report|spam ?trap']);
const SUBJECT_CHALLENGE = re(['verif|confirm|challenge|boxbe|spam ?arrest|approv']);
const SUBJECT_TICKET = re(['ticket|case|incident|\\[\\s*#|#\\s*\\d']);
const SUBJECT_ACK = re([
  'received|receipt|acknowledg|eingegangen|bestätigung|reçu|accusé|recibido|acuse|recebemos|confirmação|ontvang|ricevuto|conferma|otrzyma|potwierdzenie|получ|уведомление|受付|收到',
]);
const SUBJECT_LEFT = re(['no longer|nicht mehr|monitored']);

/** The kind a subject names ("Read:", "[Ticket #123]", "Automatic reply:"…). */
function subjectKind(residue: string): ClassifyRule {
  if (SUBJECT_RECEIPT.test(residue)) return 'auto:receipt';
  if (SUBJECT_REPORT.test(residue)) return 'auto:report';
  if (SUBJECT_CHALLENGE.test(residue)) return 'auto:challenge';
  if (SUBJECT_TICKET.test(residue)) return 'auto:ticket';
  if (SUBJECT_ACK.test(residue)) return 'auto:acknowledgement';
  if (SUBJECT_LEFT.test(residue)) return 'auto:left-company';
  return 'auto:subject';
}
