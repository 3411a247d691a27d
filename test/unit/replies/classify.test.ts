// Rule-level pins of the inbound classifier, one per language and mail-system family. The scores
// on real mail are in classify.corpus.test.ts; these short texts only pin that each rule exists.
import { describe, expect, it } from 'vitest';
import { classifyInboundDetailed } from '@/lib/replies/classify';
import { fold } from '@/lib/text';

const classify = (input: Parameters<typeof classifyInboundDetailed>[0]) => classifyInboundDetailed(input);

describe('the class of short inbound mails', () => {
  const auto: [string, string, string][] = [
    ['en', 'Automatic reply: Quick question', 'Thanks for your email.'],
    ['en', 'Out of Office: back Monday', 'I am out of the office until Monday.'],
    ['en', 'Re: Quick question', "I'm currently out of the office with limited access to email."],
    ['de', 'Abwesenheitsnotiz: Kurze Frage', 'Ich bin bis zum 5. nicht im Büro.'],
    ['de', 'Automatische Antwort: Kurze Frage', 'Danke.'],
    ['fr', 'Réponse automatique : Petite question', 'Je suis absent du bureau.'],
    ['fr', 'Re: Petite question', 'Bonjour, je suis actuellement absente, je serai de retour lundi.'],
    ['es', 'Respuesta automática: Pregunta rápida', 'Gracias.'],
    ['es', 'Re: Pregunta', 'Estoy fuera de la oficina hasta el lunes.'],
    ['pt', 'Resposta automática: Pergunta', 'Obrigado.'],
    ['pt', 'Re: Pergunta', 'Estou fora do escritório até segunda.'],
    ['nl', 'Automatisch antwoord: Vraag', 'Bedankt.'],
    ['nl', 'Re: Vraag', 'Ik ben momenteel afwezig.'],
  ];
  it.each(auto)('auto-reply (%s): %s', (_lang, subject, text) => {
    expect(classify({ fromEmail: 'x@acme.com', subject, text }).class).toBe('auto-reply');
  });

  const bounces: [string | null, string | null, string, string][] = [
    [
      'mailer-daemon@googlemail.com',
      'Mail Delivery Subsystem',
      'Delivery Status Notification (Failure)',
      "Address not found. Your message wasn't delivered",
    ],
    ['postmaster@acme.com', null, 'Undeliverable: Quick question', 'Delivery has failed to these recipients'],
    ['noreply@acme.com', 'Mail Delivery System', 'Returned mail', 'User unknown'],
    ['bounces@x.com', null, 'Unzustellbar: Frage', 'nicht zustellbar'],
  ];
  it.each(bounces)('bounce from %s', (fromEmail, fromName, subject, text) => {
    expect(classify({ fromEmail, fromName, subject, text }).class).toBe('bounce');
  });

  it('a delay warning is a delay, not a bounce', () => {
    const input = {
      fromEmail: 'mailer-daemon@googlemail.com',
      subject: 'Delivery Status Notification (Delay)',
      text: 'Delivery to the following recipient has been delayed: ada@acme.com. WARNING MESSAGE ONLY',
    };
    expect(classify(input).class).toBe('delay');
  });

  it('keeps human replies human, even when they mention the office or a vacation', () => {
    expect(
      classify({ fromEmail: 'ada@acme.com', subject: 'Re: Quick question', text: 'Sure, Tuesday works.' }).class,
    ).toBe('human');
    expect(
      classify({
        fromEmail: 'ada@acme.com',
        subject: 'Re: Office move',
        text: 'We are moving to a new office after my vacation; happy to talk about how your product could help. '.repeat(
          20,
        ),
      }).class,
    ).toBe('human');
    expect(
      classify({
        fromEmail: 'ada@acme.com',
        subject: 'Re: Delivery options',
        text: 'What delivery options do you have?',
      }).class,
    ).toBe('human');
  });
});

