// The .docx laid out by a word processor: LibreOffice converts it to PDF, poppler reads the pages.
// Counts chosen so that they hold at 22 lines of 28 characters and fail at 21 or 27.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, RenderableDocument } from '../../common/document-model';
import { renderDocx } from '../../services/docx/render';

const run = promisify(execFile);
const TOOLS = ['soffice', 'pdfinfo', 'pdftotext'];
const missing = TOOLS.filter(
  (tool) => !(process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, tool))),
);
// Locally a machine without LibreOffice skips these; CI must have it (apt-get install
// libreoffice-writer poppler-utils) and fails instead.
const skip = missing.length > 0 && !process.env.CI;

const AT = new Date('2026-11-27T08:00:00Z');
const MM_PER_PT = 25.4 / 72;

/** n one-line paragraphs. */
function lines(n: number): Block[] {
  return Array.from({ length: n }, (_, i) => ({ type: 'paragraph', text: `第${i + 1}行。` }));
}

/** `chars` ideographs, with no punctuation to move between lines. */
function ideographs(chars: number): string {
  return '政务公开新闻发布'.repeat(Math.ceil(chars / 8)).slice(0, chars);
}

function paragraphsOf(n: number, chars: number): Block[] {
  return Array.from({ length: n }, () => ({ type: 'paragraph', text: ideographs(chars) }));
}

// A one-line title and the blank line under it take two of the first page's 22 lines.
const DOCS: Record<string, RenderableDocument> = {
  single: {
    title: '日新市新闻发布会发布词',
    blocks: [{ type: 'paragraph', text: '各位记者朋友，大家上午好！' }],
    draft: false,
  },
  draft: {
    title: '日新市新闻发布会发布词',
    blocks: [{ type: 'paragraph', text: '各位记者朋友，大家上午好！' }],
    draft: true,
  },
  // 20 + 22 + 22 lines: exactly three pages at 22 lines a page, four at 21.
  lines64: { title: '三页', blocks: lines(64), draft: false },
  // One line more: a fourth page.
  lines65: { title: '四页', blocks: lines(65), draft: false },
  // 54 characters are 26 after the indent and 28 on the next line: 2 + 10 × 2 = 22 lines, one page.
  chars54: { title: '一页', blocks: paragraphsOf(10, 54), draft: false },
  // One character more takes each paragraph to a third line: 32 lines, two pages.
  chars55: { title: '两页', blocks: paragraphsOf(10, 55), draft: false },
};

interface Word {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  text: string;
}

describe.skipIf(skip)('renderDocx in LibreOffice', () => {
  let dir = '';
  const pages = new Map<string, number>();
  const texts = new Map<string, string>();
  const words = new Map<string, Word[]>();

  beforeAll(async () => {
    if (missing.length > 0)
      throw new Error(`${missing.join(', ')} not on PATH: install libreoffice-writer and poppler-utils`);
    dir = await mkdtemp(join(tmpdir(), 'docx-lo-'));
    const files: string[] = [];
    for (const [name, doc] of Object.entries(DOCS)) {
      const file = join(dir, `${name}.docx`);
      await writeFile(file, await renderDocx(doc, { at: AT }));
      files.push(file);
    }
    // A profile of its own, so that runs in parallel (or a desktop LibreOffice) don't collide.
    const profile = pathToFileURL(join(dir, 'lo-profile')).href;
    await run(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
      {
        timeout: 110_000,
      },
    );
    for (const name of Object.keys(DOCS)) {
      const pdf = join(dir, `${name}.pdf`);
      const info = (await run('pdfinfo', [pdf])).stdout;
      pages.set(name, Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]));
      texts.set(name, (await run('pdftotext', ['-layout', pdf, '-'])).stdout);
      await run('pdftotext', ['-bbox', pdf, join(dir, `${name}.html`)]);
      words.set(name, parseBbox(await readFile(join(dir, `${name}.html`), 'utf8')));
    }
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints a one-paragraph document on one page, with its title and the number — 1 —', () => {
    expect(pages.get('single')).toBe(1);
    const text = texts.get('single') ?? '';
    expect(text).toContain('日新市新闻发布会发布词');
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).not.toContain('草稿');
    expect(texts.get('draft')).toContain('草稿');
  });

  it('sets 22 lines on a page', () => {
    expect(pages.get('lines64')).toBe(3);
    expect(pages.get('lines65')).toBe(4);
    expect(texts.get('lines65')).toMatch(/—\s*4\s*—/);
  });

  it('sets 28 characters on a line, from the left margin at 28 mm to the right one at 26 mm', () => {
    expect(pages.get('chars54')).toBe(1);
    expect(pages.get('chars55')).toBe(2);
    const text = ideographs(54);
    const found = words.get('chars54') ?? [];
    // Each paragraph's second line: the 28 characters after the first line's 26.
    const full = found.filter((w) => w.text === text.slice(26));
    expect(full).toHaveLength(10);
    expect(found.filter((w) => w.text === text.slice(0, 26))).toHaveLength(10);
    for (const w of full) {
      expect(w.xMin).toBeCloseTo(28, 0);
      expect(w.xMax).toBeGreaterThan(210 - 26 - 1.5);
      expect(w.xMax).toBeLessThanOrEqual(210 - 26 + 0.5);
    }
  });

  it('puts the page number on the outer side, 7 mm below the 版心', () => {
    // What is printed below the 版心, which ends 35 mm from the bottom edge, 262 mm from the top.
    const numbers = (words.get('lines65') ?? []).filter((w) => w.yMin > 262);
    expect(numbers.map((w) => w.text).join('')).toBe('—1——2——3——4—');
    const byPage = (page: number) => numbers.filter((w) => w.page === page);
    // Odd pages on the right, even on the left.
    for (const page of [1, 3]) for (const w of byPage(page)) expect(w.xMin).toBeGreaterThan(150);
    for (const page of [2, 4]) for (const w of byPage(page)) expect(w.xMax).toBeLessThan(60);
    // The dashes sit mid-line, about 3 mm under the top of the line's box.
    for (const w of numbers) expect(w.yMin + 3 - 262).toBeGreaterThan(5);
    for (const w of numbers) expect(w.yMin + 3 - 262).toBeLessThan(9);
  });
});

function parseBbox(html: string): Word[] {
  const out: Word[] = [];
  html.split('<page ').forEach((page, i) => {
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
    )) {
      out.push({
        page: i,
        xMin: Number(m[1]) * MM_PER_PT,
        yMin: Number(m[2]) * MM_PER_PT,
        xMax: Number(m[3]) * MM_PER_PT,
        text: m[4] ?? '',
      });
    }
  });
  return out;
}
