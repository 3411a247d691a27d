import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { senderChannel } from '@/lib/background/capture-handler';

describe('senderChannel (who may report captures for which site)', () => {
  const id = fakeBrowser.runtime.id;
  it('a content script speaks only for its own site', () => {
    expect(senderChannel({ id, url: 'https://mail.google.com/mail/u/0/#inbox' }, id)).toBe('gmail');
    expect(senderChannel({ id, origin: 'https://www.linkedin.com' }, id)).toBe('linkedin');
  });
  it('our own pages may send any channel', () => {
    expect(senderChannel({ id, url: fakeBrowser.runtime.getURL('/sidepanel.html') }, id)).toBe('any');
    expect(senderChannel({ id, url: 'chrome-extension://another-id/sidepanel.html' }, id)).toBeNull();
  });
  it('anyone else is refused', () => {
    expect(senderChannel({ id: 'another-extension', url: 'https://mail.google.com/' }, id)).toBeNull();
    expect(senderChannel({ id, url: 'https://evil.example/' }, id)).toBeNull();
    expect(senderChannel({ id, url: 'https://linkedin.com.evil.example/' }, id)).toBeNull();
    expect(senderChannel({ id }, id)).toBeNull();
  });
});
