// Properties that hold for any input, checked with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector } from '@/lib/templates/detect';
import { parseTemplate, resolveTemplate } from '@/lib/templates/variables';
import type { Template } from '@/lib/schema/model';

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ][a-zà-ÿ'-]{0,11}$/);
const value = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const varName = fc.constantFrom('firstName', 'lastName', 'company', 'title', 'event', 'city');

describe('variables (properties)', () => {
  it('a body without "{{" is one text segment and resolves to itself', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('{{')), (body) => {
        const p = parseTemplate(body);
        expect(p.errors).toEqual([]);
        expect(p.segments.map((s) => (s.kind === 'text' ? s.text : '')).join('')).toBe(body);
        expect(resolveTemplate(body, {}).text).toBe(body);
      }),
    );
  });

  it('with every value known, nothing is missing and no placeholder is left', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(word, { maxLength: 5 }), varName), { minLength: 1, maxLength: 8 }), value, (parts, v) => {
        const body = parts.map(([ws, name]) => `${ws.join(' ')} {{${name}}}`).join(' ');
        const values = { firstName: v, lastName: v, company: v, title: v, event: v, city: v };
        const r = resolveTemplate(body, values);
        expect(r.missing).toEqual([]);
        expect(r.text).not.toContain('{{');
      }),
    );
  });
});

// Realistic template: enough literal words that a variable's value cannot dominate the message.
const sentence = fc.array(word, { minLength: 6, maxLength: 14 }).map((ws) => ws.join(' ') + '.');

describe('detection (properties)', () => {
  it('a template filled with any short values, unedited, is detected as itself', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 2, maxLength: 5 }),
        fc.array(varName, { minLength: 1, maxLength: 3 }),
        fc.array(value, { minLength: 3, maxLength: 3 }),
        (sentences, names, values) => {
          // Variables go between sentences, as "Hi {{firstName}}," and "at {{company}}" do.
          const body = sentences.map((s, i) => (i < names.length ? `${s} {{${names[i]}}}` : s)).join('\n');
          const t: Template = { id: 't', name: 't', channel: 'any', subject: null, body, tags: [], archived: false, version: 4, createdAt: 0, updatedAt: 0 };
          const filled = resolveTemplate(body, Object.fromEntries(names.map((n, i) => [n, values[i]]))).text;
          const m = createDetector([t])({ text: filled, subject: null, channel: 'gmail' });
          expect(m).toMatchObject({ templateId: 't', version: 4 });
          expect(m!.score).toBeGreaterThanOrEqual(0.9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
