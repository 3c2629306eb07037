// The file name the export dialog suggests: the title, "（草稿）" until the document is approved
// (the server prints the same mark on the page), ".docx". Made safe the way the server checks a
// typed name (services/export-files.ts), so the suggestion is never refused.

// Path separators, characters Windows refuses, controls and invisible formatting.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE = /[\\/:*?"<>|\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFFE\uFFFF]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_NAME_BYTES = 200;
const DOCX = '.docx';

const bytes = (s: string) => new TextEncoder().encode(s).length;

export function suggestedFileName(title: string, final: boolean, draftMark: string): string {
  let base = `${title.trim()}${final ? '' : draftMark}`
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!base || /^_+$/.test(base)) base = 'document';
  if (RESERVED.test(base)) base = `_${base}`;
  while (bytes(base) > MAX_NAME_BYTES - bytes(DOCX)) base = Array.from(base).slice(0, -1).join('');
  return base.replace(/[\s.]+$/, '') + DOCX;
}
