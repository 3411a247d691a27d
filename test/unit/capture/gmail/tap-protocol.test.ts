// The messages the main-world tap posts to the content script (lib/capture/gmail/tap-protocol.ts):
// which URLs are sync calls, and which posted messages are well-formed taps.
import { describe, expect, it } from 'vitest';
import { TAP_SOURCE, validateTapMessage, syncKindOf } from '@/lib/capture/gmail/tap-protocol';

describe('tap protocol', () => {
  it('accepts only well-formed tap messages for sync paths', () => {
    expect(syncKindOf('https://mail.google.com/sync/u/0/i/s?hl=en&c=12&rt=r&pt=ji')).toBe('s');
    expect(syncKindOf('/sync/u/1/i/fd?hl=en')).toBe('fd');
    expect(syncKindOf('https://mail.google.com/sync/u/0/i/x')).toBeNull();
    expect(syncKindOf('https://evil.example/sync/u/0/i/s')).toBeNull();
    expect(
      validateTapMessage({
        source: TAP_SOURCE,
        v: 1,
        kind: 's',
        requestBody: 1,
        responseBody: null,
        status: 200,
        startedAt: 1,
      }),
    ).toBeNull();
    expect(
      validateTapMessage({
        source: 'x',
        v: 1,
        kind: 's',
        requestBody: null,
        responseBody: null,
        status: 200,
        startedAt: 1,
      }),
    ).toBeNull();
    expect(validateTapMessage('{}')).toBeNull();
  });
});
