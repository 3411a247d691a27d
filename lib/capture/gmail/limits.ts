// Copies of the schema's size limits (lib/schema/model.ts). The content scripts must not import
// model.ts: it builds zod schemas at load time and would put zod into the Gmail bundles (budget
// 40 KB). test/unit/gmail-dom.test.ts asserts these equal the schema's values.
export const MAX_TEXT = 20_000;
export const MAX_SHORT = 1_000;
