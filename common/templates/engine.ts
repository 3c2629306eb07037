// The template language: `{{key}}` placeholders in a title and a body (docs/templates.md).
// Pure and linear-time: one left-to-right scan, used by main to fill and by the renderer to check
// and preview while staff type. Values are inserted as they are and never scanned again, so text
// like "{{office.name}}" inside a department's name stays literal.
import { isPlaceholderKey, PLACEHOLDER_KEYS, type PlaceholderKey, placeholderDef } from './placeholders';

export interface TemplateText {
  title: string;
  body: string;
}

export type PlaceholderValues = Partial<Record<PlaceholderKey, string>>;

export interface FoundPlaceholder {
  /** The key as written, trimmed of the spaces allowed inside the braces; known or not. */
  key: string;
  /** Where `{{` starts, in UTF-16 code units. */
  index: number;
  /** Length of the whole `{{…}}`. */
  length: number;
  known: boolean;
}

export type IssueCode =
  | 'unknown-placeholder'
  | 'unclosed-braces'
  | 'empty-placeholder'
  | 'invalid-key'
  | 'full-width-braces'
  | 'single-braces';

export interface TemplateIssue {
  /** An error makes the template unusable until fixed; a warning is likely a typing slip. */
  severity: 'error' | 'warning';
  code: IssueCode;
  field: 'title' | 'body';
  /** 1-based line within the field. */
  line: number;
  /** 1-based column within the line, in UTF-16 code units. */
  column: number;
  /** The offending text as written (cut to 40 characters). */
  text: string;
  /** For unknown-placeholder: the key as written. */
  key?: string;
  /** A known key close to what was written. */
  suggestion?: PlaceholderKey;
  /** English, for logs and tests; the UI words it from `code`, `key` and `suggestion`. */
  message: string;
}

export interface FilledTemplate {
  title: string;
  body: string;
  /** Known placeholders with no value, in order of first use: shown as 【待填：…】 in the text. */
  missing: PlaceholderKey[];
  /** Unknown placeholders, left in the text as written (validateTemplate reports them). */
  unknown: string[];
}

/** What stands in the text for a known placeholder that has no value. */
export const MISSING_MARK_PREFIX = '【待填：';

export function missingMark(key: PlaceholderKey): string {
  return `${MISSING_MARK_PREFIX}${placeholderDef(key).zh}】`;
}

type Token =
  | { type: 'text'; index: number; end: number }
  /** `\{{`: a literal `{{`. */
  | { type: 'escape'; index: number }
  | { type: 'placeholder'; index: number; length: number; key: string }
  | { type: 'malformed'; index: number; length: number; problem: 'unclosed' | 'empty' | 'invalid' };

const KEY_RE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
// Characters read as "the key" before checking it: wide enough to report `{{会议名称}}` or
// `{{conference-title}}` as one invalid key rather than as unclosed braces.
const isKeyLike = (c: string) =>
  c !== '{' && c !== '}' && c !== '\\' && c !== '\n' && c !== '\r' && c !== ' ' && c !== '\t';

/**
 * Splits a text into literal runs, escapes, placeholders and malformed braces. Every character
 * is looked at a bounded number of times: after a `{{` the scan resumes where reading stopped.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let textStart = 0;
  let i = 0;
  const flushText = (end: number) => {
    if (end > textStart) tokens.push({ type: 'text', index: textStart, end });
  };
  while (i < n) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '{' && text[i + 2] === '{') {
      flushText(i);
      tokens.push({ type: 'escape', index: i });
      i += 3;
      textStart = i;
      continue;
    }
    if (c !== '{' || text[i + 1] !== '{') {
      i++;
      continue;
    }
    flushText(i);
    let j = i + 2;
    while (isSpace(text[j])) j++;
    const keyStart = j;
    while (j < n && isKeyLike(text[j] as string)) j++;
    const keyEnd = j;
    while (isSpace(text[j])) j++;
    if (text[j] === '}' && text[j + 1] === '}') {
      const key = text.slice(keyStart, keyEnd);
      const length = j + 2 - i;
      if (key === '') tokens.push({ type: 'malformed', index: i, length, problem: 'empty' });
      else if (KEY_RE.test(key)) tokens.push({ type: 'placeholder', index: i, length, key });
      else tokens.push({ type: 'malformed', index: i, length, problem: 'invalid' });
      i = j + 2;
    } else {
      // Not a placeholder: take it up to the next `}}` on the line, else up to the line's end or
      // the next `{{` or `\{{`, whichever comes first.
      let k = j;
      while (k < n && text[k] !== '\n' && text[k] !== '\r') {
        if (text[k] === '{' && text[k + 1] === '{') break;
        if (text[k] === '\\' && text[k + 1] === '{' && text[k + 2] === '{') break;
        if (text[k] === '}' && text[k + 1] === '}') break;
        k++;
      }
      if (text[k] === '}' && text[k + 1] === '}') {
        tokens.push({ type: 'malformed', index: i, length: k + 2 - i, problem: 'invalid' });
        i = k + 2;
      } else {
        tokens.push({ type: 'malformed', index: i, length: k - i, problem: 'unclosed' });
        i = k;
      }
    }
    textStart = i;
  }
  flushText(n);
  return tokens;
}

/** Every well-formed `{{key}}` in the text, known or not, in order. Escaped `\{{` is not one. */
export function findPlaceholders(text: string): FoundPlaceholder[] {
  const found: FoundPlaceholder[] = [];
  for (const t of tokenize(text)) {
    if (t.type === 'placeholder')
      found.push({ key: t.key, index: t.index, length: t.length, known: isPlaceholderKey(t.key) });
  }
  return found;
}