describe('classifyInboundDetailed: out of office in the languages prospects write in', () => {
  const ooo: [string, string, string][] = [
    [
      'de',
      'Re: Angebot',
      'Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 14.08. im Urlaub und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an info@firma.de.',
    ],
    ['de', 'Abwesend bis 3.9.', 'Ihre E-Mail wird nicht weitergeleitet.'],
    ['pl', 'Odpowiedź automatyczna: Oferta', 'Dziękuję za wiadomość.'],
    [
      'pl',
      'Re: Oferta',
      'Dzień dobry, jestem na urlopie do 20 sierpnia. W pilnych sprawach proszę o kontakt z biuro@firma.pl.',
    ],
    ['zh', '自动回复: 合作', '您好，我正在休假，8月20日回来后回复您的邮件。'],
    ['zh', 'Re: 合作', '您好！我目前出差，期间无法及时回复邮件，紧急事务请联系张先生。'],
    [
      'fr',
      'Absence',
      "Bonjour, je suis en congés jusqu'au 25 août. En cas d'urgence, merci de contacter mon collègue.",
    ],
    ['es', 'Re: Propuesta', 'Hola, estoy de vacaciones hasta el 2 de septiembre con acceso limitado al correo.'],
    ['pt', 'Re: Proposta', 'Olá, estou de férias até dia 15. Em caso de urgência, contacte a equipa comercial.'],
    [
      'nl',
      'Afwezig',
      'Ik ben tot en met 12 augustus met vakantie. Voor dringende zaken kunt u terecht bij mijn collega.',
    ],
    ['it', 'Risposta automatica: Proposta', 'Grazie per il messaggio.'],
    ['it', 'Re: Proposta', 'Sono in ferie fino al 28 agosto. Per questioni urgenti scrivere a info@azienda.it.'],
    ['ru', 'Автоматический ответ: Предложение', 'Спасибо за письмо.'],
    ['ru', 'Re: Предложение', 'Здравствуйте! Я в отпуске до 15 августа. В срочных случаях обращайтесь к коллеге.'],
    ['ja', '自動応答: ご提案', 'ご連絡ありがとうございます。'],
    ['ja', 'Re: ご提案', '誠に勝手ながら、8月16日まで休暇をいただいております。確認次第、ご連絡いたします。'],
    ['en', 'Away until May 5', 'I am currently away returning to the office on May 5th.'],
    [
      'en',
      'AUTO: Jane Smith is out of the office (returning 05/01/2026)',
      'I will be out of the office starting 04/20/2026 and will not return until 05/01/2026.',
    ],
    [
      'en',
      'Re: Intro',
      'Thank you for your email. I am on parental leave until March. For urgent matters please contact sales@acme.com.',
    ],
  ];
  it.each(ooo)('%s: %s', (_lang, subject, text) => {
    // The thread's subject is what follows "Automatic reply:" / "Re:", or another one.
    const threadSubject = subject.includes(':') ? subject.replace(/^.*?:\s*/, '') : 'Angebot';
    const v = classify({ fromEmail: 'person@firma.example', subject, text, threadSubject });
    expect(v.class, `${subject} / ${text}`).toBe('auto-reply');
  });

  it('a reply whose subject repeats the thread subject is not an auto-reply for that reason', () => {
    const threadSubject = 'Parental leave policy';
    expect(
      classify({
        fromEmail: 'hr@acme.com',
        subject: 'Re: Parental leave policy',
        text: 'Happy to look at it, can you send the PDF?',
        threadSubject,
      }).class,
    ).toBe('human');
    expect(
      classify({
        fromEmail: 'hr@acme.com',
        subject: 'Out of office',
        text: 'Thanks for reaching out — yes, send it over.',
        threadSubject: 'Out of office coverage tool',
      }).class,
    ).toBe('auto-reply');
    expect(
      classify({
        fromEmail: 'hr@acme.com',
        subject: 'Re: Out of office coverage tool',
        text: 'Interesting, how much is it?',
        threadSubject: 'Out of office coverage tool',
      }).class,
    ).toBe('human');
    expect(
      classify({
        fromEmail: 'hr@acme.com',
        subject: 'Automatic reply: Parental leave policy',
        text: 'I am away.',
        threadSubject,
      }).class,
    ).toBe('auto-reply');
    // Without the thread's subject, a topic word on a reply's subject is not enough either.
    expect(
      classify({
        fromEmail: 'hr@acme.com',
        subject: 'Re: Urlaubsplanung 2026',
        text: 'Klingt gut, schicken Sie mir bitte die Details.',
      }).class,
    ).toBe('human');
  });

  it('a person who mentions being away in a real answer stays human', () => {
    const humans = [
      "I'm traveling this week but happy to chat next Tuesday — does 10am work?",
      'Thanks for your email. I will check with my team and get back to you.',
      'Ich bin gerade im Urlaub, aber das klingt interessant. Können wir nächste Woche telefonieren?',
      'I was out of office last week, sorry for the delay. Yes, please send the proposal.',
      'Thank you for contacting us. Unfortunately we are not interested at this time.',
    ];
    for (const text of humans)
      expect(
        classify({ fromEmail: 'ada@acme.com', subject: 'Re: Intro', text, threadSubject: 'Intro' }).class,
        text,
      ).toBe('human');
  });
});

