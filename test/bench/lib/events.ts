// Synthetic capture events for benchmarks: Gmail threads with follow-ups, replies,
// auto-replies, and every send seen a second time by the DOM layer.
import type { CaptureEventInput } from '../../../lib/schema/events';

export function makeEvents(n: number, start = Date.UTC(2026, 9, 1)): CaptureEventInput[] {
  const out: CaptureEventInput[] = [];
  for (let i = 0; out.length < n; i++) {
    const t = `thread-f:${1_000_000 + i}`;
    const to = { email: `prospect${i}@company${i % 700}.com`, name: `Prospect ${i}` };
    const sentAt = start + i * 60_000;
    const send = (k: number): CaptureEventInput => ({
      eventId: `e-${i}-${k}`,
      type: 'message',
      channel: 'gmail',
      layer: 'network',
      direction: 'outbound',
      kind: 'email',
      externalId: `msg-a:r-${i}-${k}`,
      threadExternalId: t,
      from: { email: 'me@seller.io' },
      to: [to],
      subject: `Idea for company ${i % 700}`,
      text: `Hi ${to.name}, step ${k}. Would a short call next week make sense?`,
      sentAt: sentAt + k * 86_400_000,
      rfcMessageId: `<m${i}.${k}@mail.gmail.com>`,
    });
    out.push(send(0), send(1));
    if (i % 3 === 0) {
      out.push({
        eventId: `e-${i}-r`,
        type: 'message',
        channel: 'gmail',
        layer: 'network',
        direction: 'inbound',
        kind: 'email',
        externalId: `msg-f:${9_000_000 + i}`,
        threadExternalId: t,
        from: to,
        to: [{ email: 'me@seller.io' }],
        subject: `Re: Idea for company ${i % 700}`,
        text: i % 9 === 0 ? 'I am out of the office until Monday.' : 'Sounds good, Tuesday?',
        sentAt: sentAt + 2 * 86_400_000,
        inReplyTo: [`<m${i}.1@mail.gmail.com>`],
      });
    }
    // The DOM layer sees every send a second time.
    out.push({ ...send(0), eventId: `e-${i}-dom`, layer: 'dom' });
  }
  return out.slice(0, n);
}
