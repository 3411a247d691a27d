import { describe, expect, it } from 'vitest';
import { parseTemplate, prospectVariables, resolveTemplate, splitName } from '@/lib/templates/variables';

describe('parseTemplate', () => {
  it('splits text and variables, with fallbacks', () => {
    const p = parseTemplate('Hi {{firstName|there}}, how is {{ company }}? {{firstName}}');
    expect(p.errors).toEqual([]);
    expect(p.variables).toEqual(['firstName', 'company']);
    expect(p.segments).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'var', name: 'firstName', fallback: 'there', raw: '{{firstName|there}}' },
      { kind: 'text', text: ', how is ' },
      { kind: 'var', name: 'company', fallback: null, raw: '{{ company }}' },
      { kind: 'text', text: '? ' },
      { kind: 'var', name: 'firstName', fallback: null, raw: '{{firstName}}' },
    ]);
  });

  it('reports unclosed, empty and malformed variables and keeps them as text', () => {
    const p = parseTemplate('Hi {{firstName, and {{}} and {{first name}} ok {{title}}');
    expect(p.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('Unclosed'),
      expect.stringContaining('Empty variable'),
      expect.stringContaining('"first name" is not a variable name'),
    ]);
    expect(p.variables).toEqual(['title']);
    expect(p.errors[0].at).toBe(3);
  });

  it('a body without variables is one text segment', () => {
    expect(parseTemplate('Plain text, single } brace { too')).toEqual({
      segments: [{ kind: 'text', text: 'Plain text, single } brace { too' }],
      errors: [],
      variables: [],
    });
  });
});

describe('splitName', () => {
  it.each([
    ['Anna Schmidt', 'Anna', 'Schmidt'],
    ['Dr. Anna Maria van der Berg', 'Anna', 'Maria van der Berg'],
    ['Zoë', 'Zoë', null],
    ['Jean-Luc Picard, PhD', 'Jean-Luc', 'Picard'],
    ['   ', null, null],
  ])('%s', (name, first, last) => {
    expect(splitName(name)).toEqual({ firstName: first, lastName: last });
  });
});

describe('resolveTemplate', () => {
  const prospect = {
    name: 'Dr. Anna Schmidt',
    company: 'Müller & Söhne GmbH',
    title: 'Head of Sales',
    traits: { event: 'DMEXCO', 'Company size': '51-200' },
  };

  it('fills built-ins and custom traits (case-insensitive names)', () => {
    const r = resolveTemplate(
      'Hi {{firstName}} {{lastName}} ({{title}} at {{company}}), see you at {{event}}? Team of {{company size}}{{companySize}}',
      prospectVariables(prospect),
    );
    // "company size" has a space: not a variable, kept literally; companySize is not a trait key.
    expect(r.text).toBe(
      'Hi Anna Schmidt (Head of Sales at Müller & Söhne GmbH), see you at DMEXCO? Team of {{company size}}{{companySize}}',
    );
    expect(r.missing).toEqual(['companySize']);
  });

  it('uses fallbacks when a value is missing or blank, and keeps unfilled placeholders by default', () => {
    const values = prospectVariables({ name: '', company: '  ', title: null, traits: {} });
    expect(resolveTemplate('Hi {{firstName|there}}, how is {{company|your team}}? {{title}}', values)).toEqual({
      text: 'Hi there, how is your team? {{title}}',
      missing: ['title'],
    });
    expect(resolveTemplate('Hi {{firstName|there}}, {{title}}!', values, { missing: 'empty' }).text).toBe(
      'Hi there, !',
    );
  });

  it('an explicit empty fallback means nothing and is not missing', () => {
    expect(resolveTemplate('Bonjour{{firstName|}}.', {})).toEqual({ text: 'Bonjour.', missing: [] });
  });

  it('a prospect value wins over the fallback', () => {
    expect(resolveTemplate('Hi {{firstName|there}}', { firstName: 'Li' }).text).toBe('Hi Li');
  });

  it('no prospect: every variable without fallback is missing', () => {
    expect(resolveTemplate('{{firstName}} {{company|}}', prospectVariables(null))).toEqual({
      text: '{{firstName}} ',
      missing: ['firstName'],
    });
  });
});
