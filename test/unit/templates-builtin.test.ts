// The built-in templates shipped in templates/builtin/, and their loader.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMPLATE_KINDS } from '../../common/document-schemas';
import { fillTemplate, findPlaceholders, validateTemplate } from '../../common/templates/engine';
import {
  builtinTemplate,
  builtinTemplates,
  builtinTemplatesDir,
  loadBuiltinTemplates,
  parseTemplateFile,
} from '../../services/templates/builtin';

describe('built-in templates', () => {
  const templates = builtinTemplates();

  it('has one for every template kind', () => {
    expect(new Set(templates.map((t) => t.kind))).toEqual(new Set(TEMPLATE_KINDS));
  });

  it.each(templates.map((t) => [t.id, t] as const))('%s checks with no issue', (_id, t) => {
    expect(validateTemplate(t)).toEqual([]);
    for (const p of [...findPlaceholders(t.title), ...findPlaceholders(t.body)]) expect(p.known).toBe(true);
    expect(t.builtin).toBe(true);
    expect(t.name).toMatch(/\p{Script=Han}/u);
  });

  it.each(templates.map((t) => [t.id, t] as const))('%s is in the body form', (_id, t) => {
    expect(t.title).not.toContain('\n');
    // Paragraphs are separated by exactly one blank line, with no spaces at line ends.
    expect(t.body).not.toMatch(/\n\n\n/);
    expect(t.body).not.toMatch(/[ \t]$/m);
    // A content paragraph numbered （一） or 一、 would be read as a heading: headings are one line.
    for (const paragraph of t.body.split('\n\n')) {
      if (/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(paragraph)) {
        expect(paragraph, `${t.id}: heading "${paragraph}"`).not.toContain('\n');
        expect(paragraph.length, `${t.id}: heading "${paragraph}"`).toBeLessThanOrEqual(40);
      }
    }
  });

  it('fill with no values leaves every placeholder marked', () => {
    for (const t of templates) {
      const filled = fillTemplate(t, {});
      expect(findPlaceholders(filled.title + filled.body)).toEqual([]);
      expect(filled.missing.length).toBeGreaterThan(0);
    }
  });

  it('is read once and looked up by id', () => {
    expect(builtinTemplates()).toBe(templates);
    expect(builtinTemplate('notice')?.title).toBe('关于召开{{conference.title}}的通知');
    expect(builtinTemplate('nope')).toBeUndefined();
    expect(Object.isFrozen(templates[0])).toBe(true);
  });

  it('is found from the source tree and from dist/', () => {
    const root = new URL('../../', import.meta.url);
    expect(builtinTemplatesDir().href).toBe(new URL('templates/builtin/', root).href);
    expect(builtinTemplatesDir(new URL('dist/main.mjs', root)).href).toBe(new URL('templates/builtin/', root).href);
  });
});

describe('built-in template loader', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const fixture = (index: unknown, files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'press-office-templates-'));
    writeFileSync(join(dir, 'index.json'), typeof index === 'string' ? index : JSON.stringify(index));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return pathToFileURL(`${dir}/`);
  };
  const entry = { id: 'notice', kind: 'notice', name: '会议通知', nameEn: 'Notice', description: '通知' };

  it('reads a file with a BOM and CRLF line ends', () => {
    const url = fixture([entry], { 'notice.txt': '\uFEFF关于{{conference.title}}\r\n\r\n第一段\r\n\r\n第二段\r\n' });
    expect(loadBuiltinTemplates(url)).toEqual([
      { ...entry, title: '关于{{conference.title}}', body: '第一段\n\n第二段', builtin: true },
    ]);
  });

  it('names a missing template file', () => {
    const url = fixture([entry], {});
    expect(() => loadBuiltinTemplates(url)).toThrow(/notice\.txt: cannot read the built-in template file \(ENOENT\)/);
  });

  it('names an invalid index entry', () => {
    const url = fixture([{ ...entry, kind: 'memo' }], {});
    expect(() => loadBuiltinTemplates(url)).toThrow(/index\.json: \[0\]\.kind: /);
    const dup = fixture([entry, entry], { 'notice.txt': 't\n\nb' });
    expect(() => loadBuiltinTemplates(dup)).toThrow(/index\.json: \[1\]\.id: duplicate id "notice"/);
    const broken = fixture('[{', {});
    expect(() => loadBuiltinTemplates(broken)).toThrow(/index\.json: not valid JSON/);
  });

  it('names a file not in the title, blank line, body form', () => {
    expect(() => parseTemplateFile('标题\n正文', 'x.txt')).toThrow('x.txt: line 2 must be blank');
    expect(() => parseTemplateFile('\n\n正文', 'x.txt')).toThrow('x.txt: the first line must be the title template');
    expect(() => parseTemplateFile('标题\n\n  \n', 'x.txt')).toThrow('x.txt: the body is empty');
  });

  it('says where it looked when the folder is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'press-office-templates-'));
    dir = empty;
    expect(() => builtinTemplatesDir(pathToFileURL(join(empty, 'a', 'b', 'main.mjs')))).toThrow(
      /built-in templates: index\.json not found \(looked in .*templates.builtin/,
    );
  });

  it('ships no template file that index.json does not list', () => {
    const files = readdirSync(builtinTemplatesDir()).filter((f) => f.endsWith('.txt'));
    expect(files.sort()).toEqual(
      builtinTemplates()
        .map((t) => `${t.id}.txt`)
        .sort(),
    );
  });
});
