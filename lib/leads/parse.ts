// Lead lists, step 2: text to a header and rows, with papaparse (RFC 4180 quoting, the delimiter
// guessed among comma, semicolon, tab and pipe). Rows are arrays, not objects: real exports repeat
// header names (HubSpot's "Billing Contact" twice) and some put notes above the header (LinkedIn's
// Connections.csv starts with "Notes:"). The text is parsed in slices with a pause between them,
// so a 25 MB file never freezes the panel.
import Papa, { type ParseResult, type Parser } from 'papaparse';
import { LeadFileError, MAX_LEAD_ROWS } from './file';

export interface ParsedLeadFile {
  headers: string[];
  /** Data rows (after the header), each padded or cut to headers.length. */
  rows: string[][];
  /** Spreadsheet row number of rows[i] is rowNumber(i) (the header's own row counts). */
  headerRow: number;
  delimiter: string;
}

/** 1-based row number, as a spreadsheet shows it, of data row `i`. */
export const rowNumber = (f: Pick<ParsedLeadFile, 'headerRow'>, i: number) => f.headerRow + 1 + i;

const DELIMITERS = [',', ';', '\t', '|'];
const CHUNK = 512 * 1024;

/** Excel writes `sep=;` as the first line when asked to; it names the delimiter. */
function excelSep(text: string): { delimiter: string | null; rest: string; skipped: number } {
  const m = /^sep=(.)[ \t]*\r?\n/i.exec(text);
  return m
    ? { delimiter: m[1], rest: text.slice(m[0].length), skipped: 1 }
    : { delimiter: null, rest: text, skipped: 0 };
}

function guessDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const r = Papa.parse<string[]>(sample, { preview: 50, delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy' });
  return DELIMITERS.includes(r.meta.delimiter) ? r.meta.delimiter : ',';
}

const nonEmpty = (row: readonly string[]) => row.reduce((n, c) => (c.trim() ? n + 1 : n), 0);

/**
 * Parses a lead file's text. The header is the first row with two or more cells filled (rows
 * above it are notes), or the first non-empty row of a one-column file.
 */
export async function parseLeadText(
  text: string,
  yieldEvery: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0)),
): Promise<ParsedLeadFile> {
  const sep = excelSep(text);
  const delimiter = sep.delimiter ?? guessDelimiter(sep.rest);
  const all: string[][] = [];
  let tooMany = false;
  let unclosed: number | null = null;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(sep.rest, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: CHUNK,
      chunk: (res: ParseResult<string[]>, parser: Parser) => {
        for (const e of res.errors)
          if (e.code === 'MissingQuotes' && unclosed === null) unclosed = all.length + (e.row ?? 0);
        for (const row of res.data) all.push(row);
        if (all.length > MAX_LEAD_ROWS + 50) {
          tooMany = true;
          parser.abort();
          return;
        }
        parser.pause();
        yieldEvery().then(() => parser.resume(), reject);
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  if (tooMany)
    throw new LeadFileError(
      `This file has more than ${MAX_LEAD_ROWS.toLocaleString('en')} rows; Sidelog imports up to ${MAX_LEAD_ROWS.toLocaleString('en')} leads at a time. Split it into smaller files.`,
    );
  // A trailing newline leaves one empty row.
  while (all.length && nonEmpty(all[all.length - 1]) === 0) all.pop();
  if (unclosed !== null)
    throw new LeadFileError(
      `A quoted cell in row ${unclosed + 1 + sep.skipped} is never closed, so the rest of the file would be read as one cell. The file is not a well-formed CSV; export it again.`,
    );
  let h = all.findIndex((r) => nonEmpty(r) >= 2);
  if (h < 0 || h > 20) h = all.findIndex((r) => nonEmpty(r) >= 1);
  if (h < 0) throw new LeadFileError('This file has no rows.');
  const headers = all[h].map((c, i) => c.trim() || `Column ${i + 1}`);
  // Trailing unnamed, empty columns (a sheet's stray commas) are dropped.
  while (
    headers.length > 1 &&
    !all[h][headers.length - 1].trim() &&
    all.slice(h + 1).every((r) => !(r[headers.length - 1] ?? '').trim())
  )
    headers.pop();
  const rows: string[][] = [];
  for (let i = h + 1; i < all.length; i++) {
    const r = all[i];
    rows.push(r.length === headers.length ? r : headers.map((_, j) => r[j] ?? ''));
  }
  if (rows.length > MAX_LEAD_ROWS)
    throw new LeadFileError(
      `This file has ${rows.length.toLocaleString('en')} rows; Sidelog imports up to ${MAX_LEAD_ROWS.toLocaleString('en')} leads at a time. Split it into smaller files.`,
    );
  return { headers, rows, headerRow: h + 1 + sep.skipped, delimiter };
}
