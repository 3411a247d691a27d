// Lead lists, step 1: from the bytes of a file the user picked to text, or a clear refusal.
// What sellers actually hand us: UTF-8 with or without a BOM (Google Sheets, Apollo, HubSpot),
// Windows-1252 from a European Excel's "CSV (semicolon separated)", UTF-16 from Excel's "Unicode
// text"; and by mistake an .xlsx workbook, a PDF, a JSON export or a 50 MB dump. Pure: no DOM.

/** The largest lead file read. A 10,000-row Apollo export with every column is ~10–15 MB. */
export const MAX_LEAD_FILE_BYTES = 25 * 1024 * 1024;
/** Rows past this are refused (a list of leads, not a CRM dump). */
export const MAX_LEAD_ROWS = 50_000;

export class LeadFileError extends Error {}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Checked before the file is read at all, so a 50 MB file costs nothing. */
export function checkLeadFileSize(size: number): void {
  if (size === 0) throw new LeadFileError('This file is empty.');
  if (size > MAX_LEAD_FILE_BYTES)
    throw new LeadFileError(
      `This file is ${mb(size)}; Sidelog reads lead lists up to ${mb(MAX_LEAD_FILE_BYTES)} and ${MAX_LEAD_ROWS.toLocaleString('en')} rows. Split it, or export only the columns you need.`,
    );
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Files that are not text, by their first bytes. */
function notTextReason(b: Uint8Array): string | null {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]))
    return 'This is an Excel workbook or another zipped file, not a CSV. In Excel or Numbers, save it as "CSV UTF-8" and choose that file.';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0]))
    return 'This is an old Excel (.xls) file, not a CSV. Save it as "CSV UTF-8" and choose that file.';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'This is a PDF, not a CSV file.';
  if (
    startsWith(b, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(b, [0xff, 0xd8, 0xff]) ||
    startsWith(b, [0x47, 0x49, 0x46, 0x38])
  )
    return 'This is an image, not a CSV file.';
  if (startsWith(b, [0x1f, 0x8b])) return 'This file is compressed (gzip). Unpack it and choose the CSV inside.';
  return null;
}

export interface DecodedLeadFile {
  text: string;
  /** The encoding the text was read in. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/**
 * Text of a lead file. A BOM decides the encoding; without one, UTF-8 if the bytes are valid
 * UTF-8, else Windows-1252 (what Excel writes for "CSV" in Western Europe). Refuses files that are
 * not text, with a message saying what the file is instead.
 */
export function decodeLeadFile(bytes: Uint8Array): DecodedLeadFile {
  checkLeadFileSize(bytes.length);
  const why = notTextReason(bytes);
  if (why) throw new LeadFileError(why);
  let out: DecodedLeadFile;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    out = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  else if (startsWith(bytes, [0xff, 0xfe]))
    out = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  else if (startsWith(bytes, [0xfe, 0xff]))
    out = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  else {
    try {
      out = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      out = { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
    }
  }
  // A stray BOM left inside (a file concatenated from two exports) is not a character of a header.
  out.text = out.text.replace(/\uFEFF/g, '');
  // Binary files that slipped through the signatures: NULs and other control characters.
  const head = out.text.slice(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) throw new LeadFileError('This is not a text file (it contains binary data), so it cannot be a CSV.');
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  if (control > head.length / 100)
    throw new LeadFileError('This is not a text file (it contains binary data), so it cannot be a CSV.');
  const start = out.text.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('{') || start.startsWith('['))
    throw new LeadFileError(
      'This is a JSON file, not a CSV. (A Sidelog export is imported with Settings → Import JSON.)',
    );
  if (start.startsWith('<!doctype') || start.startsWith('<html') || start.startsWith('<?xml'))
    throw new LeadFileError('This is a web page or XML file, not a CSV. Export the list as CSV and choose that file.');
  if (!out.text.trim()) throw new LeadFileError('This file is empty.');
  return out;
}
