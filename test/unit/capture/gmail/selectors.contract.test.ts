// @vitest-environment happy-dom
// The Gmail selectors as a contract (lib/capture/gmail/selectors.ts, CONTRACT): every selector,
// over every fixture its clause names, must match exactly the number of elements the clause says.
// After a fixture refresh, the failing tests name the selectors that broke and where.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as GMAIL from '@/lib/capture/gmail/selectors';

const { CONTRACT } = GMAIL;
const FIX = path.resolve(__dirname, '../../../fixtures/gmail');

const docs = new Map<string, Document>();
function load(file: string): Document {
  let doc = docs.get(file);
  if (!doc) {
    // Test-only: fixtures are parsed by happy-dom's parser, never in Gmail's page.
    doc = new DOMParser().parseFromString(readFileSync(path.join(FIX, file), 'utf8'), 'text/html');
    docs.set(file, doc);
  }
  return doc;
}

const count = (selector: string | RegExp, doc: Document) =>
  typeof selector === 'string' ? doc.querySelectorAll(selector).length : selector.test(doc.title) ? 1 : 0;

describe('every Gmail selector matches its fixtures as the contract says', () => {
  it.each(CONTRACT.map((c) => [c.name, c] as const))('%s', (_, clause) => {
    const actual = Object.fromEntries(
      Object.keys(clause.count).map((file) => [file, count(clause.selector, load(file))]),
    );
    expect(actual, `${clause.name} = ${String(clause.selector)}`).toEqual(clause.count);
  });
});

describe('the contract covers every selector', () => {
  const exported = Object.entries(GMAIL).filter(([name]) => name !== 'CONTRACT');

  it('each export has a clause, and each clause checks an export', () => {
    const names = new Set(CONTRACT.map((c) => c.name.replace(/\(.*$/, '')));
    expect(exported.map(([name]) => name).filter((name) => !names.has(name))).toEqual([]);
    expect([...names].filter((name) => !exported.some(([n]) => n === name))).toEqual([]);
  });

  it('a per-field selector has a clause for each field, with the selector it builds', () => {
    for (const [name, value] of exported) {
      if (typeof value !== 'function') continue;
      for (const field of ['to', 'cc', 'bcc'] as const) {
        const clause = CONTRACT.find((c) => c.name === `${name}('${field}')`);
        expect(clause?.selector, `${name}('${field}')`).toBe((value as (f: typeof field) => string)(field));
      }
    }
    for (const c of CONTRACT.filter((c) => !c.name.includes('(')))
      expect(c.selector, c.name).toBe(GMAIL[c.name as keyof typeof GMAIL]);
  });

  it('each clause says when it was last seen, and matches in some fixture (or says why none shows it)', () => {
    for (const c of CONTRACT) {
      expect(c.seen, c.name).toMatch(/^\d{4}(-\d{2}-\d{2})?( \(.+\))?$/);
      expect(Object.keys(c.count).length, c.name).toBeGreaterThan(0);
      if (!c.unmatched)
        expect(Math.max(...Object.values(c.count)), `${c.name}: no fixture shows it`).toBeGreaterThan(0);
    }
  });

  it('every DOM fixture is under contract', () => {
    const named = new Set(CONTRACT.flatMap((c) => Object.keys(c.count)));
    for (const file of named) expect(existsSync(path.join(FIX, file)), file).toBe(true);
    const html = readdirSync(FIX, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(html.filter((f) => !named.has(f)).sort()).toEqual([]);
  });
});