describe('classifyInboundDetailed: acknowledgements, tickets, challenge-response, receipts', () => {
  const cases: [string, string, string, string][] = [
    [
      'ack en',
      'Thank you for contacting Acme',
      'We have received your message and one of our team members will get back to you within 24 hours.',
      'auto:acknowledgement',
    ],
    [
      'ack de',
      'Eingangsbestätigung',
      'Vielen Dank für Ihre Nachricht. Wir melden uns schnellstmöglich bei Ihnen.',
      'auto:acknowledgement',
    ],
    [
      'ack fr',
      'Re: Demande',
      'Bonjour, nous avons bien reçu votre message et nous vous répondrons dans les plus brefs délais.',
      'auto:acknowledgement',
    ],
    [
      'ticket',
      '[Ticket #48213] Re: Partnership',
      'Your request has been received and a ticket has been created. Ticket number: 48213.',
      'auto:ticket',
    ],
    [
      'ticket zendesk',
      'Re: Partnership',
      'Your request (#123456) has been received and is being reviewed by our support staff.',
      'auto:ticket',
    ],
    [
      'challenge',
      'Please verify your email',
      'I use a spam filter. To get your message delivered, please click the link below to verify that you are a human.',
      'auto:challenge',
    ],
    [
      'challenge boxbe',
      'Re: Intro',
      'Hi, Ada Lovelace is using Boxbe to manage incoming email. Your message is waiting in the Guest List.',
      'auto:challenge',
    ],
    [
      'read receipt',
      'Read: Intro',
      'Your message To: Ada Subject: Intro was read on 3/4/2026 10:00 AM.',
      'auto:receipt',
    ],
    [
      'left company',
      'Re: Intro',
      'This mailbox is no longer monitored. Please contact info@acme.com.',
      'auto:left-company',
    ],
  ];
  it.each(cases)('%s', (_n, subject, text, rule) => {
    const v = classify({ fromEmail: 'help@acme.example', subject, text, threadSubject: 'Intro' });
    expect(v.class).toBe('auto-reply');
    expect(v.rule).toBe(rule);
  });
});