/**
 * Errors (unknown keys, malformed braces) and warnings (likely slips), title first, then the body,
 * each in text order; at most the first 100 of each field.
 */
export function validateTemplate(template: TemplateText): TemplateIssue[] {
  return [...validateField(template.title, 'title'), ...validateField(template.body, 'body')];
}

/** The template with each known placeholder replaced by its value, or by 【待填：中文名】 when it has none. */
export function fillTemplate(template: TemplateText, values: PlaceholderValues): FilledTemplate {
  const missing = new Set<PlaceholderKey>();
  const unknown = new Set<string>();
  const title = fillField(template.title, values, missing, unknown, titleValue);
  const body = fillField(template.body, values, missing, unknown, bodyValue);
  return { title, body, missing: [...missing], unknown: [...unknown] };
}

const valueLines = (v: string) => v.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
// A title is one line: a value's line breaks become 、 (lists such as the speakers).
const titleValue = (v: string) =>
  valueLines(v)
    .map((line) => line.trim())
    .join('、');
// A value stays inside the paragraph it was put in: blank lines in it would start new paragraphs.
const bodyValue = (v: string) => valueLines(v).join('\n');

function fillField(
  text: string,
  values: PlaceholderValues,
  missing: Set<PlaceholderKey>,
  unknown: Set<string>,
  shape: (v: string) => string,
): string {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    switch (t.type) {
      case 'text':
        out.push(text.slice(t.index, t.end));
        break;
      case 'escape':
        out.push('{{');
        break;
      case 'malformed':
        out.push(text.slice(t.index, t.index + t.length));
        break;
      case 'placeholder': {
        if (!isPlaceholderKey(t.key)) {
          unknown.add(t.key);
          out.push(text.slice(t.index, t.index + t.length));
          break;
        }
        const value = Object.hasOwn(values, t.key) ? values[t.key] : undefined;
        // An empty value is as good as none: the reader must see that something is missing.
        if (typeof value === 'string' && value.trim() !== '') {
          out.push(shape(value));
        } else {
          missing.add(t.key);
          out.push(missingMark(t.key));
        }
        break;
      }
    }
  }
  return out.join('');
}

// Past this many, more issues in one field help nobody (a pasted file full of braces).
const MAX_ISSUES_PER_FIELD = 100;

function validateField(text: string, field: 'title' | 'body'): TemplateIssue[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) lineStarts.push(i + 1);
  }
  const where = (index: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - (lineStarts[lo] as number) + 1 };
  };
  const issues: TemplateIssue[] = [];
  const add = (
    severity: TemplateIssue['severity'],
    code: IssueCode,
    index: number,
    raw: string,
    explain: (shown: string) => string,
    extra: Pick<TemplateIssue, 'key' | 'suggestion'> = {},
  ) => {
    if (issues.length >= MAX_ISSUES_PER_FIELD) return;
    const { line, column } = where(index);
    const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
    const place = field === 'title' && lineStarts.length === 1 ? 'title' : `${field} line ${line}`;
    issues.push({
      severity,
      code,
      field,
      line,
      column,
      text: shown,
      ...extra,
      message: `${place}: ${explain(shown)}`,
    });
  };

  for (const t of tokenize(text)) {
    if (issues.length >= MAX_ISSUES_PER_FIELD) break;
    if (t.type === 'placeholder' && !isPlaceholderKey(t.key)) {
      const suggestion = closestKey(t.key);
      const hint = suggestion ? ` (did you mean {{${suggestion}}}?)` : '';
      add(
        'error',
        'unknown-placeholder',
        t.index,
        text.slice(t.index, t.index + t.length),
        (s) => `unknown placeholder ${s}${hint}`,
        suggestion ? { key: t.key, suggestion } : { key: t.key },
      );
    } else if (t.type === 'malformed') {
      const raw = text.slice(t.index, t.index + t.length);
      if (t.problem === 'unclosed') {
        add('error', 'unclosed-braces', t.index, raw, (s) => `${s} has {{ without a closing }} on the same line`);
      } else if (t.problem === 'empty') {
        add('error', 'empty-placeholder', t.index, raw, (s) => `empty placeholder ${s}`);
      } else {
        add(
          'error',
          'invalid-key',
          t.index,
          raw,
          (s) =>
            `malformed placeholder ${s}: a key is ASCII letters and digits joined by dots, e.g. {{conference.title}}`,
        );
      }
    } else if (t.type === 'text') {
      const run = text.slice(t.index, t.end);
      for (const m of run.matchAll(/｛｛/g)) {
        add(
          'warning',
          'full-width-braces',
          t.index + m.index,
          m[0],
          () => 'full-width braces ｛｛ do not make a placeholder: type {{ with half-width braces',
        );
      }
      for (const m of run.matchAll(/(?<![{\\])\{[ \t]*([A-Za-z][A-Za-z0-9.]{0,60})[ \t]*\}(?!\})/g)) {
        const key = m[1] as string;
        if (!isPlaceholderKey(key)) continue;
        add('warning', 'single-braces', t.index + m.index, m[0], (s) => `${s} has single braces: write {{${key}}}`, {
          key,
          suggestion: key,
        });
      }
    }
  }
  return issues;
}

/** A known key within a small edit distance of what was written, for "did you mean". */
function closestKey(written: string): PlaceholderKey | undefined {
  if (written.length > 40) return undefined;
  let best: PlaceholderKey | undefined;
  let bestDistance = Math.max(2, Math.floor(written.length / 4)) + 1;
  for (const def of PLACEHOLDER_KEYS) {
    const d = written.toLowerCase() === def.toLowerCase() ? 0 : editDistance(written, def);
    if (d < bestDistance) {
      best = def;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = row;
  }
  return prev[b.length] as number;
}
