// @vitest-environment happy-dom
// components/templates/TemplateForm.tsx: validation, preview with a prospect's values, new version notice.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TemplateForm } from '@/components/templates/TemplateForm';
import { Prospect } from '@/lib/schema/model';
import { reactRoot } from '../../helpers/react';

const dom = reactRoot();
const render = dom.render;
const byLabel = <T extends HTMLElement>(text: string): T => {
  const label = [...dom.host.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label ${text}`);
  return dom.host.querySelector(`#${CSS.escape(label.htmlFor)}`) as T;
};
const button = (name: string) =>
  [...dom.host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;

/** Sets a React-controlled field the way typing does (native setter + input event). */
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  act(() => {
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const anna = Prospect.parse({
  id: 'p',
  name: 'Anna Schmidt',
  emails: [],
  linkedinUrl: null,
  company: 'Acme',
  title: null,
  seniority: null,
  industry: null,
  location: null,
  stage: 'contacted',
  dealValue: null,
  traits: { event: 'DMEXCO' },
});

describe('TemplateForm', () => {
  it('blocks saving an invalid body, then saves the cleaned draft; preview uses the prospect', async () => {
    const onSave = vi.fn(async () => {});
    render(
      <TemplateForm
        title="New template"
        initial={{ name: '', channel: 'any', subject: '', body: '', tags: [] }}
        previewProspect={anna}
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    type(byLabel('Name'), 'Event invite');
    type(byLabel('Body'), 'Hi {{firstName}}, see you at {{event}}? {{oops');
    await act(async () => button('Save template').click());
    expect(onSave).not.toHaveBeenCalled();
    expect(dom.host.querySelector('[role=alert]')?.textContent).toContain('Unclosed');

    type(byLabel('Body'), 'Hi {{firstName}}, see you at {{event}}? {{title|}}');
    type(byLabel('Tags'), 'events, q3');
    expect(dom.host.querySelector('[aria-label=Preview]')?.textContent).toContain('Hi Anna, see you at DMEXCO?');
    expect(dom.host.textContent).toContain('Custom here: {{event}}');
    await act(async () => button('Save template').click());
    expect(onSave).toHaveBeenCalledWith({
      name: 'Event invite',
      channel: 'any',
      subject: null,
      body: 'Hi {{firstName}}, see you at {{event}}? {{title|}}',
      tags: ['events', ' q3'],
    });
  });

  it('hides the subject for LinkedIn and announces a new version when the text changes', () => {
    render(
      <TemplateForm
        title="Edit X"
        initial={{ name: 'X', channel: 'email', subject: 'S', body: 'B', tags: [] }}
        editingVersion={3}
        previewProspect={null}
        onSave={async () => {}}
        onCancel={() => {}}
      />,
    );
    expect(dom.host.textContent).not.toContain('Saving starts version');
    type(byLabel('Body'), 'B changed');
    expect(dom.host.textContent).toContain('Saving starts version 4');
    const channel = byLabel<HTMLSelectElement>('Channel');
    act(() => {
      channel.value = 'linkedin';
      channel.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(() => byLabel('Subject')).toThrow();
  });
});
