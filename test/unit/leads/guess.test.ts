// Column guessing on the header rows of real exports (test/fixtures/leads/, where each comes from
// is in test/fixtures/ATTRIBUTION.md), then on values where headers cannot tell.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  detectTool,
  guessMapping,
  missingIdentifier,
  normHeader,
  sampleColumns,
  type ColumnRole,
} from '@/lib/leads/guess';
import { parseLeadText } from '@/lib/leads/parse';

async function fixture(name: string) {
  const p = await parseLeadText(readFileSync(`test/fixtures/leads/${name}.csv`, 'utf8'));
  return { headers: p.headers, mapping: guessMapping(p.headers), tool: detectTool(p.headers) };
}
/** header → role (trait name for traits), for the columns named. */
function roles(f: { headers: string[]; mapping: ReturnType<typeof guessMapping> }, ...names: string[]) {
  return Object.fromEntries(
    names.map((n) => {
      const i = f.headers.indexOf(n);
      if (i < 0) throw new Error(`no column ${n}`);
      const m = f.mapping[i];
      return [n, m.role === 'trait' ? `trait:${m.trait}` : m.role];
    }),
  );
}
const columnsWith = (f: { headers: string[]; mapping: ReturnType<typeof guessMapping> }, role: ColumnRole) =>
  f.headers.filter((_, i) => f.mapping[i].role === role);