describe('classifyInboundDetailed: bounces of the major mail systems and languages', () => {
  const bounces: [string, string | null, string | null, string, string][] = [
    [
      'Office 365',
      'postmaster@acme.onmicrosoft.com',
      'Microsoft Outlook',
      'Undeliverable: Intro',
      "Your message to ada@acme.com couldn't be delivered.\nada wasn't found at acme.com.\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'",
    ],
    [
      'Exchange 2003',
      'postmaster@acme.com',
      'System Administrator',
      'Undeliverable: Intro',
      'Your message did not reach some or all of the intended recipients.',
    ],
    [
      'Barracuda',
      'postmaster@barracuda.acme.com',
      null,
      'Message you sent blocked by our bulk email filter',
      'Your message to: ada@acme.com was blocked by our Spam Firewall.',
    ],
    [
      'qmail, no usual subject',
      'MAILER-DAEMON@mx.acme.com',
      null,
      'failure notice',
      "Hi. This is the qmail-send program at mx.acme.com.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.",
    ],
    [
      'Postfix, plain subject',
      'noreply@mx.acme.com',
      null,
      'Intro',
      "This is the mail system at host mx.acme.com.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<ada@acme.com>: host mx said: 550 5.1.1 User unknown",
    ],
    [
      'docomo',
      'Postmaster@docomo.ne.jp',
      null,
      'Returned mail: see transcript for details',
      '----- The following addresses had permanent fatal errors -----\n<user@docomo.ne.jp>',
    ],
    [
      'au (KDDI), Japanese subject',
      'no-reply@ezweb.ne.jp',
      null,
      'メールエラー通知',
      'Your mail sent on: Thu, 29 Apr 2026 23:45:22 +0900\n     Could not be delivered to: <user@ezweb.ne.jp>\n     As their mailbox is full.',
    ],
    [
      'mail.ru',
      'mailer-daemon@corp.mail.ru',
      'Mail Delivery System',
      'Недоставленное сообщение',
      'Сообщение не может быть доставлено получателю.',
    ],
    ['Yandex', 'mailer-daemon@yandex.ru', null, 'Недоставленное сообщение', 'Ваше сообщение не доставлено.'],
    [
      'German',
      'postmaster@firma.de',
      null,
      'Unzustellbar: Angebot',
      'Die Nachricht konnte nicht an die folgenden Empfänger zugestellt werden.',
    ],
    [
      'French',
      'postmaster@orange.fr',
      null,
      'Message non remis',
      "Votre message n'a pas pu être remis au destinataire.",
    ],
    [
      'Spanish',
      'postmaster@empresa.es',
      null,
      'No se puede entregar: Propuesta',
      'No se ha podido entregar el mensaje a los siguientes destinatarios.',
    ],
    [
      'Portuguese',
      'postmaster@empresa.com.br',
      null,
      'Não é possível entregar: Proposta',
      'Não foi possível entregar a mensagem.',
    ],
    ['Dutch', 'postmaster@bedrijf.nl', null, 'Onbestelbaar: Voorstel', 'Het bericht kon niet worden bezorgd.'],
    [
      'Italian',
      'postmaster@azienda.it',
      null,
      'Non recapitabile: Proposta',
      'Non è stato possibile recapitare il messaggio.',
    ],
    [
      'Polish',
      'postmaster@firma.pl',
      null,
      'Niedostarczalne: Oferta',
      'Wiadomość nie została dostarczona do adresata.',
    ],
    ['Chinese', 'postmaster@qq.com', null, '系统退信', '很抱歉您的邮件没能成功发送，收件人地址不存在。'],
    [
      'Japanese',
      'mailer-daemon@example.co.jp',
      null,
      '配信エラー',
      'メールを配信できませんでした。宛先が見つかりません。',
    ],
    [
      'Amazon SES',
      'MAILER-DAEMON@amazonses.com',
      null,
      'Delivery Status Notification (Failure)',
      'An error occurred while trying to deliver the mail to the following recipients:\nada@acme.com',
    ],
    [
      'Office 365 (MicrosoftExchange sender)',
      'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.com',
      'Microsoft Outlook',
      'Undeliverable: Intro',
      "Delivery has failed to these recipients or groups:\nada@acme.com\nThe email address you entered couldn't be found.",
    ],
    [
      'Gmail',
      'mailer-daemon@googlemail.com',
      'Mail Delivery Subsystem',
      'Delivery Status Notification (Failure)',
      "Address not found\nYour message wasn't delivered to ada@acme.com because the address couldn't be found.",
    ],
  ];
  it.each(bounces)('%s', (_n, fromEmail, fromName, subject, text) => {
    expect(classify({ fromEmail, fromName, subject, text }).class).toBe('bounce');
  });

  it('a delay warning is not a bounce', () => {
    const delays: [string, string, string][] = [
      [
        'mailer-daemon@googlemail.com',
        'Delivery Status Notification (Delay)',
        'Delivery to the following recipient has been delayed:\n\n     ada@acme.com\n\nMessage will be retried for 2 more day(s)',
      ],
      [
        'Mailer-Daemon@mx.acme.com',
        'Warning: message 1XyZ-0001 delayed 24 hours',
        'This message was created automatically by mail delivery software.\nA message that you sent has not yet been delivered to one or more of its recipients after more than 24 hours on the queue.\nNo action is required on your part. Delivery attempts will continue for some time.',
      ],
      [
        'postmaster@firma.de',
        'Zustellung verzögert: Angebot',
        'Die Zustellung an folgende Empfänger ist verzögert. Es wird weiterhin versucht, die Nachricht zuzustellen.',
      ],
    ];
    for (const [fromEmail, subject, text] of delays)
      expect(classify({ fromEmail, subject, text }).class, subject).toBe('delay');
  });

  it('names only the recipient that failed when the thread wrote to several', () => {
    const v = classify({
      fromEmail: 'mailer-daemon@googlemail.com',
      fromName: 'Mail Delivery Subsystem',
      subject: 'Delivery Status Notification (Failure)',
      text: "Address not found\n\nYour message wasn't delivered to bob@acme.com because the address couldn't be found.\n\n----- Original message -----\nFrom: me@sidelog.example\nTo: ada@acme.com, bob@acme.com, cy@acme.com\nSubject: Intro",
      sentTo: ['ada@acme.com', 'Bob@Acme.com', 'cy@acme.com'],
    });
    expect(v.class).toBe('bounce');
    expect(v.failedRecipients).toEqual(['bob@acme.com']);
  });

  it('returns no failed recipient when the text names none, and every named one without the thread', () => {
    expect(
      classify({
        fromEmail: 'postmaster@acme.com',
        subject: 'Undeliverable',
        text: 'This message could not be delivered.',
        sentTo: ['ada@acme.com'],
      }).failedRecipients,
    ).toEqual([]);
    expect(
      classify({
        fromEmail: 'postmaster@acme.com',
        subject: 'Undeliverable',
        text: 'Delivery has failed to these recipients or groups:\nada@acme.com\nbob@acme.com',
      }).failedRecipients,
    ).toEqual(['ada@acme.com', 'bob@acme.com']);
  });

  it('a person whose reply subject sounds like a report is read from the text', () => {
    expect(
      classify({
        fromEmail: 'ada@acme.com',
        subject: 'Re: Mail delivery failed',
        text: 'Our IT says the server rejected it, the user does not exist anymore. Try bob@acme.com.',
      }).class,
    ).toBe('human');
    expect(
      classify({
        fromEmail: 'ada@acme.com',
        subject: 'Re: Vertraging levering',
        text: 'Bedankt, we zijn geïnteresseerd.',
      }).class,
    ).toBe('human');
  });

  it('a person who writes about an undeliverable parcel is not a bounce', () => {
    expect(
      classify({
        fromEmail: 'ada@acme.com',
        subject: 'Re: Delivery failed',
        text: 'Our last delivery failed, the courier said the address does not exist. Can you resend?',
        threadSubject: 'Delivery failed',
      }).class,
    ).toBe('human');
  });
});

describe('classifyInboundDetailed: cost', () => {
  it('folds diacritics so unaccented spellings match', () => {
    expect(fold('Réponse automatique')).toBe('Reponse automatique');
    expect(
      classify({ fromEmail: 'a@b.fr', subject: 'Reponse automatique : Offre', text: 'Je suis absent.' }).class,
    ).toBe('auto-reply');
  });

  it('reads a bounded part of very long messages', () => {
    const text = 'Hello, thanks for the note. '.repeat(20_000);
    const t = performance.now();
    for (let i = 0; i < 50; i++)
      classify({ fromEmail: 'ada@acme.com', subject: 'Re: Intro', text, threadSubject: 'Intro' });
    expect((performance.now() - t) / 50).toBeLessThan(20);
  });
});
