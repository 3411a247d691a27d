// Lead files: bytes to text (encodings sellers meet, files that are not CSV, the size limit) and
// text to rows (delimiters, notes above the header, quoting, the row limit).
import { describe, expect, it } from 'vitest';
import { checkLeadFileSize, decodeLeadFile, LeadFileError, MAX_LEAD_FILE_BYTES, MAX_LEAD_ROWS } from '@/lib/leads/file';
import { parseLeadText, rowNumber } from '@/lib/leads/parse';

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (c) => {
  const code = c.charCodeAt(0);
  if (code > 255) throw new Error(`not latin-1: ${c}`);
  return code;
});
const utf16le = (s: string, bom = true) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[(bom ? 2 : 0) + i * 2] = s.charCodeAt(i) & 0xff;
    out[(bom ? 2 : 0) + i * 2 + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const refused = (f: () => unknown, msg: RegExp) => {
  expect(f).toThrow(LeadFileError);
  expect(f).toThrow(msg);
};

describe('decoding a lead file', () => {
  it('reads UTF-8 with a BOM (Excel "CSV UTF-8", Google Sheets) without the BOM in the first header', async () => {
    const d = decodeLeadFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Email,Société\nzoé@acme.fr,Crème & Co\n')]));
    expect(d.encoding).toBe('utf-8');
    const p = await parseLeadText(d.text);
    expect(p.headers).toEqual(['Email', 'Société']);
    expect(p.rows).toEqual([['zoé@acme.fr', 'Crème & Co']]);
  });

  it('reads a semicolon-separated Windows-1252 file from a European Excel', async () => {
    const text = 'Nom;Prénom;Société;E-mail;Poste\r\nDürr;Zoë;Crédit Agricole, SA;zoe.durr@ca.fr;Directrice générale\r\nMüller;Jürgen;Bäckerei Müller GmbH;jm@baeckerei.de;Geschäftsführer\r\n';
    const d = decodeLeadFile(latin1(text));
    expect(d.encoding).toBe('windows-1252');
    const p = await parseLeadText(d.text);
    expect(p.delimiter).toBe(';');
    expect(p.headers).toEqual(['Nom', 'Prénom', 'Société', 'E-mail', 'Poste']);
    expect(p.rows[0]).toEqual(['Dürr', 'Zoë', 'Crédit Agricole, SA', 'zoe.durr@ca.fr', 'Directrice générale']);
    expect(p.rows[1][2]).toBe('Bäckerei Müller GmbH');
  });

  it('reads Excel\'s "Unicode text": UTF-16 with a BOM, tab-separated', async () => {
    const d = decodeLeadFile(utf16le('Name\tCompany\tEmail\r\nŁukasz Nowak\tŻabka\tl.nowak@zabka.pl\r\n'));
    expect(d.encoding).toBe('utf-16le');
    const p = await parseLeadText(d.text);
    expect(p.delimiter).toBe('\t');
    expect(p.rows).toEqual([['Łukasz Nowak', 'Żabka', 'l.nowak@zabka.pl']]);
  });

  it('refuses files that are not CSV, saying what they are', () => {
    refused(() => decodeLeadFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4])), /Excel workbook.*CSV UTF-8/);
    refused(() => decodeLeadFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])), /old Excel \(\.xls\)/);
    refused(() => decodeLeadFile(utf8('%PDF-1.7\n...')), /PDF/);
    refused(() => decodeLeadFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), /image/);
    refused(() => decodeLeadFile(new Uint8Array([0x1f, 0x8b, 8, 0])), /compressed/);
    refused(() => decodeLeadFile(new Uint8Array([65, 66, 0, 0, 1, 2, 3, 44, 10])), /not a text file/);
    refused(() => decodeLeadFile(utf8('{"format":"sidelog-export","version":1}')), /JSON file.*Import JSON/);
    refused(() => decodeLeadFile(utf8('<!DOCTYPE html><html><body>Apollo</body></html>')), /web page/);
    refused(() => decodeLeadFile(new Uint8Array(0)), /empty/);
    refused(() => decodeLeadFile(utf8('\n\n  \n')), /empty/);
  });

  it('refuses a file over the size limit before reading it, and says the limit', () => {
    expect(MAX_LEAD_FILE_BYTES).toBe(25 * 1024 * 1024);
    refused(() => checkLeadFileSize(50 * 1024 * 1024), /50 MB; Sidelog reads lead lists up to 25 MB/);
    expect(() => checkLeadFileSize(MAX_LEAD_FILE_BYTES)).not.toThrow();
    refused(() => checkLeadFileSize(MAX_LEAD_FILE_BYTES + 1), /up to 25 MB/);
  });
});

describe('parsing lead rows', () => {
  it('finds the header under LinkedIn\'s "Notes:" preamble and counts rows as a spreadsheet does', async () => {
    const text = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed it, see https://www.linkedin.com/psettings/privacy/email."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnjula,Batra,https://www.linkedin.com/in/anjula-batra,,Prepfully,Business Development Manager,30 May 2024\n,,,,,,02 Jun 2022\n';
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
    const ok = 'email,company\n' + Array.from({ length: 30_000 }, (_, i) => `p${i}@x.co,Company number ${i}`).join('\n');
    yields = 0;
    const p = await parseLeadText(ok, async () => void yields++);
    expect(p.rows).toHaveLength(30_000);
    expect(yields).toBeGreaterThan(1); // parsed in slices, the page gets a turn between them
  });
});
