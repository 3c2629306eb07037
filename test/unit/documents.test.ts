// Documents: derived talking-point bodies, versions and their diff, the review workflow (谁审查谁负责),
// the answer library, templates, and the .docx/.xlsx exports written atomically.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchAsync } from '../../services/dispatch';
import { type TestApp, testApp } from './helpers/app';
import { call, refuse } from './helpers/call';

let app: TestApp;
let dir: string;

beforeEach(() => {
  app = testApp({ now: '2026-11-20T09:00:00+08:00' });
  dir = mkdtempSync(join(tmpdir(), 'press-office-docs-'));
  call(app, 'office.update', {
    name: '日照市人民政府新闻办公室',
    docPrefix: '日新办',
    signature: '日照市人民政府新闻办公室',
    exportDir: dir,
  });
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

function as(name: string) {
  call(app, 'settings.update', { userName: name });
}

async function callAsync<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatchAsync(app.ctx, method, input);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}

function spokesperson() {
  return call(app, 'people.create', { departmentId: 'rizhao-01', name: '李明', role: 'spokesperson', title: '副主任' });
}

function qa(personId: string) {
  return call(app, 'documents.create', {
    fields: {
      kind: 'qa',
      title: '市发改委答问口径',
      departmentId: 'rizhao-01',
      personId,
      talkingPoints: {
        keyMessage: '前三季度全市经济运行稳中有进。',
        points: [{ text: '地区生产总值增长5.6%', figure: '5.6%', source: '市统计局' }],
        questions: [{ question: '下一步如何稳投资？', answer: '加快重点项目建设。', answererId: personId }],
        sensitive: [{ point: '个别项目进度滞后', bridge: '正在协调推进' }],
      },
    },
  });
}

describe('talking points (答问口径)', () => {
  it('derives the body from the structure, naming who answers', () => {
    const p = spokesperson();
    const doc = qa(p.id);
    expect(doc.body).toContain('一、核心信息');
    expect(doc.body).toContain('（一）问：下一步如何稳投资？');
    expect(doc.body).toContain('答：加快重点项目建设。（答问人：李明）');
    expect(doc.body).toContain('数据：5.6%；来源：市统计局');
    expect(doc.body).toContain('引导：正在协调推进');
    expect(doc.drafter).toBe('tester');
    expect(doc.status).toBe('draft');
    expect(doc.versions).toHaveLength(1);
  });

  it('refuses talking points on another kind, and a person of another department', () => {
    const p = spokesperson();
    expect(
      refuse(app, 'documents.create', { fields: { kind: 'release', title: 'x', talkingPoints: {} } }).message,
    ).toMatch(/only a 答问口径/);
    expect(
      refuse(app, 'documents.create', { fields: { kind: 'qa', title: 'x', departmentId: 'rizhao-02', personId: p.id } })
        .message,
    ).toMatch(/is not in department/);
  });
});

describe('versions', () => {
  it('keeps each saved content with its author, and diffs two versions line by line', () => {
    const doc = call(app, 'documents.create', { fields: { kind: 'release', title: '通稿', body: '第一段\n\n第二段' } });
    as('王芳');
    const v2 = call(app, 'documents.update', {
      id: doc.id,
      fields: { kind: 'release', title: '通稿', body: '第一段\n\n第二段（修改）\n\n第三段' },
      expectedVersion: 1,
      note: '补充第三段',
    });
    expect(v2.version).toBe(2);
    expect(v2.versions.map((v) => [v.version, v.author, v.note])).toEqual([
      [2, '王芳', '补充第三段'],
      [1, 'tester', null],
    ]);
    const diff = call(app, 'documents.diff', { id: doc.id, from: 1, to: 2 });
    expect(diff.lines.filter((l) => l.op === 'remove').map((l) => l.text)).toEqual(['第二段']);
    expect(diff.lines.filter((l) => l.op === 'add').map((l) => l.text)).toEqual(['第二段（修改）', '', '第三段']);
    // Saving the same content again makes no new version.
    expect(
      call(app, 'documents.update', { id: doc.id, fields: { kind: 'release', title: '通稿', body: v2.body } }).version,
    ).toBe(2);
  });

  it('refuses to overwrite a newer version than the one edited', () => {
    const doc = call(app, 'documents.create', { fields: { kind: 'release', title: '通稿', body: 'a' } });
    call(app, 'documents.update', {
      id: doc.id,
      fields: { kind: 'release', title: '通稿', body: 'b' },
      expectedVersion: 1,
    });
    const err = refuse(app, 'documents.update', {
      id: doc.id,
      fields: { kind: 'release', title: '通稿', body: 'c' },
      expectedVersion: 1,
    });
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/changed by someone else \(now version 2/);
  });
});

describe('review workflow (谁发布谁审查、谁审查谁负责)', () => {
  it('goes draft → submitted → approved → released, the reviewer never the drafter', () => {
    as('起草人');
    const doc = call(app, 'documents.create', { fields: { kind: 'release', title: '通稿', body: '正文' } });
    expect(doc.allowed).toEqual(['submit']);
    const submitted = call(app, 'documents.review', { id: doc.id, action: 'submit' });
    expect(submitted.status).toBe('submitted');
    expect(submitted.allowed).toEqual(['reopen']);
    expect(
      refuse(app, 'documents.review', { id: doc.id, action: 'approve', confidentialityBy: '保密员' }).message,
    ).toMatch(/drafter \(起草人\) cannot review their own document/);
    as('审核人');
    expect(refuse(app, 'documents.review', { id: doc.id, action: 'approve' }).message).toMatch(/保密审查/);
    expect(refuse(app, 'documents.review', { id: doc.id, action: 'edit' }).code).toBe('invalid_input');
    const approved = call(app, 'documents.review', {
      id: doc.id,
      action: 'approve',
      confidentialityBy: '保密员',
      agencyConfirmation: '经市财政局确认',
    });
    expect(approved).toMatchObject({ status: 'approved', reviewer: '审核人', confidentialityBy: '保密员' });
    expect(
      refuse(app, 'documents.update', { id: doc.id, fields: { kind: 'release', title: '通稿', body: 'x' } }).message,
    ).toMatch(/approved; reopen it before editing/);
    const released = call(app, 'documents.review', { id: doc.id, action: 'release' });
    expect(released.status).toBe('released');
    expect(released.reviews.map((r) => [r.action, r.actor])).toEqual([
      ['submit', '起草人'],
      ['approve', '审核人'],
      ['release', '审核人'],
    ]);
    const preview = call(app, 'documents.preview', { id: doc.id });
    expect(preview.draft).toBe(false);
    expect(preview.note).toBe(
      '起草：起草人；审核：审核人（2026年11月20日）；保密审查：保密员（2026年11月20日）；会商确认：经市财政局确认',
    );
  });

  it('returns with a comment, and the drafter edits and resubmits', () => {
    as('起草人');
    const doc = call(app, 'documents.create', { fields: { kind: 'release', title: '通稿', body: '正文' } });
    call(app, 'documents.review', { id: doc.id, action: 'submit' });
    as('审核人');
    expect(refuse(app, 'documents.review', { id: doc.id, action: 'return' }).message).toMatch(/needs a comment/);
    const returned = call(app, 'documents.review', { id: doc.id, action: 'return', comment: '数据请核实' });
    expect(returned.status).toBe('returned');
    as('起草人');
    call(app, 'documents.update', { id: doc.id, fields: { kind: 'release', title: '通稿', body: '正文（已核实）' } });
    expect(call(app, 'documents.review', { id: doc.id, action: 'submit' }).status).toBe('submitted');
    expect(call(app, 'documents.preview', { id: doc.id }).draft).toBe(true);
  });

  it('deletes drafts only', () => {
    as('起草人');
    const doc = call(app, 'documents.create', { fields: { kind: 'release', title: '通稿', body: '正文' } });
    call(app, 'documents.review', { id: doc.id, action: 'submit' });
    expect(refuse(app, 'documents.remove', { id: doc.id }).message).toMatch(/only drafts and returned/);
    call(app, 'documents.review', { id: doc.id, action: 'reopen' });
    call(app, 'documents.remove', { id: doc.id });
    expect(refuse(app, 'documents.get', { id: doc.id }).code).toBe('not_found');
  });
});

describe('answer library (口径库)', () => {
  it('finds answers by a Chinese substring and flags those not reviewed for 90 days', () => {
    const a = call(app, 'answers.create', {
      question: '今年城镇新增就业情况如何？',
      answer: '总体稳定。',
      tags: ['就业'],
    });
    call(app, 'answers.create', {
      question: '物价走势？',
      answer: '温和上涨。',
      departmentId: 'rizhao-01',
      topic: '物价',
    });
    expect(call(app, 'answers.list', { search: '新增就业' }).map((x) => x.id)).toEqual([a.id]);
    expect(call(app, 'answers.list', { search: '%' })).toEqual([]);
    expect(call(app, 'answers.list', { departmentId: 'rizhao-01' })).toHaveLength(1);
    expect(a.stale).toBe(false);
    app.setNow('2027-02-20T09:00:00+08:00');
    expect(call(app, 'answers.list', { staleOnly: true })).toHaveLength(2);
    const reviewed = call(app, 'answers.review', { id: a.id });
    expect(reviewed).toMatchObject({ stale: false, reviewedBy: 'tester' });
    expect(call(app, 'answers.list', { staleOnly: true })).toHaveLength(1);
  });

  it('keeps versions of the text', () => {
    const a = call(app, 'answers.create', { question: '问', answer: '答一' });
    call(app, 'answers.update', { id: a.id, fields: { question: '问', answer: '答二' } });
    expect(call(app, 'answers.versions', { id: a.id }).map((v) => v.answer)).toEqual(['答二', '答一']);
  });
});

describe('templates', () => {
  it('keeps built-ins read-only; a copy is edited, and an unknown placeholder is refused with its line', () => {
    const list = call(app, 'templates.list', {});
    const builtin = list.find((t) => t.builtin && t.kind === 'release');
    expect(builtin).toBeDefined();
    expect(
      refuse(app, 'templates.update', {
        id: builtin?.id,
        fields: { kind: 'release', name: 'x', title: 't', body: 'b' },
      }).message,
    ).toMatch(/built-in template and cannot be changed/);
    const copy = call(app, 'templates.copy', { id: builtin?.id ?? '' });
    expect(copy.builtin).toBe(false);
    const err = refuse(app, 'templates.update', {
      id: copy.id,
      fields: {
        kind: 'release',
        name: '通稿（本办）',
        title: '{{conference.title}}',
        body: '第一段\n\n{{conference.titel}}',
      },
    });
    expect(err.code).toBe('invalid_input');
    expect(err.issues?.[0]).toMatchObject({ path: 'body' });
    expect(err.issues?.[0]?.message).toMatch(/line 3.*conference\.titel/);
    const saved = call(app, 'templates.update', {
      id: copy.id,
      fields: {
        kind: 'release',
        name: '通稿（本办）',
        title: '{{conference.title}}新闻通稿',
        body: '{{office.name}}发布。',
      },
    });
    expect(saved.title).toBe('{{conference.title}}新闻通稿');
  });

  it('fills a new document from a template and the records it is about', () => {
    const conf = call(app, 'conferences.create', {
      title: '全市经济运行情况新闻发布会',
      date: '2026-12-02',
      organizer: 'city',
      departmentIds: ['rizhao-01'],
    });
    const doc = call(app, 'documents.create', {
      fields: { kind: 'notice', title: '', conferenceId: conf.id },
      templateId: 'notice',
    });
    expect(doc.title).not.toContain('{{');
    expect(doc.body).toContain('全市经济运行情况新闻发布会');
    expect(doc.body).not.toMatch(/\{\{/);
    expect(doc.templateId).toBe('notice');
    expect(
      refuse(app, 'documents.create', { fields: { kind: 'qa', title: 'x' }, templateId: 'notice' }).message,
    ).toMatch(/is for notice documents/);
  });
});

describe('exports', () => {
  it('writes a draft .docx with the 草稿 mark, refuses to overwrite unless asked', async () => {
    const doc = call(app, 'documents.create', {
      fields: { kind: 'release', title: '关于/冬季供暖的通稿', body: '正文' },
    });
    const written = await callAsync<{ path: string; bytes: number }>('documents.export', { id: doc.id });
    expect(written.path).toBe(join(dir, '关于_冬季供暖的通稿（草稿）.docx'));
    const xml = await (await JSZip.loadAsync(readFileSync(written.path))).file('word/header1.xml')?.async('string');
    const all = await JSZip.loadAsync(readFileSync(written.path));
    const texts = await Promise.all(
      Object.values(all.files)
        .filter((f) => f.name.endsWith('.xml'))
        .map((f) => f.async('string')),
    );
    expect(texts.join('')).toContain('草稿');
    expect(xml === undefined || typeof xml === 'string').toBe(true);
    await expect(callAsync('documents.export', { id: doc.id })).rejects.toMatchObject({ code: 'file_exists' });
    await callAsync('documents.export', { id: doc.id, overwrite: true });
    await expect(callAsync('documents.export', { id: doc.id, fileName: '../x.docx' })).rejects.toThrow(/not usable/);
    await expect(callAsync('documents.export', { id: doc.id, dir: 'relative/dir' })).rejects.toThrow(/absolute path/);
  });

  it('writes the compliance sheet as .xlsx and .docx', async () => {
    const xlsx = await callAsync<{ path: string }>('compliance.export', { year: 2026, format: 'xlsx' });
    expect(xlsx.path).toBe(join(dir, '2026年度新闻发布工作达标情况.xlsx'));
    const docx = await callAsync<{ path: string }>('compliance.export', { year: 2026, quarter: 3, format: 'docx' });
    expect(docx.path).toBe(join(dir, '2026年第3季度新闻发布工作达标情况.docx'));
    for (const p of [xlsx.path, docx.path]) expect(readFileSync(p).subarray(0, 2).toString()).toBe('PK');
    const documentXml = await (await JSZip.loadAsync(readFileSync(docx.path)))
      .file('word/document.xml')
      ?.async('string');
    expect(documentXml).toContain('市发改委');
    expect(documentXml).toContain('w:orient="landscape"');
    expect(existsSync(join(dir, 'exports'))).toBe(false);
  });
});

describe('the document list by pages', () => {
  it('gives the filtered list a page at a time, newest first, with the count of all', () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      app.setNow(`2026-11-${String(10 + i).padStart(2, '0')}T09:00:00+08:00`);
      const kind = i % 2 === 0 ? 'release' : 'qa';
      const fields =
        kind === 'release'
          ? { kind, title: `供暖通稿${i}`, body: i < 4 ? '集中供热。' : '燃气锅炉。' }
          : {
              kind,
              title: `答问${i}`,
              talkingPoints: { keyMessage: '集中供热', questions: [{ question: '问', answer: '答' }] },
            };
      ids.push(call(app, 'documents.create', { fields } as never).id);
    }
    const newestFirst = [...ids].reverse();
    const page = (request: Record<string, unknown>) => call(app, 'documents.page', { offset: 0, limit: 3, ...request });
    const first = page({});
    expect(first.total).toBe(7);
    expect(first.rows.map((d) => d.id)).toEqual(newestFirst.slice(0, 3));
    expect(page({ offset: 3 }).rows.map((d) => d.id)).toEqual(newestFirst.slice(3, 6));
    expect(page({ offset: 6 }).rows.map((d) => d.id)).toEqual(newestFirst.slice(6));
    expect(page({ offset: 7 })).toEqual({ total: 7, offset: 7, rows: [] });
    // The rows are the list's rows, field for field.
    expect(page({ limit: 7 }).rows).toEqual(call(app, 'documents.list', {}));
    // Filters and the search narrow the count and the pages alike.
    const releases = page({ kind: 'release', limit: 10 });
    expect(releases.total).toBe(4);
    expect(releases.rows.map((d) => d.id)).toEqual(newestFirst.filter((_, i) => (6 - i) % 2 === 0));
    const found = page({ search: '供热', limit: 2 });
    expect(found.total).toBe(call(app, 'documents.list', { search: '供热' }).length);
    expect(found.total).toBe(5);
    expect(found.rows.map((d) => d.id)).toEqual(
      call(app, 'documents.list', { search: '供热' })
        .map((d) => d.id)
        .slice(0, 2),
    );
    expect(page({ search: '燃气', kind: 'release', limit: 10 }).rows.map((d) => d.id)).toEqual([ids[6], ids[4]]);
    expect(refuse(app, 'documents.page', { offset: 0, limit: 201 }).code).toBe('invalid_input');
    expect(refuse(app, 'documents.page', { offset: -1, limit: 10 }).code).toBe('invalid_input');
  });
});

describe('search', () => {
  it('finds any Chinese substring, short or long, and follows edits and deletes', () => {
    const doc = call(app, 'documents.create', {
      fields: { kind: 'release', title: '冬季供暖保障', body: '全市集中供热面积达到三千万平方米。' },
    });
    const find = (search: string) => call(app, 'documents.list', { search }).map((d) => d.id);
    expect(find('供暖')).toEqual([doc.id]); // two characters: one pair
    expect(find('暖')).toEqual([doc.id]); // one character: a prefix query
    expect(find('暖供')).toEqual([]); // both characters are there, but not in this order
    expect(find('集中供热面积')).toEqual([doc.id]); // a phrase of five pairs
    expect(find('"引号"')).toEqual([]);
    expect(find('，')).toEqual([]); // punctuation is indexed too: this text has none
    expect(find('。')).toEqual([doc.id]);
    call(app, 'documents.update', {
      id: doc.id,
      fields: { kind: 'release', title: '冬季供暖保障', body: '改为燃气锅炉。' },
    });
    expect(find('集中供热面积')).toEqual([]);
    expect(find('供热')).toEqual([]); // the index follows the edit
    expect(find('燃气锅炉')).toEqual([doc.id]);
    expect(find('锅炉')).toEqual([doc.id]);
    call(app, 'documents.remove', { id: doc.id });
    expect(find('燃气锅炉')).toEqual([]);
    expect(find('锅炉')).toEqual([]);
    const a = call(app, 'answers.create', { question: '如何看待物价走势？', answer: '总体平稳。', tags: ['物价调控'] });
    expect(call(app, 'answers.list', { search: '物价调控' }).map((x) => x.id)).toEqual([a.id]);
    expect(call(app, 'answers.list', { search: '看待物价' }).map((x) => x.id)).toEqual([a.id]);
    expect(call(app, 'answers.list', { search: '物价' }).map((x) => x.id)).toEqual([a.id]);
    expect(call(app, 'answers.list', { search: '调控' }).map((x) => x.id)).toEqual([a.id]); // a tag
    expect(call(app, 'answers.list', { search: '平稳' }).map((x) => x.id)).toEqual([a.id]);
    expect(call(app, 'answers.list', { search: '稳平' })).toEqual([]);
  });

  it('matches one or two characters exactly as a substring scan would, letters and digits included', () => {
    const texts = ['GDP增长5.6%', '第3季度', '营商环境', 'ab12', '环境营商', '（营）商'];
    const ids = texts.map(
      (body, i) => call(app, 'documents.create', { fields: { kind: 'release', title: `稿${i}`, body } }).id,
    );
    for (const term of ['营商', '商', 'GD', 'gd', '5.', '.6', '6%', '%', '（', '3季', 'b1', '12', '境营', 'P增']) {
      const expected = ids.filter((_, i) => texts[i]?.toLowerCase().includes(term.toLowerCase()));
      const found = call(app, 'documents.list', { search: term }).map((d) => d.id);
      expect(new Set(found), term).toEqual(new Set(expected));
    }
  });
});
