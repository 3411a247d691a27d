import { describe, expect, it } from 'vitest';
import { classifyInbound } from '@/lib/ingest/classify';

describe('classifyInbound', () => {
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
    expect(classifyInbound({ fromEmail: 'x@acme.com', subject, text })).toBe('auto-reply');
  });

  const bounces: [string | null, string | null, string, string][] = [
    ['mailer-daemon@googlemail.com', 'Mail Delivery Subsystem', 'Delivery Status Notification (Failure)', "Address not found. Your message wasn't delivered"],
    ['postmaster@acme.com', null, 'Undeliverable: Quick question', 'Delivery has failed to these recipients'],
    ['noreply@acme.com', 'Mail Delivery System', 'Returned mail', 'User unknown'],
    ['bounces@x.com', null, 'Unzustellbar: Frage', 'nicht zustellbar'],
  ];
  it.each(bounces)('bounce from %s', (fromEmail, fromName, subject, text) => {
    expect(classifyInbound({ fromEmail, fromName, subject, text })).toBe('bounce');
  });

  it('keeps human replies human, even when they mention the office or a vacation', () => {
    expect(classifyInbound({ fromEmail: 'ada@acme.com', subject: 'Re: Quick question', text: 'Sure, Tuesday works.' })).toBe('human');
    expect(
      classifyInbound({
        fromEmail: 'ada@acme.com',
        subject: 'Re: Office move',
        text: 'We are moving to a new office after my vacation; happy to talk about how your product could help. '.repeat(20),
      }),
    ).toBe('human');
    expect(classifyInbound({ fromEmail: 'ada@acme.com', subject: 'Re: Delivery options', text: 'What delivery options do you have?' })).toBe('human');
  });
});
