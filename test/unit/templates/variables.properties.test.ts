// Properties of lib/templates/variables.ts that hold for any input, checked with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplate, resolveTemplate } from '@/lib/templates/variables';
import { value, varName, word } from '../helpers/arbitraries';

describe('variables (properties)', () => {
  it('a body without "{{" is one text segment and resolves to itself', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{{')),
        (body) => {
          const p = parseTemplate(body);
          expect(p.errors).toEqual([]);
          expect(p.segments.map((s) => (s.kind === 'text' ? s.text : '')).join('')).toBe(body);
          expect(resolveTemplate(body, {}).text).toBe(body);
        },
      ),
    );
  });

  it('with every value known, nothing is missing and no placeholder is left', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(word, { maxLength: 5 }), varName), { minLength: 1, maxLength: 8 }),
        value,
        (parts, v) => {
          const body = parts.map(([ws, name]) => `${ws.join(' ')} {{${name}}}`).join(' ');
          const values = { firstName: v, lastName: v, company: v, title: v, event: v, city: v };
          const r = resolveTemplate(body, values);
          expect(r.missing).toEqual([]);
          expect(r.text).not.toContain('{{');
        },
      ),
    );
  });
});
