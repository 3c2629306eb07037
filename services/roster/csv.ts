// CSV as offices produce it: saved by Excel or WPS on Chinese Windows (GBK/GB18030, no BOM), by
// Excel's "CSV UTF-8" (BOM), by other tools (UTF-8 without BOM), or Excel's "Unicode text"
// (UTF-16 with BOM, tab-separated). Fields follow RFC 4180: quoted fields may hold commas, quotes
// ("") and line breaks; lines end in CRLF, LF or CR.

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Decodes CSV bytes. A BOM decides; without one, strict UTF-8 is tried first and GB18030 (a
 * superset of GBK, what "CSV" means on Chinese Windows) second. GBK text that happens to be valid
 * UTF-8 is vanishingly rare for Chinese text: GBK's two-byte sequences mostly break UTF-8's rules.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } | { error: string } {
  const [b0, b1, b2] = bytes;
  const strict = (encoding: CsvEncoding, from: number): string | null => {
    try {
      // ignoreBOM keeps TextDecoder from eating a second BOM; the first one is skipped by `from`.
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
    } catch {
      return null;
    }
  };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = strict('utf-8', 3);
    return text === null
      ? { error: 'the file starts with a UTF-8 byte-order mark but is not UTF-8 text' }
      : { text, encoding: 'utf-8' };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const text = strict(encoding, 2);
    return text === null
      ? { error: `the file starts with a UTF-16 byte-order mark but is not ${encoding.toUpperCase()} text` }
      : { text, encoding };
  }
  const utf8 = strict('utf-8', 0);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = strict('gb18030', 0);
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  return { error: 'the file is neither UTF-8 nor GBK/GB18030 text; save it from Excel as "CSV UTF-8" or as .xlsx' };
}

/**
 * The separator of the first non-empty line outside quotes: a comma when it has one, else a tab
 * (Excel's "Unicode text"), else a semicolon (Excel in locales with a decimal comma), else comma.
 */
export function sniffDelimiter(text: string): ',' | '\t' | ';' {
  const seen = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  let content = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (content) break;
    } else if (!quoted && (ch === ',' || ch === '\t' || ch === ';')) seen[ch]++;
    if (ch.trim()) content = true;
  }
  if (seen[',']) return ',';
  if (seen['\t']) return '\t';
  return seen[';'] ? ';' : ',';
}

export interface CsvRecord {
  /** 1-based record number: the row number Excel shows when it opens the file. */
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records. An empty line is a record of one empty field (Excel shows it as
 * an empty row, and the row numbers after it count it). A quote inside an unquoted field is kept
 * as text, as Excel does. `unclosedQuoteAt` is the record whose quoted field never closes;
 * `stoppedAt` is set when the text has more than `maxRecords` records (the rest is not read).
 */
export function parseCsv(
  text: string,
  delimiter = ',',
  maxRecords = Number.POSITIVE_INFINITY,
): { records: CsvRecord[]; unclosedQuoteAt?: number; stoppedAt?: number } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  let line = 1;
  const endRecord = () => {
    fields.push(field);
    records.push({ line, fields });
    fields = [];
    field = '';
    fieldStart = true;
    line++;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      if (records.length > maxRecords) return { records, stoppedAt: maxRecords };
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (quoted) {
    endRecord();
    return { records, unclosedQuoteAt: line - 1 };
  }
  // A last line without a line break is a record; a trailing line break does not start one.
  if (field !== '' || fields.length > 0 || !fieldStart) endRecord();
  return { records };
}
