// Properties of lib/templates/detect.ts that hold for any input, checked with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector } from '@/lib/templates/detect';
import { resolveTemplate } from '@/lib/templates/variables';
import type { Template } from '@/lib/schema/model';
import { value, varName, word } from '../helpers/arbitraries';

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
          const t: Template = {
            id: 't',
            name: 't',
            channel: 'any',
            subject: null,
            body,
            tags: [],
            archived: false,
            version: 4,
            createdAt: 0,
            updatedAt: 0,
          };
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
