// Roster import (人员名册导入), step 1: read a department-people roster from .xlsx or .csv into rows
// and per-row errors. Nothing is written here; the preview and the all-or-nothing write use these
// rows after matchRoster has resolved their departments.
//
// Decisions:
// - Columns are found by header text, trimmed, with inner spaces ("姓  名") and a trailing required
//   mark ("部门*") ignored, in Chinese or English (HEADERS below). Other columns (序号, 备注) are
//   ignored. The header is the first non-empty row; a title row above it ("2026年新闻发言人名册")
//   is passed over when a later row among the first ten holds both required headers.
// - 角色 (role) is strict: a value that names no role is an error. 职务 (job title) is lenient: its
//   role is taken when the title names one ("党组成员、副局长" → deputy), otherwise role is null
//   and the text is kept in roleText, for the person's title. With both columns, 角色 decides the
//   role and 职务 is the roleText.
// - A row is skipped when every recognised column is empty (a pre-numbered template's spare rows).
// - Values are checked with personFields' own schemas (common/schemas.ts), so a row that parses is
//   a row the register accepts: the same e-mail rule, the same length limits. A phone number is
//   only limited in length, as in the register's form; a number cell loses a leading zero in
//   Excel itself, which cannot be undone here.
// - CSV: see csv.ts for encodings. The separator is the first line's: comma, else tab, else
//   semicolon.
import type { z } from 'zod';
import { departmentFields, personFields, type Role } from '../../common/schemas';
import { decodeCsv, parseCsv, sniffDelimiter } from './csv';
import { ROLE_WORDS, roleFromText } from './roles';
import { declaredUnzippedSize, type RawCell, type RawRow, readXlsxRows } from './xlsx-rows';

export const ROSTER_LIMITS = {
  bytes: 5 * 1024 * 1024,
  rows: 5000,
  /** Declared uncompressed size of an .xlsx: a 5,000-row roster is a few MB of XML. */
  unzippedBytes: 64 * 1024 * 1024,
} as const;

export type RosterField = 'department' | 'name' | 'role' | 'title' | 'phone' | 'email';

export interface RosterRow {
  /** The row number users see in Excel (the CSV record number for CSV). */
  line: number;
  department: string;
  name: string;
  role: Role | null;
  /** The 职务 text when the file has that column, else the 角色 text: the file's own words. */
  roleText: string | null;
  phone: string | null;
  email: string | null;
}

export interface RosterError {
  line: number;
  /** The header as the file spells it. */
  column?: string;
  message: string;
}

export interface RosterParse {
  rows: RosterRow[];
  errors: RosterError[];
  /** The whole file was refused (size, type, encoding, header); rows and errors are then empty. */
  headerError?: string;
  /** The header row and the header text of each recognised column. */
  headerLine?: number;
  columns?: Partial<Record<RosterField, string>>;
}

/** Accepted header texts, normalised (see headerKey). */
const HEADERS: Record<RosterField, readonly string[]> = {
  department: ['部门', '单位', '部门名称', '单位名称', '所在部门', '所在单位', '部门(单位)', 'department', 'dept'],
  name: ['姓名', '名字', 'name'],
  role: ['角色', '人员类别', '类别', 'role'],
  title: ['职务', '职位', '职务(职称)', 'title', 'position', 'jobtitle'],
  phone: [
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '电话号码',
    '联系电话',
    '联系方式',
    'phone',
    'mobile',
    'tel',
    'telephone',
  ],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', '电子邮件地址', 'email', 'e-mail', 'mail'],
};
const REQUIRED: readonly RosterField[] = ['department', 'name'];
const HEADER_SEARCH_ROWS = 10;

function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(\*|\(必填\))$/, '')
    .toLowerCase();
}

const FIELD_BY_HEADER = new Map<string, RosterField>(
  (Object.entries(HEADERS) as [RosterField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((n): [string, RosterField] => [headerKey(n), field]),
  ),
);

/** Leading/trailing spaces of any kind, ideographic and no-break spaces included. */
const trim = (s: string) => s.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');

const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 60)}…` : s}"`;

const refused = (headerError: string): RosterParse => ({ rows: [], errors: [], headerError });

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

