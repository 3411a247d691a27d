// @vitest-environment happy-dom
// The selectors of lib/capture/linkedin/selectors.ts as a contract: each one, on each fixture its
// CONTRACT entry names, matches the expected number of elements. After a fixture refresh the
// failing rows name exactly the selectors that broke.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import * as SELECTORS from '@/lib/capture/linkedin/selectors';
import { CONTRACT } from '@/lib/capture/linkedin/selectors';

const dir = path.resolve(__dirname, '../../../fixtures/linkedin/dom');
/** The module's selectors: its string exports, and lists of class names (srOnlyClasses). */
const declared = Object.entries(SELECTORS as Record<string, unknown>)
  .filter(([, v]) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')))
  .map(([k]) => k);

const docs = new Map<string, Document>();
function fixture(name: string): Document {
  const cached = docs.get(name);
  if (cached) return cached;
  const win = new Window({
    url: 'https://www.linkedin.com/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const doc = win.document as unknown as Document;
  doc.write(readFileSync(path.join(dir, `${name}.html`), 'utf8'));
  const shadow = path.join(dir, `${name}.shadow.html`);
  if (existsSync(shadow)) {
    const outlet = doc.getElementById('interop-outlet')!;
    (outlet.shadowRoot ?? outlet.attachShadow({ mode: 'open' })).innerHTML = readFileSync(shadow, 'utf8');
  }
  docs.set(name, doc);
  return doc;
}

/** Matches in the page and in #interop-outlet's open shadow root, as the capture reads them. */
function count(doc: Document, css: string): number {
  const root = doc.getElementById('interop-outlet')?.shadowRoot;
  return doc.querySelectorAll(css).length + (root ? root.querySelectorAll(css).length : 0);
}

const valueOf = (name: string) => (SELECTORS as Record<string, unknown>)[name];
const cssOf = (name: string) => CONTRACT[name]!.css ?? (valueOf(name) as string);

const rows = Object.entries(CONTRACT).flatMap(([name, c]) =>
  Object.entries(c.fixtures).map(([file, expected]) => ({ name, file, expected })),
);

describe('LinkedIn selectors contract', () => {
  it('every selector has a contract entry, and every entry a selector', () => {
    expect(declared.length).toBeGreaterThan(60);
    expect(Object.keys(CONTRACT).sort()).toEqual([...declared].sort());
  });

  it('entries that are not CSS say what to query, and it is the same thing', () => {
    for (const [name, c] of Object.entries(CONTRACT)) {
      const v = valueOf(name);
      if (typeof v !== 'string') {
        expect(c.css, name).toBeTruthy();
        expect(c.css, name).toBe((v as readonly string[]).map((cls) => `.${cls}`).join(', '));
      } else if (c.css) expect(c.css.replace(/^[.#[]|]$/g, ''), name).toBe(v);
    }
  });

  it('every named fixture exists; every fixture is named by some entry', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.html') && !f.endsWith('.shadow.html'))
      .map((f) => f.replace(/\.html$/, ''));
    const named = new Set(rows.map((r) => r.file));
    for (const f of named) expect(files, f).toContain(f);
    for (const f of files) expect(named.has(f), f).toBe(true);
  });

  it('every entry is covered by a fixture it must match, or says why not; lastSeen is a year or null', () => {
    for (const [name, c] of Object.entries(CONTRACT)) {
      const matches = Object.values(c.fixtures).some((n) => n > 0);
      expect(matches || (c.uncovered ?? '').length > 10, name).toBe(true);
      expect(c.lastSeen === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(c.lastSeen), name).toBe(true);
    }
  });

  it('every selector is valid CSS', () => {
    const doc = fixture('profile-sdui');
    for (const name of Object.keys(CONTRACT)) expect(() => doc.querySelectorAll(cssOf(name)), name).not.toThrow();
  });

  it.each(rows)('$name on $file: $expected', ({ name, file, expected }) => {
    expect(count(fixture(file), cssOf(name))).toBe(expected);
  });
});
