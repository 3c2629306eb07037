// `press-office export compliance`, `export document` and `import ROSTER`, run from the built bundle.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../services/open-app';
import { type BuiltCli, buildCli, type CliResult, runCli } from './helpers/cli-harness';

let cli: BuiltCli;
let dir: string;
let db: string;
let docId: string;
const run = (...args: string[]): CliResult => runCli(cli.bin, [...args, '--db', db]);

beforeAll(async () => {
  cli = await buildCli();
  dir = mkdtempSync(join(tmpdir(), 'press-office-cli-docs-'));
  db = join(dir, 'office.db');
  expect(runCli(cli.bin, ['init', '--db', db]).code).toBe(0);
  const app = openApp(db, { mode: 'cli', actor: '测试' });
  try {
    const r = await import('../../services/dispatch').then((m) =>
      m.dispatch(app.ctx, 'documents.create', {
        fields: { kind: 'release', title: '冬季供暖新闻通稿', body: '第一段。\n\n第二段。' },
      }),
    );
    if (!r.ok) throw new Error(r.error.message);
    docId = (r.value as { id: string }).id;
  } finally {
    app.close();
  }
});
afterAll(() => {
  cli?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('export compliance', () => {
  it('writes .xlsx and .docx, refuses to replace a file without --force', async () => {
    const xlsx = join(dir, '达标.xlsx');
    const r = run('export', 'compliance', '--year', '2026', '--format', 'xlsx', '--out', xlsx, '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ path: xlsx });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(JSON.stringify(wb.worksheets[0]?.getSheetValues())).toContain('市发改委');
    const again = run('export', 'compliance', '--year', '2026', '--format', 'xlsx', '--out', xlsx);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; pass --force to replace it/);
    expect(run('export', 'compliance', '--year', '2026', '--format', 'xlsx', '--out', xlsx, '--force').code).toBe(0);
    const docx = join(dir, 'q3.docx');
    expect(
      run('export', 'compliance', '--year', '2026', '--quarter', '3', '--format', 'docx', '--out', docx).code,
    ).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')?.async('string');
    expect(xml).toContain('2026年第3季度新闻发布工作达标情况');
  });

  it('names a missing or wrong option', () => {
    expect(run('export', 'compliance', '--year', '2026', '--out', join(dir, 'x.xlsx')).stderr).toMatch(
      /--format must be docx or xlsx/,
    );
    expect(run('export', 'compliance', '--year', '2026', '--format', 'pdf', '--out', 'x').stderr).toMatch(/not "pdf"/);
    expect(run('export', 'compliance', '--format', 'xlsx', '--out', 'x').stderr).toMatch(/--year YEAR is required/);
    expect(run('export', 'compliance', '--year', '2026', '--format', 'xlsx').stderr).toMatch(/--out FILE is required/);
  });
});

describe('export document', () => {
  it('writes the document with its 草稿 mark', async () => {
    const out = join(dir, '通稿.docx');
    const r = run('export', 'document', '--id', docId, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Wrote .*通稿\.docx/);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await Promise.all(
      Object.values(zip.files)
        .filter((f) => f.name.endsWith('.xml'))
        .map((f) => f.async('string')),
    );
    expect(xml.join('')).toContain('草稿');
    expect(xml.join('')).toContain('冬季供暖新闻通稿');
    expect(run('export', 'document', '--id', 'nope', '--out', join(dir, 'n.docx')).stderr).toMatch(
      /document "nope" does not exist/,
    );
    expect(run('export', 'document', '--out', join(dir, 'n.docx')).stderr).toMatch(/--id ID is required/);
  });
});

describe('import ROSTER', () => {
  it('imports a GBK CSV as Excel saves it, and refuses a file with a bad row, naming its line', () => {
    const gbk = join(dir, 'roster-gbk.csv');
    // 部门,姓名,角色 / 市发改委,张伟,新闻发言人 in GBK.
    writeFileSync(gbk, readFileSync(join(__dirname, '..', 'fixtures', 'roster', 'roster-gbk.csv')));
    const ok = run('import', gbk, '--json');
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout).created).toBeGreaterThan(0);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '部门,姓名,角色,邮箱\r\n市发改委,王五,新闻发言人,not-an-email\r\n');
    const r = run('import', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 2 "邮箱"/);
    expect(r.stderr).toMatch(/nothing was imported/);
    expect(existsSync(bad)).toBe(true);
  });
});

describe('export portal and verify-portal', () => {
  it('writes a package, then nothing when nothing changed; verify names each problem', async () => {
    const app = openApp(db, { mode: 'cli', actor: '审核人' });
    try {
      const { dispatch } = await import('../../services/dispatch');
      const must = (m: string, input: unknown) => {
        const r = dispatch(app.ctx, m, input);
        if (!r.ok) throw new Error(r.error.message);
        return r.value as { id: string };
      };
      const doc = must('documents.create', {
        fields: { kind: 'release', title: '网站通稿', body: '正文。', portalColumn: '新闻发布' },
      });
      must('documents.review', { id: doc.id, action: 'submit' });
      must('settings.update', { userName: '另一位审核人' });
      must('documents.review', { id: doc.id, action: 'approve', confidentialityBy: '保密员' });
    } finally {
      app.close();
    }
    const out = join(dir, 'portal');
    const first = run('export', 'portal', '--out', out, '--zip', '--json');
    expect(first.stderr).toBe('');
    const result = JSON.parse(first.stdout) as { written: boolean; sequence: number; folder: string; zip: string };
    expect(result).toMatchObject({ written: true, sequence: 1 });
    expect(run('export', 'portal', '--out', out).stdout).toMatch(/no package written \(use --full/);
    const ok = runCli(cli.bin, ['verify-portal', result.folder]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/package 1 is sound: 1 items, 2 files checked/);
    expect(runCli(cli.bin, ['verify-portal', result.zip]).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(result.folder, 'manifest.json'), 'utf8'));
    const html = manifest.items[0].files[0].path as string;
    writeFileSync(join(result.folder, html), 'tampered');
    writeFileSync(join(result.folder, 'extra.txt'), 'x');
    const bad = runCli(cli.bin, ['verify-portal', result.folder]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`verify-portal: ${html}: 8 bytes, the manifest says`);
    expect(bad.stderr).toContain('verify-portal: extra.txt: extra file, not in the manifest');
    expect(bad.stderr).toMatch(/3 problem\(s\)/);
  });

  it('writes the annual assessment', () => {
    const out = join(dir, '考核.xlsx');
    expect(run('export', 'assessment', '--year', '2026', '--format', 'xlsx', '--out', out).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