type Columns = Partial<Record<RosterField, { index: number; header: string }>>;

function findColumns(row: RawRow): { columns: Columns; line: number } | { error: string } {
  const columns: Columns = {};
  for (const [index, cell] of row.cells.entries()) {
    const header = trim(cell.text);
    const field = FIELD_BY_HEADER.get(headerKey(header));
    if (!field) continue;
    const seen = columns[field];
    if (seen) {
      return {
        error: `header row ${row.line}: columns ${columnLetter(seen.index)} ${quote(seen.header)} and ${columnLetter(index)} ${quote(header)} are both the ${field} column; keep one`,
      };
    }
    columns[field] = { index, header };
  }
  const missing = REQUIRED.filter((f) => !columns[f]);
  if (missing.length) {
    const list = missing.map(
      (f) => `${quote(HEADERS[f][0] ?? f)} (or ${HEADERS[f].slice(1, 3).map(quote).join(', ')}, …)`,
    );
    return { error: `header row ${row.line}: missing column ${list.join(' and ')}` };
  }
  return { columns, line: row.line };
}

const isEmptyRow = (row: RawRow) => row.cells.every((c) => !trim(c.text) && !c.problem);

/** Validation with the register's own field schema; the first issue in plain words. */
function check(schema: z.ZodType, value: string): string | null {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const issue = r.error.issues[0];
  if (!issue) return 'is not valid';
  if (issue.code === 'too_big') return `is longer than ${String(issue.maximum)} characters`;
  return issue.message;
}

function readRows(raw: RawRow[], source: 'xlsx' | 'csv'): RosterParse {
  const nonEmpty = raw.filter((r) => !isEmptyRow(r));
  const first = nonEmpty[0];
  if (!first) return refused(`the ${source === 'csv' ? 'CSV file' : 'worksheet'} is empty`);

  // The first non-empty row is the header, unless a title row sits above a real one.
  let found = findColumns(first);
  if ('error' in found) {
    for (const r of nonEmpty.slice(1, HEADER_SEARCH_ROWS)) {
      const later = findColumns(r);
      if ('columns' in later) {
        found = later;
        break;
      }
    }
  }
  if ('error' in found) return refused(found.error);
  const { columns, line: headerLine } = found;

  const cellOf = (row: RawRow, field: RosterField): RawCell | null => {
    const col = columns[field];
    return col ? (row.cells[col.index] ?? { text: '' }) : null;
  };
  const isBlank = (row: RawRow) =>
    (Object.keys(columns) as RosterField[]).every((f) => {
      const c = cellOf(row, f);
      return !c || (!trim(c.text) && !c.problem);
    });

  const data = raw.filter((r) => r.line > headerLine && !isBlank(r));
  if (data.length > ROSTER_LIMITS.rows) {
    return refused(
      `the file has ${data.length} people rows; at most ${ROSTER_LIMITS.rows} can be imported at once — split the file`,
    );
  }

  const rows: RosterRow[] = [];
  const errors: RosterError[] = [];
  for (const row of data) {
    const before = errors.length;
    const fail = (field: RosterField, message: string) => {
      const column = columns[field]?.header ?? field;
      errors.push({ line: row.line, column, message: `line ${row.line}, ${quote(column)}: ${message}` });
    };
    const value = (field: RosterField): string | null => {
      const cell = cellOf(row, field);
      if (!cell) return null;
      if (cell.problem) {
        fail(field, cell.problem);
        return null;
      }
      const text = trim(cell.text);
      return text === '' ? null : text;
    };

    const department = value('department');
    const name = value('name');
    const roleCell = value('role');
    const title = value('title');
    const phone = value('phone');
    let email = value('email');

    if (department === null && !cellOf(row, 'department')?.problem) fail('department', 'is empty');
    if (name === null && !cellOf(row, 'name')?.problem) fail('name', 'is empty');
    if (department !== null) {
      const problem = check(departmentFields.shape.name, department);
      if (problem) fail('department', problem);
    }
    if (name !== null) {
      const problem = check(personFields.shape.name, name);
      if (problem) fail('name', problem);
    }

    let role: Role | null = null;
    if (roleCell !== null) {
      role = roleFromText(roleCell);
      if (!role) {
        const words = Object.values(ROLE_WORDS).map(quote).join(', ');
        fail('role', `${quote(roleCell)} is not a role; use ${words} (or head, spokesperson, deputy)`);
      }
    }
    if (role === null && title !== null) role = roleFromText(title);
    const roleText = title ?? roleCell;
    if (roleText !== null) {
      const problem = check(personFields.shape.title, roleText);
      if (problem) fail(title !== null ? 'title' : 'role', problem);
    }

    if (phone !== null) {
      const problem = check(personFields.shape.phone, phone);
      if (problem) fail('phone', `${problem} (${quote(phone)})`);
    }
    if (email !== null) {
      email = email.replace(/^mailto:/i, '');
      const problem = check(personFields.shape.email, email);
      if (problem) fail('email', `${problem} (${quote(email)})`);
    }

    if (errors.length === before && department !== null && name !== null) {
      rows.push({ line: row.line, department, name, role, roleText, phone, email: email || null });
    }
  }

  const columnNames: Partial<Record<RosterField, string>> = {};
  for (const [field, col] of Object.entries(columns) as [RosterField, { header: string }][])
    columnNames[field] = col.header;
  return { rows, errors, headerLine, columns: columnNames };
}

