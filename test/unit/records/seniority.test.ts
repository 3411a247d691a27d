// Seniority from real-world job titles (English, German, French, Spanish), as they appear in
// LinkedIn headlines and positions. Each row is a title seen in the wild and the level a
// salesperson would file it under.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveSeniority } from '@/lib/records/seniority';
import type { Seniority } from '@/lib/schema/model';

const TABLE: [string, Seniority][] = [
  // --- English: C-level
  ['CEO', 'c-level'],
  ['Chief Executive Officer', 'c-level'],
  ['CTO at Stripe', 'c-level'],
  ['Chief Technology Officer', 'c-level'],
  ['CFO', 'c-level'],
  ['Chief Financial Officer at Globex', 'c-level'],
  ['COO & Board Member', 'c-level'],
  ['Chief Marketing Officer (CMO)', 'c-level'],
  ['Chief Revenue Officer', 'c-level'],
  ['CISO', 'c-level'],
  ['Chief Information Security Officer', 'c-level'],
  ['Chief Product Officer', 'c-level'],
  ['Chief People Officer', 'c-level'],
  ['Chief Human Resources Officer', 'c-level'],
  ['President', 'c-level'],
  ['President & CEO', 'c-level'],
  ['Managing Director', 'c-level'],
  ['Managing Director, EMEA', 'c-level'],
  ['Chairman of the Board', 'c-level'],
  ['Board Member', 'c-level'],
  ['Partner at McKinsey & Company', 'c-level'],
  ['Managing Partner', 'c-level'],
  ['General Partner @ Sequoia', 'c-level'],
  ['Executive Director', 'c-level'],
  ['Country Manager Spain', 'c-level'],
  // --- English: founders and owners
  ['Founder', 'founder'],
  ['Co-Founder & CEO', 'founder'],
  ['Cofounder and CTO', 'founder'],
  ['Founder | Speaker | Investor', 'founder'],
  ['Owner', 'founder'],
  ['Owner, Smith Plumbing LLC', 'founder'],
  ['Co-owner', 'founder'],
  ['Entrepreneur', 'founder'],
  ['Founding Partner', 'founder'],
  ['Serial entrepreneur & angel investor', 'founder'],
  // --- English: VP
  ['VP Sales', 'vp'],
  ['VP of Engineering', 'vp'],
  ['Vice President, Marketing', 'vp'],
  ['Senior Vice President of Operations', 'vp'],
  ['SVP, Global Sales', 'vp'],
  ['EVP & General Counsel', 'vp'],
  ['Vice-President Business Development', 'vp'],
  ['AVP - Technology', 'vp'],
  ['Regional Vice President', 'vp'],
  // --- English: directors and heads
  ['Director of Sales', 'director'],
  ['Sales Director', 'director'],
  ['Senior Director, Product Management', 'director'],
  ['Head of Growth', 'director'],
  ['Head of Engineering at Monzo', 'director'],
  ['Global Head of Partnerships', 'director'],
  ['Associate Director', 'director'],
  ['General Manager', 'director'],
  ['Chief of Staff', 'director'],
  ['Chief Architect', 'director'],
  ['Engineering Director', 'director'],
  ['Department Head, Finance', 'director'],
  // --- English: managers
  ['Account Manager', 'manager'],
  ['Senior Manager, Strategy', 'manager'],
  ['Engineering Manager', 'manager'],
  ['Product Manager', 'manager'],
  ['Marketing Manager at HubSpot', 'manager'],
  ['Team Lead, Customer Support', 'manager'],
  ['Team Leader', 'manager'],
  ['Sales Supervisor', 'manager'],
  ['Operations Manager', 'manager'],
  ['Project Manager', 'manager'],
  ['Product Owner', 'manager'],
  ['Office Manager', 'manager'],
  ['Partner Account Manager', 'manager'],
  ['Procurement Manager at Initech', 'manager'],
  // --- English: senior individual contributors
  ['Senior Software Engineer', 'senior'],
  ['Sr. Data Scientist', 'senior'],
  ['Principal Engineer', 'senior'],
  ['Staff Software Engineer', 'senior'],
  ['Lead Developer', 'senior'],
  ['Tech Lead', 'senior'],
  ['Senior Account Executive', 'senior'],
  ['Solutions Architect', 'senior'],
  ['Distinguished Engineer', 'senior'],
  ['Senior Consultant', 'senior'],
  ['Principal Product Designer', 'senior'],
  // --- English: individual contributors
  ['Software Engineer', 'individual'],
  ['Account Executive', 'individual'],
  ['Sales Development Representative', 'individual'],
  ['SDR', 'individual'],
  ['Business Development Representative', 'individual'],
  ['Data Analyst', 'individual'],
  ['Recruiter', 'individual'],
  ['Marketing Specialist', 'individual'],
  ['UX Designer', 'individual'],
  ['Customer Success Associate', 'individual'],
  ['Executive Assistant to the CEO', 'individual'],
  ['Internal Auditor', 'individual'],
  ['International Sales Representative', 'individual'],
  ['HR Business Partner', 'individual'],
  ['Junior Developer', 'individual'],
  ['Lead Generation Specialist', 'individual'],
  ['Founding Engineer', 'individual'],
  ['Staff Accountant', 'individual'],
  ['Headhunter', 'individual'],
  // --- English: interns and students
  ['Marketing Intern', 'intern'],
  ['Software Engineering Intern at Google', 'intern'],
  ['Summer Analyst', 'intern'],
  ['Student at MIT', 'intern'],
  ['MBA Student', 'intern'],
  ['PhD Candidate', 'intern'],
  ['Graduate Trainee', 'intern'],
  ['Apprentice Electrician', 'intern'],
  // --- German
  ['Geschäftsführer', 'c-level'],
  ['Geschäftsführerin bei Müller GmbH', 'c-level'],
  ['Vorstandsvorsitzender', 'c-level'],
  ['Mitglied des Vorstands', 'c-level'],
  ['Gründer & Geschäftsführer', 'founder'],
  ['Mitgründerin', 'founder'],
  ['Inhaber', 'founder'],
  ['Inhaberin, Praxis für Physiotherapie', 'founder'],
  ['Vizepräsident Vertrieb', 'vp'],
  ['Vertriebsleiter', 'director'],
  ['Leiterin Marketing', 'director'],
  ['Abteilungsleiter IT', 'director'],
  ['Bereichsleiterin Personal', 'director'],
  ['Direktor Finanzen', 'director'],
  ['Prokurist', 'director'],
  ['Leitung Einkauf', 'director'],
  ['Teamleiter Kundenservice', 'manager'],
  ['Gruppenleiterin Entwicklung', 'manager'],
  ['Projektleiter', 'manager'],
  ['Filialleiterin', 'manager'],
  ['Key Account Managerin', 'manager'],
  ['Senior Berater', 'senior'],
  ['Leitender Ingenieur', 'senior'],
  ['Softwareentwickler', 'individual'],
  ['Sachbearbeiterin Buchhaltung', 'individual'],
  ['Referent Marketing', 'individual'],
  ['Assistentin der Geschäftsführung', 'individual'],
  ['Werkstudent Vertrieb', 'intern'],
  ['Praktikantin Marketing', 'intern'],
  ['Auszubildender Industriekaufmann', 'intern'],
  ['Doktorand', 'intern'],
  // --- French
  ['Directeur général', 'c-level'],
  ['Directrice Générale chez Orange', 'c-level'],
  ['PDG', 'c-level'],
  ['Président', 'c-level'],
  ['Présidente du directoire', 'c-level'],
  ['Gérant', 'c-level'],
  ['Fondateur', 'founder'],
  ['Cofondatrice & CEO', 'founder'],
  ['Vice-président Ventes', 'vp'],
  ['Vice-Présidente Marketing', 'vp'],
  ['Directeur commercial', 'director'],
  ['Directrice des ressources humaines', 'director'],
  ['Directeur adjoint', 'director'],
  ['Responsable marketing', 'manager'],
  ['Chef de projet digital', 'manager'],
  ["Chef d'équipe", 'manager'],
  ['Ingénieur logiciel senior', 'senior'],
  ['Consultant confirmé', 'senior'],
  ['Chargée de communication', 'individual'],
  ['Ingénieur commercial', 'individual'],
  ['Commercial', 'individual'],
  ['Stagiaire en marketing', 'intern'],
  ['Alternante chargée de recrutement', 'intern'],
  ['Étudiant à HEC Paris', 'intern'],
  // --- Spanish
  ['Director General', 'c-level'],
  ['Directora general en Telefónica', 'c-level'],
  ['Consejero Delegado', 'c-level'],
  ['Presidenta', 'c-level'],
  ['Gerente General', 'c-level'],
  ['Fundador', 'founder'],
  ['Cofundadora y CEO', 'founder'],
  ['Socio fundador', 'founder'],
  ['Vicepresidente de Ventas', 'vp'],
  ['Vicepresidenta Ejecutiva', 'vp'],
  ['Directora de Marketing en Umbrella', 'director'],
  ['Director Comercial', 'director'],
  ['Jefe de Departamento de Finanzas', 'director'],
  ['Gerente de Ventas', 'manager'],
  ['Jefa de Proyecto', 'manager'],
  ['Responsable de Recursos Humanos', 'manager'],
  ['Encargado de tienda', 'manager'],
  ['Ingeniero de Software Sénior', 'senior'],
  ['Arquitecto de Soluciones', 'senior'],
  ['Analista de datos', 'individual'],
  ['Ejecutivo de cuentas', 'individual'],
  ['Desarrolladora Full Stack', 'individual'],
  ['Becario de marketing', 'intern'],
  ['Estudiante de Ingeniería', 'intern'],
  ['Practicante de Recursos Humanos', 'intern'],
];

