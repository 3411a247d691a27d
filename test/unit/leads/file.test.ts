// Lead files, bytes to text (lib/leads/file.ts): encodings sellers meet, files that are not CSV,
// the size limit; each decoded text is then parsed (lib/leads/parse.ts, tested in parse.test.ts).
import { describe, expect, it } from 'vitest';
import { checkLeadFileSize, decodeLeadFile, LeadFileError, MAX_LEAD_FILE_BYTES } from '@/lib/leads/file';
import { parseLeadText } from '@/lib/leads/parse';

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) =>
  Uint8Array.from(s, (c) => {
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
    const text =
      'Nom;Prénom;Société;E-mail;Poste\r\nDürr;Zoë;Crédit Agricole, SA;zoe.durr@ca.fr;Directrice générale\r\nMüller;Jürgen;Bäckerei Müller GmbH;jm@baeckerei.de;Geschäftsführer\r\n';
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