function kindOf(file: { name: string; bytes: Uint8Array }): 'xlsx' | 'csv' | { error: string } {
  const b = file.bytes;
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  // The bytes decide over the name: a workbook renamed .csv is still a workbook.
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    return {
      error: 'this is an old Excel 97–2003 (.xls) or encrypted workbook; save it as .xlsx (Excel Workbook) or CSV',
    };
  }
  if (ext === 'xlsx' || ext === 'xlsm') return { error: 'the file is named .xlsx but is not an Excel workbook' };
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  return {
    error: ext
      ? `cannot import a ".${ext}" file; use .xlsx or .csv`
      : 'the file name has no extension; use .xlsx or .csv',
  };
}

export async function parseRoster(file: { name: string; bytes: Uint8Array }): Promise<RosterParse> {
  const size = file.bytes.byteLength;
  if (size > ROSTER_LIMITS.bytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return refused(`the file is ${mb(size)}; at most ${mb(ROSTER_LIMITS.bytes)} can be imported — split the file`);
  }
  if (size === 0) return refused('the file is empty');
  const kind = kindOf(file);
  if (typeof kind === 'object') return refused(kind.error);

  if (kind === 'csv') {
    const decoded = decodeCsv(file.bytes);
    if ('error' in decoded) return refused(decoded.error);
    // Rows are counted precisely later; this stops a file of short lines before it is split up.
    const { records, unclosedQuoteAt, stoppedAt } = parseCsv(
      decoded.text,
      sniffDelimiter(decoded.text),
      ROSTER_LIMITS.rows * 2,
    );
    if (stoppedAt !== undefined) {
      return refused(
        `the file has more than ${stoppedAt} lines; at most ${ROSTER_LIMITS.rows} people can be imported at once — split the file`,
      );
    }
    if (unclosedQuoteAt !== undefined) {
      return refused(`line ${unclosedQuoteAt}: a quoted field is never closed (a stray " character?)`);
    }
    return readRows(
      records.map((r) => ({ line: r.line, cells: r.fields.map((text) => ({ text })) })),
      'csv',
    );
  }

  const unzipped = declaredUnzippedSize(file.bytes);
  if (unzipped !== null && unzipped > ROSTER_LIMITS.unzippedBytes) {
    return refused('the workbook unpacks to more than 64 MB; a roster is far smaller — save only the roster sheet');
  }
  // Rows are counted precisely later; this stops a huge sheet before it is turned into rows.
  const sheet = await readXlsxRows(file.bytes, ROSTER_LIMITS.rows * 2);
  if ('error' in sheet) return refused(sheet.error);
  if ('tooManyRows' in sheet) {
    return refused(
      `the worksheet has ${sheet.tooManyRows} rows; at most ${ROSTER_LIMITS.rows} can be imported at once — split the file`,
    );
  }
  return readRows(sheet.rows, 'xlsx');
}
