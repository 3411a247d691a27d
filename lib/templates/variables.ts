// Template bodies: `{{variable}}` placeholders with optional fallbacks (`{{firstName|there}}`).
// Parsing is a hand-written scanner rather than one regex so that malformed bodies ("{{name",
// "{{}}", "{{first name}}") produce errors the editor can show, instead of silently staying literal.
import type { Prospect } from '../schema/model';

export type Segment =
  { kind: 'text'; text: string } | { kind: 'var'; name: string; fallback: string | null; raw: string };

export interface ParseError {
  /** Character offset in the body where the problem starts. */
  at: number;
  message: string;
}

export interface ParsedTemplate {
  segments: Segment[];
  errors: ParseError[];
  /** Distinct variable names, in order of first use. */
  variables: string[];
}

/** Built-in variables, filled from the prospect's own fields; anything else is a custom trait. */
export const BUILTIN_VARIABLES = ['firstName', 'lastName', 'fullName', 'company', 'title'] as const;

const NAME_RE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export function parseTemplate(body: string): ParsedTemplate {
  const segments: Segment[] = [];
  const errors: ParseError[] = [];
  const variables: string[] = [];
  let text = '';
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{{', i);
    if (open < 0) {
      text += body.slice(i);
      break;
    }
    text += body.slice(i, open);
    const close = body.indexOf('}}', open + 2);
    const nextOpen = body.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      errors.push({ at: open, message: 'Unclosed "{{": close it with "}}"' });
      // Keep the braces as literal text so the rest of the body still parses.
      text += '{{';
      i = open + 2;
      continue;
    }
    const raw = body.slice(open, close + 2);
    const inner = body.slice(open + 2, close);
    const bar = inner.indexOf('|');
    const name = (bar >= 0 ? inner.slice(0, bar) : inner).trim();
    const fallback = bar >= 0 ? inner.slice(bar + 1).trim() : null;
    if (!name) {
      errors.push({ at: open, message: 'Empty variable: write a name such as {{firstName}}' });
      text += raw;
    } else if (!NAME_RE.test(name)) {
      errors.push({ at: open, message: `"${name}" is not a variable name (letters, digits, _ . - ; no spaces)` });
      text += raw;
    } else {
      if (text) segments.push({ kind: 'text', text });
      text = '';
      segments.push({ kind: 'var', name, fallback, raw });
      if (!variables.includes(name)) variables.push(name);
    }
    i = close + 2;
  }
  if (text) segments.push({ kind: 'text', text });
  return { segments, errors, variables };
}

export type VariableValues = Record<string, string | null | undefined>;

// Honorifics are not first names: "Dr. Anna Schmidt" is greeted as Anna.
const HONORIFICS = new Set(['dr', 'prof', 'mr', 'mrs', 'ms', 'mx', 'herr', 'frau', 'mme', 'm', 'sr', 'sra']);

export function splitName(name: string | null | undefined): { firstName: string | null; lastName: string | null } {
  // LinkedIn names often carry credentials after a comma ("Anna Schmidt, PhD"): drop them.
  const words = (name ?? '').split(',')[0].trim().split(/\s+/).filter(Boolean);
  while (words.length > 1 && HONORIFICS.has(words[0].replace(/\.$/, '').toLowerCase())) words.shift();
  if (words.length === 0) return { firstName: null, lastName: null };
  if (words.length === 1) return { firstName: words[0], lastName: null };
  return { firstName: words[0], lastName: words.slice(1).join(' ') };
}

type ProspectLike = Pick<Prospect, 'name' | 'company' | 'title'> & Partial<Pick<Prospect, 'traits'>>;

/** The values a prospect gives to variables: built-ins from its fields, custom ones from traits. */
export function prospectVariables(p: ProspectLike | null | undefined): VariableValues {
  if (!p) return {};
  const { firstName, lastName } = splitName(p.name);
  return {
    ...(p.traits ?? {}),
    firstName,
    lastName,
    fullName: p.name?.trim() || null,
    company: p.company,
    title: p.title,
  };
}

function lookup(values: VariableValues, name: string): string | null {
  const direct = values[name];
  if (direct != null && direct.trim() !== '') return direct.trim();
  // Traits are typed by users ("Company size", "city"): match names case-insensitively too.
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(values)) {
    if (k.toLowerCase() === lower && v != null && v.trim() !== '') return v.trim();
  }
  return null;
}

export interface Resolved {
  text: string;
  /** Variables with neither a value nor a fallback. */
  missing: string[];
}

/**
 * Fills the placeholders. A variable without value uses its fallback; with no fallback either it
 * is left as `{{name}}` (`missing: 'keep'`, for inserting: the user sees what is left to fill in
 * rather than sending "Hi ,") or dropped (`missing: 'empty'`).
 */
export function resolveTemplate(
  body: string,
  values: VariableValues,
  opts: { missing?: 'keep' | 'empty' } = {},
): Resolved {
  const { segments } = parseTemplate(body);
  const missing: string[] = [];
  let text = '';
  for (const s of segments) {
    if (s.kind === 'text') {
      text += s.text;
      continue;
    }
    // An explicit empty fallback (`{{title|}}`) means "nothing" and is not reported missing.
    const v = lookup(values, s.name) ?? s.fallback;
    if (v != null) text += v;
    else {
      if (!missing.includes(s.name)) missing.push(s.name);
      if (opts.missing !== 'empty') text += `{{${s.name}}}`;
    }
  }
  return { text, missing };
}
