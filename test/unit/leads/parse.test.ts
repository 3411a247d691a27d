// Lead text to rows (lib/leads/parse.ts): delimiters, notes above the header, quoting, the row limit.
import { describe, expect, it } from 'vitest';
import { MAX_LEAD_ROWS } from '@/lib/leads/file';
import { parseLeadText, rowNumber } from '@/lib/leads/parse';

describe('parsing lead rows', () => {
  it('finds the header under LinkedIn\'s "Notes:" preamble and counts rows as a spreadsheet does', async () => {
    const text =
      'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed it, see https://www.linkedin.com/psettings/privacy/email."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnjula,Batra,https://www.linkedin.com/in/anjula-batra,,Prepfully,Business Development Manager,30 May 2024\n,,,,,,02 Jun 2022\n';
    const p = await parseLeadText(text);
    expect(p.headers[0]).toBe('First Name');
    expect(p.headerRow).toBe(4);
    expect(rowNumber(p, 0)).toBe(5);
    expect(p.rows).toHaveLength(2);
  });

  it("follows Excel's sep= line, quoted separators and line breaks, and uneven rows", async () => {
    const p = await parseLeadText('sep=;\nName;Company;Note\n"Doe; Jane";"ACME\nEurope";x\nBob;Beta\n');
    expect(p.delimiter).toBe(';');
    expect(p.headers).toEqual(['Name', 'Company', 'Note']);
    expect(p.rows).toEqual([
      ['Doe; Jane', 'ACME\nEurope', 'x'],
      ['Bob', 'Beta', ''],
    ]);
    expect(p.headerRow).toBe(2);
  });

  it('keeps repeated header names as separate columns (HubSpot writes "Billing Contact" twice)', async () => {
    const p = await parseLeadText('Email,Billing Contact,Billing Contact\na@b.co,x,y\n');
    expect(p.headers).toEqual(['Email', 'Billing Contact', 'Billing Contact']);
    expect(p.rows[0]).toEqual(['a@b.co', 'x', 'y']);
  });

  it('reads a one-column list of addresses', async () => {
    const p = await parseLeadText('email\nada@acme.com\nbob@beta.io\n');
    expect(p.headers).toEqual(['email']);
    expect(p.rows).toEqual([['ada@acme.com'], ['bob@beta.io']]);
  });

  it('refuses a quote that is never closed (the rest of the file would become one cell)', async () => {
    await expect(parseLeadText('Name,Company\n"Ada,Acme\nBob,Beta\nCarl,Gamma\n')).rejects.toThrow(/never closed/);
  });

  it(`refuses more than ${MAX_LEAD_ROWS} rows, and yields to the page while it parses`, async () => {
    const big = 'email\n' + Array.from({ length: MAX_LEAD_ROWS + 100 }, (_, i) => `p${i}@x.co`).join('\n');
    let yields = 0;
    await expect(parseLeadText(big, async () => void yields++)).rejects.toThrow(/more than 50,000 rows/);
    const ok =
      'email,company\n' + Array.from({ length: 30_000 }, (_, i) => `p${i}@x.co,Company number ${i}`).join('\n');
    yields = 0;
    const p = await parseLeadText(ok, async () => void yields++);
    expect(p.rows).toHaveLength(30_000);
    expect(yields).toBeGreaterThan(1); // parsed in slices, the page gets a turn between them
  });
});
