// Gmail message HTML to the text Sidelog stores (lib/capture/gmail/html-text.ts).
import { describe, expect, it } from 'vitest';
import { htmlToText } from '@/lib/capture/gmail/html-text';

describe('html to text', () => {
  it('cuts the quoted history, keeps line breaks, decodes entities', () => {
    expect(
      htmlToText('<div dir="ltr">Hi&nbsp;there<br>second &amp; last</div><div class="gmail_quote">old</div>'),
    ).toBe('Hi there\nsecond & last');
    expect(htmlToText('<style>p{}</style><p>a</p><p>b</p>')).toBe('a\n\nb');
  });
});
