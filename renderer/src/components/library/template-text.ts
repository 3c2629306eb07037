// The template editor's text handling, kept pure so it is tested without a browser: inserting a
// placeholder at the cursor, finding an issue's place in the text, the insert menu's groups, and the
// 【待填：…】 marks to highlight in a preview.

import {
  PLACEHOLDER_GROUPS,
  PLACEHOLDERS,
  type PlaceholderDef,
  type PlaceholderGroup,
} from '../../../../common/templates/placeholders';
import type { Language } from '../../../../common/types';

export interface Edited {
  value: string;
  /** Where the cursor goes after the edit: just after the inserted text. */
  caret: number;
}

/**
 * `text` with `insertion` in place of the selection [start, end). Positions out of range (or
 * reversed) are clamped, so a stale selection never throws or loses text.
 */
export function insertAtSelection(text: string, start: number, end: number, insertion: string): Edited {
  const clamp = (n: number) => Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : text.length, 0), text.length);
  let from = clamp(start);
  let to = clamp(end);
  if (to < from) [from, to] = [to, from];
  // Never split a surrogate pair: a caret between its halves would leave a lone surrogate.
  const collapsed = from === to;
  if (from > 0 && isHighSurrogate(text.charCodeAt(from - 1)) && isLowSurrogate(text.charCodeAt(from))) from--;
  if (collapsed) to = from;
  else if (to > 0 && isHighSurrogate(text.charCodeAt(to - 1)) && isLowSurrogate(text.charCodeAt(to))) to++;
  return { value: text.slice(0, from) + insertion + text.slice(to), caret: from + insertion.length };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The `{{key}}` the insert menu writes. */
export function placeholderText(key: string): string {
  return `{{${key}}}`;
}

/**
 * The offset of a 1-based line and column (UTF-16 units), counting lines as validateTemplate does
 * (LF, CRLF or a lone CR ends a line). Past the end of a line or of the text, the nearest end.
 */
export function offsetAt(text: string, line: number, column: number): number {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const lf = text.indexOf('\n', start);
    const cr = text.indexOf('\r', start);
    if (lf < 0 && cr < 0) return text.length;
    if (cr >= 0 && (lf < 0 || cr < lf)) start = text[cr + 1] === '\n' ? cr + 2 : cr + 1;
    else start = lf + 1;
  }
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return Math.min(start + Math.max(column - 1, 0), end);
}

export interface PlaceholderOption {
  key: string;
  label: string;
  description: string;
  example: string;
  /** What the menu's search matches: both labels and the key. */
  search: string;
}

export interface PlaceholderOptionGroup {
  group: PlaceholderGroup;
  label: string;
  options: PlaceholderOption[];
}

/** The insert menu: every placeholder under its group, in the order of common/templates/placeholders.ts. */
export function placeholderGroups(language: Language): PlaceholderOptionGroup[] {
  const label = (d: { zh: string; en: string }) => (language === 'zh-CN' ? d.zh : d.en);
  return PLACEHOLDER_GROUPS.map((g) => ({
    group: g.group,
    label: label(g),
    options: (PLACEHOLDERS as readonly PlaceholderDef[])
      .filter((p) => p.group === g.group)
      .map((p) => ({
        key: p.key,
        label: label(p),
        description: p.description,
        example: p.example,
        search: `${p.zh} ${p.en} ${p.key}`.toLowerCase(),
      })),
  })).filter((g) => g.options.length > 0);
}

/** The Chinese or English name of a placeholder key; the key itself when it is unknown. */
export function placeholderLabel(key: string, language: Language): string {
  const def = (PLACEHOLDERS as readonly PlaceholderDef[]).find((p) => p.key === key);
  if (!def) return key;
  return language === 'zh-CN' ? def.zh : def.en;
}

export type MarkedPart = { mark: false; text: string } | { mark: true; text: string };

// The mark a missing value leaves (common/templates/engine.ts) and the built-ins use for what staff write.
const MISSING_MARK = /【待填[：:][^】\n]*】/g;

/** A filled text split into plain runs and 【待填：…】 marks, in order; joined, the parts are the text. */
export function splitMissingMarks(text: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let last = 0;
  for (const m of text.matchAll(MISSING_MARK)) {
    if (m.index > last) parts.push({ mark: false, text: text.slice(last, m.index) });
    parts.push({ mark: true, text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ mark: false, text: text.slice(last) });
  return parts;
}
