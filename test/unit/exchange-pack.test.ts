// 材料包: the office sends one department its drafts; the department edits them in its own copy of
// the app and returns the file; the office sees the differences and accepts item by item.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pack } from '../../common/pack-types';
import { dispatchAsync } from '../../services/dispatch';
import { type TestApp, testApp } from './helpers/app';
import { call, refuse } from './helpers/call';

let office: TestApp;
let department: TestApp;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'press-office-pack-'));
  office = testApp({ now: '2026-11-20T09:00:00+08:00', actor: '办公室' });
  // The department's own copy of the app: its own database, its own ids.
  department = testApp({ now: '2026-11-21T09:00:00+08:00', actor: '发改委' });
  for (const a of [office, department]) {
    call(a, 'office.update', { name: '日照市人民政府新闻办公室', docPrefix: '', signature: '', exportDir: dir });
  }
  department.ctx.newId = (() => {
    let n = 0;
    return () => `dept-${++n}`;
  })();
});
afterEach(() => {
  office.close();
  department.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run<T>(app: TestApp, method: string, input: unknown): Promise<T> {
  const r = await dispatchAsync(app.ctx, method, input);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}

const upload = (path: string) => ({
  fileName: path.split('/').at(-1) ?? 'x',
  data: readFileSync(path).toString('base64'),
});

function setUp() {
  const p = call(office, 'people.create', { departmentId: 'rizhao-01', name: '李明', role: 'spokesperson' });
  const conf = call(office, 'conferences.create', {
    title: '经济运行新闻发布会',
    date: '2026-12-03',
    organizer: 'city',
    departmentIds: ['rizhao-01', 'rizhao-02'],
  });
  const qa = call(office, 'documents.create', {
    fields: {
      kind: 'qa',
      title: '市发改委答问口径',
      conferenceId: conf.id,
      departmentId: 'rizhao-01',
      personId: p.id,
      talkingPoints: { keyMessage: '稳中有进', questions: [{ question: '投资增速？', answer: '' }] },
    },
  });
  const other = call(office, 'documents.create', {
    fields: {
      kind: 'qa',
      title: '市经信委答问口径',
      conferenceId: conf.id,
      departmentId: 'rizhao-02',
      body: '另一部门的草稿',
    },
  });
  const answer = call(office, 'answers.create', {
    question: '物价走势？',
    answer: '温和。',
    departmentId: 'rizhao-01',
  });
  call(office, 'answers.create', { question: '工业增速？', answer: '平稳。', departmentId: 'rizhao-02' });
  return { p, conf, qa, other, answer };
}

describe('exchange packs', () => {
  it('carries one department’s drafts only, and round-trips through the department’s app', async () => {
    const { qa, answer } = setUp();
    const sent = await run<{ json: { path: string }; docx: { path: string }; documents: number; answers: number }>(
      office,
      'packs.export',
      { departmentId: 'rizhao-01' },
    );
    expect(sent).toMatchObject({ documents: 1, answers: 1 });
    const pack = JSON.parse(readFileSync(sent.json.path, 'utf8')) as Pack;
    expect(pack.documents.map((d) => d.id)).toEqual([qa.id]);
    expect(JSON.stringify(pack)).not.toContain('另一部门的草稿');
    expect(JSON.stringify(pack)).not.toContain('工业增速');
    expect(readFileSync(sent.docx.path).subarray(0, 2).toString()).toBe('PK');

    // The office cannot open its own pack as if it were a department.
    expect(refuse(office, 'packs.open', upload(sent.json.path)).message).toMatch(/made by this copy/);
    // Department side.
    const opened = call(department, 'packs.open', upload(sent.json.path));
    expect(opened).toMatchObject({ direction: 'opened', departmentName: '市发改委', documents: 1, answers: 1 });
    const edited = call(department, 'packs.saveItem', {
      packId: opened.id,
      edit: {
        type: 'document',
        id: qa.id,
        title: qa.title,
        body: '',
        talkingPoints: {
          keyMessage: '稳中有进',
          questions: [{ question: '投资增速？', answer: '增长4.2%。', answererId: qa.personId }],
        },
      },
    });
    expect(edited.documents[0]?.body).toContain('答：增长4.2%。（答问人：李明）');
    call(department, 'packs.saveItem', {
      packId: opened.id,
      edit: { type: 'answer', id: answer.id, question: '物价走势？', answer: '总体平稳。' },
    });
    const reply = await run<{ json: { path: string } }>(department, 'packs.return', {
      packId: opened.id,
      fileName: '回传.json',
    });
    expect(() => call(office, 'packs.open', upload(reply.json.path))).toThrow(/department’s reply/);

    // Office side: compare, then accept.
    const cmp = call(office, 'packs.compare', upload(reply.json.path));
    expect(cmp.items.map((i) => [i.type, i.changed, i.conflict, i.problem, i.editedBy])).toEqual([
      ['document', true, false, null, '发改委'],
      ['answer', true, false, null, '发改委'],
    ]);
    expect(cmp.items[0]?.lines.some((l) => l.op === 'add' && l.text.includes('增长4.2%'))).toBe(true);
    const before = call(office, 'documents.get', { id: qa.id }).version;
    expect(
      call(office, 'packs.accept', { ...upload(reply.json.path), items: [{ type: 'document', id: qa.id }] }),
    ).toEqual({ accepted: 1 });
    const after = call(office, 'documents.get', { id: qa.id });
    expect(after.version).toBe(before + 1);
    expect(after.body).toContain('增长4.2%');
    expect(after.versions[0]?.note).toBe('部门回传：发改委（市发改委）');
    // Not accepted: the answer is as it was.
    expect(call(office, 'answers.list', { departmentId: 'rizhao-01' })[0]?.answer).toBe('温和。');
    // Accepting again: the document now equals the reply, the conflict flag shows the office's newer version.
    expect(call(office, 'packs.compare', upload(reply.json.path)).items[0]).toMatchObject({
      changed: false,
      conflict: true,
    });
  });

  it('refuses a returned pack that reaches into another department, and changes nothing', async () => {
    const { qa, other } = setUp();
    const sent = await run<{ json: { path: string } }>(office, 'packs.export', { departmentId: 'rizhao-01' });
    const pack = JSON.parse(readFileSync(sent.json.path, 'utf8')) as Pack;
    const forged: Pack = {
      ...pack,
      direction: 'to_office',
      returnedAt: '2026-11-22T01:00:00.000Z',
      returnedBy: '某人',
      documents: [
        ...pack.documents,
        {
          ...(pack.documents[0] as Pack['documents'][number]),
          id: other.id,
          kind: 'release',
          body: '篡改',
          talkingPoints: null,
        },
      ],
    };
    const path = join(dir, 'forged.json');
    writeFileSync(path, JSON.stringify(forged));
    const cmp = call(office, 'packs.compare', upload(path));
    expect(cmp.items.find((i) => i.id === other.id)?.problem).toMatch(/belongs to another department/);
    expect(
      refuse(office, 'packs.accept', {
        ...upload(path),
        items: [
          { type: 'document', id: qa.id },
          { type: 'document', id: other.id },
        ],
      }).message,
    ).toMatch(/belongs to another department/);
    expect(call(office, 'documents.get', { id: other.id }).body).toBe('另一部门的草稿');
    expect(call(office, 'documents.get', { id: qa.id }).version).toBe(1);
  });

  it('names what is wrong with a file that is not a pack', () => {
    const bad = (text: string) => ({ fileName: 'x.json', data: Buffer.from(text).toString('base64') });
    expect(refuse(department, 'packs.open', bad('not json')).message).toMatch(/not a pack file/);
    expect(refuse(department, 'packs.open', bad('{"format":"press-office/v1"}')).message).toMatch(
      /format: must be "press-office-pack\/v1"/,
    );
    expect(refuse(department, 'packs.open', bad('{"format":"press-office-pack/v1"}')).code).toBe('invalid_file');
  });
});

describe('roster import', () => {
  const csv = (text: string) => ({ fileName: 'roster.csv', data: Buffer.from(text).toString('base64') });

  it('previews every row, then imports all or nothing', async () => {
    const bad = csv(
      '部门,姓名,角色,电话,邮箱\r\n市发改委,张三,新闻发言人,0633-1234567,zhang@example.cn\r\n不存在的局,李四,新闻发言人,,\r\n',
    );
    const preview = await run<{ rows: unknown[]; errors: { line: number; message: string }[] }>(
      office,
      'roster.preview',
      bad,
    );
    expect(preview.rows).toHaveLength(1);
    expect(preview.errors.map((e) => e.line)).toEqual([3]);
    await expect(run(office, 'roster.import', bad)).rejects.toThrow(/1 row\(s\) have problems; nothing was imported/);
    expect(call(office, 'departments.get', { id: 'rizhao-01' }).people).toHaveLength(0);

    const good = csv(
      '部门,姓名,职务,电话\r\n市发改委,张三,新闻发言人,0633-1234567\r\n日照市经济和信息化委员会,王五,主任,\r\n',
    );
    expect(await run(office, 'roster.import', good)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(call(office, 'departments.get', { id: 'rizhao-02' }).people.map((p) => [p.name, p.role])).toEqual([
      ['王五', 'head'],
    ]);
    // The same file again changes nothing; a new phone updates the person.
    expect(await run(office, 'roster.import', good)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await run(office, 'roster.import', csv('部门,姓名,电话\r\n市发改委,张三,0633-7654321\r\n'))).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
  });

  it('asks for a role for a new person', async () => {
    const preview = await run<{ errors: { message: string }[] }>(
      office,
      'roster.preview',
      csv('部门,姓名\r\n市发改委,赵六\r\n'),
    );
    expect(preview.errors[0]?.message).toMatch(/a new person needs a role/);
  });
});
