// Template detection: which template (if any) a sent text came from.
// First version: exact match after normalising whitespace and case, variables matching any short run.
import type { Channel, Template } from '../schema/model';

export interface TemplateMatch {
  templateId: string;
  version: number;
  score: number;
}

export interface DetectInput {
  text: string;
  subject: string | null;
  channel: Channel;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createDetector(templates: Template[]): (input: DetectInput) => TemplateMatch | null {
  const compiled = templates
    .filter((t) => !t.archived)
    .map((t) => ({
      t,
      re: new RegExp(
        '^' + norm(t.body).split(/\{\{[^}]*\}\}/).map(escape).join('[^\\n]{0,60}?') + '$',
      ),
    }));
  return (input) => {
    const text = norm(input.text);
    for (const { t, re } of compiled) {
      if (re.test(text)) return { templateId: t.id, version: t.version, score: 1 };
    }
    return null;
  };
}