describe('header sets of real exports', () => {
  it('Apollo contacts export (2024 columns)', async () => {
    const f = await fixture('apollo-2024');
    expect(f.tool).toBe('Apollo');
    expect(
      roles(
        f,
        'First Name',
        'Last Name',
        'Title',
        'Company',
        'Email',
        'Seniority',
        '# Employees',
        'Industry',
        'Person Linkedin Url',
        'Website',
        'City',
        'State',
        'Country',
        'Lists',
        'Departments',
      ),
    ).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Title: 'title',
      Company: 'company',
      Email: 'email',
      Seniority: 'seniority',
      '# Employees': 'companySize',
      Industry: 'industry',
      'Person Linkedin Url': 'linkedin',
      Website: 'website',
      City: 'location',
      State: 'location',
      Country: 'location',
      Lists: 'trait:lists',
      Departments: 'trait:departments',
    });
    // Noise stays out of the traits: the company's own place, phones, ids, activity flags, owners.
    for (const h of [
      'Company Name for Emails',
      'Email Status',
      'Email Confidence',
      'Contact Owner',
      'First Phone',
      'Mobile Phone',
      'Company Linkedin Url',
      'Twitter Url',
      'Company City',
      'Company Country',
      'Company Phone',
      'Keywords',
      'Technologies',
      'Annual Revenue',
      'Email Sent',
      'Replied',
      'Apollo Contact Id',
      'Apollo Account Id',
      'Last Contacted',
    ])
      expect(roles(f, h)[h], h).toBe('ignore');
  });

  it('Apollo contacts export (2025 columns): secondary and tertiary emails are the same person', async () => {
    const f = await fixture('apollo-2025');
    expect(f.tool).toBe('Apollo');
    expect(columnsWith(f, 'email')).toEqual(['Email', 'Secondary Email', 'Tertiary Email']);
    for (const h of [
      'Primary Email Source',
      'Primary Email Catch-all Status',
      'Primary Email Last Verified At',
      'Secondary Email Source',
      'Primary Intent Score',
    ])
      expect(roles(f, h)[h], h).toBe('ignore');
    expect(columnsWith(f, 'linkedin')).toEqual(['Person Linkedin Url']);
  });

  it('HubSpot contacts export with all properties (300 columns)', async () => {
    const f = await fixture('hubspot-all-properties');
    expect(f.tool).toBe('HubSpot');
    expect(f.headers.length).toBeGreaterThan(250);
    expect(
      roles(
        f,
        'First Name',
        'Last Name',
        'Email',
        'Job Title',
        'Company Name',
        'Company size',
        'Industry',
        'LinkedIn URL',
        'City',
        'State/Region',
        'Country/Region',
        'Seniority',
        'Website URL',
        'Original Traffic Source',
        'Lifecycle Stage',
        'Lead Status',
      ),
    ).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Job Title': 'title',
      'Company Name': 'company',
      'Company size': 'companySize',
      Industry: 'industry',
      'LinkedIn URL': 'linkedin',
      City: 'location',
      'State/Region': 'location',
      'Country/Region': 'location',
      Seniority: 'seniority',
      'Website URL': 'website',
      // HubSpot's own lead source lands on the trait every list shares.
      'Original Traffic Source': 'trait:lead source',
      'Lifecycle Stage': 'trait:lifecycle stage',
      'Lead Status': 'trait:lead status',
    });
    // One column per single field: "Number of Employees" and "Associated Company" give way.
    expect(columnsWith(f, 'company')).toEqual(['Company Name']);
    expect(columnsWith(f, 'companySize')).toEqual(['Company size']);
    expect(columnsWith(f, 'seniority')).toEqual(['Seniority']);
    for (const h of [
      'Record ID',
      'Phone Number',
      'Mobile Phone Number',
      'Contact owner',
      'Create Date',
      'Email Domain',
      'LinkedIn click id',
      'Marketing emails opened',
      'Associated Deal',
      'Billing Contact',
      'Gender',
      'Date of birth',
      'IP Country',
      'Twitter Username',
      'HubSpot Score',
      'Time Zone',
    ])
      expect(roles(f, h)[h], h).toBe('ignore');
    // A custom property in Cyrillic is a trait like any other.
    expect(roles(f, 'Сонирхож буй орон сууцны төрөл')['Сонирхож буй орон сууцны төрөл']).toBe(
      'trait:сонирхож буй орон сууцны төрөл',
    );
  });

  it('Sales Navigator through PhantomBuster (camelCase; the profile, not the Sales Navigator link)', async () => {
    const f = await fixture('phantombuster-sales-navigator');
    expect(f.tool).toBe('Sales Navigator');
    expect(
      roles(
        f,
        'fullName',
        'firstName',
        'lastName',
        'companyName',
        'title',
        'industry',
        'location',
        'linkedInProfileUrl',
        'connectionDegree',
      ),
    ).toEqual({
      fullName: 'name',
      firstName: 'firstName',
      lastName: 'lastName',
      companyName: 'company',
      title: 'title',
      industry: 'industry',
      location: 'location',
      linkedInProfileUrl: 'linkedin',
      connectionDegree: 'trait:connection degree',
    });
    for (const h of [
      'profileUrl',
      'defaultProfileUrl',
      'name',
      'companyId',
      'companyUrl',
      'regularCompanyUrl',
      'summary',
      'titleDescription',
      'companyLocation',
      'durationInRole',
      'pastExperienceCompanyName',
      'profileImageUrl',
      'sharedConnectionsCount',
      'vmid',
      'isPremium',
      'query',
      'timestamp',
    ])
      expect(roles(f, h)[h], h).toBe('ignore');
  });

  it("LinkedIn's Connections.csv", async () => {
    const f = await fixture('linkedin-connections');
    expect(f.tool).toBe('LinkedIn connections');
    expect(roles(f, 'First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On')).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      URL: 'linkedin',
      'Email Address': 'email',
      Company: 'company',
      Position: 'title',
      'Connected On': 'ignore',
    });
  });

  it('a sheet made by hand in French, German or Spanish', () => {
    const fr = guessMapping([
      'Prénom',
      'Nom',
      'Société',
      'Poste',
      'Courriel',
      'Profil LinkedIn',
      'Secteur',
      'Ville',
      'Source du lead',
      'Campagne',
    ]);
    expect(fr.map((m) => (m.role === 'trait' ? m.trait : m.role))).toEqual([
      'firstName',
      'lastName',
      'company',
      'title',
      'email',
      'linkedin',
      'industry',
      'location',
      'lead source',
      'campaign',
    ]);
    const de = guessMapping(['Vorname', 'Nachname', 'Firma', 'Position', 'E-Mail', 'Branche', 'Mitarbeiter', 'Stadt']);
    expect(de.map((m) => m.role)).toEqual([
      'firstName',
      'lastName',
      'company',
      'title',
      'email',
      'industry',
      'companySize',
      'location',
    ]);
    const es = guessMapping(['Nombre', 'Apellidos', 'Empresa', 'Cargo', 'Correo electrónico', 'Ciudad', 'Fuente']);
    expect(es.map((m) => (m.role === 'trait' ? m.trait : m.role))).toEqual([
      'firstName',
      'lastName',
      'company',
      'title',
      'email',
      'location',
      'lead source',
    ]);
  });
});

