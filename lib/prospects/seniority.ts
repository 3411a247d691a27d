// Seniority derived from a job title. Order matters: the first rule that matches wins.
import type { Seniority } from '../schema/model';

const RULES: [Seniority, RegExp][] = [
  ['intern', /\b(intern|internship|student|werkstudent|praktikant|stagiaire|becari[oa])\b/i],
  ['founder', /\b(founder|co-founder|cofounder|owner|gründer|fondateur|fundador)\b/i],
  ['c-level', /\b(ceo|cto|cfo|coo|cmo|cro|cio|ciso|chief|president|geschäftsführer|directeur général|pdg)\b/i],
  ['vp', /\b(vp|svp|evp|vice president|vice-president)\b/i],
  ['director', /\b(director|head of|head|directeur|directora?|leiter|leiterin)\b/i],
  ['manager', /\b(manager|lead|team lead|responsable|gerente|jefe)\b/i],
  ['senior', /\b(senior|sr\.?|principal|staff|lead)\b/i],
];

export function deriveSeniority(title: string | null | undefined): Seniority | null {
  if (!title || !title.trim()) return null;
  for (const [level, re] of RULES) if (re.test(title)) return level;
  return 'individual';
}
