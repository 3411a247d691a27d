// The Gmail content scripts' copy of the schema's size limits (lib/capture/gmail/limits.ts: importing
// lib/schema/model.ts would put zod into their bundles) must equal the schema's values.
import { expect, it } from 'vitest';
import * as model from '@/lib/schema/model';
import { MAX_SHORT, MAX_TEXT } from '@/lib/capture/gmail/limits';

it('content-script limits equal the schema limits', () => {
  expect(MAX_TEXT).toBe(model.MAX_TEXT);
  expect(MAX_SHORT).toBe(model.MAX_SHORT);
});
