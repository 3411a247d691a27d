// Copies of the schema's size limits (lib/schema/model.ts), and the two helpers both Gmail layers
// apply them with. The content scripts must not import model.ts: it builds zod schemas at load time
// and would put zod into the Gmail bundles (budget 40 KB). test/unit/capture/gmail/limits.test.ts asserts
// these equal the schema's values.
export const MAX_TEXT = 20_000;
export const MAX_SHORT = 1_000;

/** `s` cut to `n` characters. */
export const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

/** A plausible time of a message, ms since epoch: after 2000, before 2100 (Gmail's ids and sync
 *  payloads carry times; anything outside is not one). */
export const isMs = (x: unknown): x is number => typeof x === 'number' && x > 946684800000 && x < 4102444800000;