describe('deriveSeniority on real-world titles', () => {
  it(`has at least 150 titles in 4 languages (${TABLE.length})`, () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(150);
  });
  const misses = TABLE.filter(([t, want]) => deriveSeniority(t) !== want).map(
    ([t, want]) => `${t}: want ${want}, got ${deriveSeniority(t)}`,
  );
  it('classifies every title in the table', () => {
    expect(misses).toEqual([]);
  });
  it('empty titles have no seniority', () => {
    expect(deriveSeniority('')).toBeNull();
    expect(deriveSeniority('   ')).toBeNull();
    expect(deriveSeniority(null)).toBeNull();
  });
  it('never throws and always returns a known level for any text', () => {
    const levels = new Set(['c-level', 'founder', 'vp', 'director', 'manager', 'senior', 'individual', 'intern']);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = deriveSeniority(s);
        return s.trim() ? levels.has(r!) : r === null;
      }),
    );
  });
  it('the company part does not change the level', () => {
    const companies = [
      'Chief Brands Inc',
      'Director Holdings',
      'Founders Fund',
      'VP Bank',
      'Head Start',
      'Intern Labs',
    ];
    const wrong: string[] = [];
    for (const [t, want] of TABLE)
      for (const c of companies) {
        const got = deriveSeniority(`${t} at ${c}`);
        if (got !== want) wrong.push(`${t} at ${c}: want ${want}, got ${got}`);
      }
    expect(wrong).toEqual([]);
  });
});
