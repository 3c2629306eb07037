// Text bound for a spreadsheet (CSV, .xlsx) is made inert: a cell that begins with = + - @ or a
// tab, CR or LF could run as a formula when opened in Excel or WPS (OWASP CSV injection). A
// leading apostrophe makes the spreadsheet show the text as text.
const FORMULA_START = /^[=+\-@\t\r\n]/;

export function inertCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field: inert, and quoted when it holds a quote, comma or line break. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = inertCell(typeof value === 'string' ? value : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as Excel on Chinese Windows opens it: UTF-8 with a byte-order mark, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