describe('values decide where headers cannot', () => {
  async function guess(csv: string) {
    const p = await parseLeadText(csv);
    const s = sampleColumns(p.rows, p.headers.length);
    return { headers: p.headers, mapping: guessMapping(p.headers, s), tool: detectTool(p.headers, s) };
  }

  it('a Sales Navigator link column is not the profile; the /in/ column is, whatever its name', async () => {
    const f = await guess(
      'profileUrl,Full Name,Lien\n' +
        'https://www.linkedin.com/sales/lead/ACwAAAB1,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace/\n' +
        'https://www.linkedin.com/sales/lead/ACwAAAB2,Bob Stone,https://www.linkedin.com/in/bob-stone-12ab/\n',
    );
    expect(f.tool).toBe('Sales Navigator');
    expect(f.mapping.map((m) => m.role)).toEqual(['ignore', 'name', 'linkedin']);
    expect(f.mapping[0].why).toMatch(/Sales Navigator links/);
  });

  it('of two profile columns, public slugs win over hashed ids', async () => {
    const f = await guess(
      'linkedInProfileUrl,defaultProfileUrl,fullName\n' +
        'https://www.linkedin.com/in/ACwAAAB1xyzxyzxyzxyz/,https://www.linkedin.com/in/ada-lovelace/,Ada\n' +
        'https://www.linkedin.com/in/ACwAAAB2xyzxyzxyzxyz/,https://www.linkedin.com/in/bob-stone/,Bob\n',
    );
    expect(f.mapping.map((m) => m.role)).toEqual(['ignore', 'linkedin', 'name']);
  });

  it('a "URL" column of websites is not the LinkedIn profile; an unnamed column of addresses is the email', async () => {
    const f = await guess(
      'URL,Contact info,Company,Name\nhttps://acme.com,ada@acme.com,Acme,Ada\nhttps://beta.io,bob@beta.io,Beta,Bob\n',
    );
    expect(f.mapping.map((m) => m.role)).toEqual(['ignore', 'email', 'company', 'name']);
  });

  it('unknown columns become traits unless their values are noise or empty', async () => {
    const rows = Array.from(
      { length: 25 },
      (_, i) =>
        `p${i}@x.co,${i % 2 ? 'Webinar' : 'Referral'},+1 555 010 ${String(i).padStart(4, '0')},2024-03-${String((i % 28) + 1).padStart(2, '0')},${'very long free text about this person '.repeat(3)},,unique-${i}-value`,
    );
    const f = await guess('Email,Lead Origin,Direct Dial,Enrolled,Remarks,Spare,Nickname\n' + rows.join('\n'));
    expect(
      f.mapping.map((m) => (m.role === 'trait' ? `trait:${m.trait}` : `${m.role}${m.why ? `:${m.why}` : ''}`)),
    ).toEqual([
      'email',
      'trait:lead origin',
      'ignore:phone numbers',
      'ignore:dates',
      'ignore:long text',
      'ignore:empty in this file',
      'ignore:a different value on almost every row, so nothing to group by',
    ]);
  });
});

describe('identifying columns', () => {
  it('needs an email, a LinkedIn URL, or a name and a company', () => {
    const m = (...roles: ColumnRole[]) => roles.map((role) => ({ role, trait: '', why: '' }));
    expect(missingIdentifier(m('email'))).toBeNull();
    expect(missingIdentifier(m('linkedin', 'trait'))).toBeNull();
    expect(missingIdentifier(m('firstName', 'lastName', 'company'))).toBeNull();
    expect(missingIdentifier(m('name', 'title'))).toMatch(/No column identifies people/);
    expect(missingIdentifier(m('company', 'industry', 'trait'))).toMatch(
      /email column, a LinkedIn profile URL column, or a name and a company/,
    );
  });

  it('normalises headers across tools', () => {
    expect(normHeader('linkedInProfileUrl')).toBe('linkedin profile url');
    expect(normHeader('# Employees')).toBe('number of employees');
    expect(normHeader('E-Mail')).toBe('email');
    expect(normHeader('Société')).toBe('societe');
    expect(normHeader('HubSpot Team')).toBe('hubspot team');
  });
});
