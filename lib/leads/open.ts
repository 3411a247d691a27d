// Lead lists: a picked file to what the mapping screen shows (columns, guesses, samples, the tool
// it came from). Each step is its own module; this strings them together.
import { decodeLeadFile, type DecodedLeadFile } from './file';
import { detectTool, guessMapping, sampleColumns, type ColumnMapping, type ColumnSample, type LeadTool } from './guess';
import { parseLeadText, type ParsedLeadFile } from './parse';

export interface OpenedLeadFile {
  name: string;
  encoding: DecodedLeadFile['encoding'];
  parsed: ParsedLeadFile;
  samples: ColumnSample[];
  mapping: ColumnMapping[];
  tool: LeadTool | null;
  /** What the "lead source" of rows without one defaults to: the tool, else the file's name. */
  defaultLeadSource: string;
}

export function fileBaseName(name: string): string {
  return name
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[_]+/g, ' ')
    .trim()
    .slice(0, 100);
}

export async function openLeadFile(bytes: Uint8Array, name: string): Promise<OpenedLeadFile> {
  const decoded = decodeLeadFile(bytes);
  const parsed = await parseLeadText(decoded.text);
  const samples = sampleColumns(parsed.rows, parsed.headers.length);
  const tool = detectTool(parsed.headers, samples);
  return {
    name,
    encoding: decoded.encoding,
    parsed,
    samples,
    mapping: guessMapping(parsed.headers, samples),
    tool,
    defaultLeadSource: tool ?? fileBaseName(name),
  };
}
