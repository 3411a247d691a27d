// fast-check arbitraries the template property tests share (test/unit/templates/*.properties.test.ts).
import fc from 'fast-check';

/** A word as names and companies are written: a letter, then up to 11 lower-case letters, apostrophes or hyphens. */
export const word = fc.stringMatching(/^[A-Za-zÀ-ÿ][a-zà-ÿ'-]{0,11}$/);
/** A variable's value: one to four words. */
export const value = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
/** A template variable's name, built-in or custom. */
export const varName = fc.constantFrom('firstName', 'lastName', 'company', 'title', 'event', 'city');
