// The built-in templates: plain UTF-8 files in templates/builtin/ that ship with the app and are
// read-only (an upgrade can improve them). Staff copy one into the database to edit it.
// File form: the title template on the first line, a blank line, then the body (docs/templates.md).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TEMPLATE_KINDS, type TemplateKind } from '../../common/document-schemas';

export interface BuiltinTemplate {
  id: string;
  kind: TemplateKind;
  /** 中文名. */
  name: string;
  nameEn: string;
  description: string;
  title: string;
  body: string;
  builtin: true;
}

const indexEntry = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'must be lower-case letters, digits and dashes' }),
    kind: z.enum(TEMPLATE_KINDS),
    name: z.string().trim().min(1),
    nameEn: z.string().trim().min(1),
    description: z.string().trim().min(1),
  })
  .strict();
const indexFile = z.array(indexEntry).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${e.id}"` });
    seen.add(e.id);
  });
});

// From services/templates/ in the source tree the folder is two levels up; from the esbuild bundle
// in dist/ it is one level up. The first that has an index.json wins.
const CANDIDATES = ['../templates/builtin/', '../../templates/builtin/'];

/** The folder the built-ins are read from. */
export function builtinTemplatesDir(from: string | URL = import.meta.url): URL {
  for (const candidate of CANDIDATES) {
    const dir = new URL(candidate, from);
    if (existsSync(new URL('index.json', dir))) return dir;
  }
  const looked = CANDIDATES.map((c) => fileURLToPath(new URL(c, from))).join(', ');
  throw new Error(
    `built-in templates: index.json not found (looked in ${looked}); the app is incomplete, reinstall it`,
  );
}

/** Splits a template file into its title (first line) and body (after the blank second line). */
export function parseTemplateFile(text: string, file: string): { title: string; body: string } {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const newline = normalized.indexOf('\n');
  const title = (newline < 0 ? normalized : normalized.slice(0, newline)).trim();
  if (title === '') throw new Error(`${file}: the first line must be the title template`);
  const rest = newline < 0 ? '' : normalized.slice(newline + 1);
  if (rest !== '' && !rest.startsWith('\n')) {
    throw new Error(`${file}: line 2 must be blank (the title is one line, then a blank line, then the body)`);
  }
  const body = rest.replace(/^\n+/, '').replace(/\s+$/, '');
  if (body === '') throw new Error(`${file}: the body is empty`);
  return { title, body };
}

/** Reads index.json and every template it lists, fresh from disk. */
export function loadBuiltinTemplates(dir: URL = builtinTemplatesDir()): BuiltinTemplate[] {
  const indexPath = fileURLToPath(new URL('index.json', dir));
  const parsedJson = (() => {
    try {
      return JSON.parse(readText(indexPath)) as unknown;
    } catch (e) {
      throw new Error(`${indexPath}: not valid JSON (${(e as Error).message})`);
    }
  })();
  const index = indexFile.safeParse(parsedJson);
  if (!index.success) {
    const first = index.error.issues[0];
    const path = first?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') ?? '';
    throw new Error(`${indexPath}: ${path.replace(/^\./, '')}: ${first?.message ?? 'invalid'}`);
  }
  return index.data.map((entry) => {
    const file = fileURLToPath(new URL(`${entry.id}.txt`, dir));
    const { title, body } = parseTemplateFile(readText(file), file);
    return Object.freeze({ ...entry, title, body, builtin: true as const });
  });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`${file}: cannot read the built-in template file (${code ?? (e as Error).message})`);
  }
}

let cache: readonly BuiltinTemplate[] | undefined;

/** The built-ins, read once per process. */
export function builtinTemplates(): readonly BuiltinTemplate[] {
  cache ??= Object.freeze(loadBuiltinTemplates());
  return cache;
}

export function builtinTemplate(id: string): BuiltinTemplate | undefined {
  return builtinTemplates().find((t) => t.id === id);
}
