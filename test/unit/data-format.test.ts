import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/result';
import { auditLog, people } from '../../db/schema';
import { makeStamp } from '../../services/context';
import { checkDocument, exportDocument, importDocument, type PressOfficeDocument } from '../../services/data-format';
import { dispatch } from '../../services/dispatch';
import { testApp } from './helpers/app';
import { fixtureDocument } from './helpers/cli-fixture';

const AT = '2026-03-15T01:00:00.000Z';
const clone = <T>(v: T): T => structuredClone(v);
const strip = ({ exportedAt: _e, ...rest }: PressOfficeDocument) => rest;

function importInto(app: ReturnType<typeof testApp>, doc: unknown) {
  return importDocument(app.ctx.db, makeStamp(app.ctx, 'tester'), doc, 'test.json');
}

/** The problems an import reports; the test fails if the import succeeds. */
function problemsOf(app: ReturnType<typeof testApp>, doc: unknown): string[] {
  try {
    importInto(app, doc);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return ((err as AppError).issues ?? []).map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('import succeeded');
}

describe('export', () => {
  it('writes the seeded register in register order with every key present', () => {
    const app = testApp();
    const doc = exportDocument(app.ctx.db, '2026-03-15T01:00:00.000Z');
    expect(doc.format).toBe('press-office/v1');
    expect(doc.departments.map((d) => d.id)).toEqual(
      Array.from({ length: 24 }, (_, i) => `rizhao-${String(i + 1).padStart(2, '0')}`),
    );
    expect(Object.keys(doc)).toEqual([
      'format',
      'exportedAt',
      'departments',
      'people',
      'trainings',
      'media',
      'conferences',
      'attendance',
      'documents',
      'answers',
    ]);
    expect(Object.keys(doc.departments[0] ?? {})).toEqual([
      'id',
      'name',
      'fullName',
      'listed',
      'listedFrom',
      'listedUntil',
      'contactPerson',
      'contactPhone',
      'sortOrder',
      'notes',
      'status',
      'mergedIntoId',
      'formerNames',
    ]);
    app.close();
  });
});

describe('import', () => {
  it('round-trips every field into a fresh database, verbatim', () => {
    const fixture = fixtureDocument();
    const a = testApp({ seed: false });
    const summary = importInto(a, fixture);
    expect(summary.departments).toEqual({ created: 25, updated: 0, unchanged: 0 });
    expect(summary.attendance).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const first = exportDocument(a.ctx.db, AT);
    expect(strip(first)).toEqual(strip(fixture));
    const b = testApp({ seed: false });
    importInto(b, JSON.parse(JSON.stringify(first)));
    expect(JSON.stringify(exportDocument(b.ctx.db, AT))).toBe(JSON.stringify(first));
    a.close();
    b.close();
  });

  it('changes nothing when the same file is imported twice', () => {
    const app = testApp({ seed: false });
    importInto(app, fixtureDocument());
    const rows = app.ctx.db.select().from(people).all();
    const audits = app.ctx.db.select().from(auditLog).all().length;
    app.setNow('2026-04-01T09:00:00+08:00');
    const summary = importInto(app, fixtureDocument());
    for (const counts of Object.values(summary)) expect(counts.created + counts.updated).toBe(0);
    expect(app.ctx.db.select().from(people).all()).toEqual(rows);
    // Only the summary row of the second import.
    expect(app.ctx.db.select().from(auditLog).all().length).toBe(audits + 1);
    app.close();
  });

  it('updates only what changed, keeps createdAt, and audits the change', () => {
    const app = testApp({ seed: false });
    importInto(app, fixtureDocument());
    app.setNow('2026-04-01T09:00:00+08:00');
    const doc = fixtureDocument();
    (doc.people[0] as { name: string }).name = '张三丰';
    const summary = importInto(app, doc);
    expect(summary.people).toEqual({ created: 0, updated: 1, unchanged: 2 });
    const changed = app.ctx.db.select().from(people).where(eq(people.id, 'p-01')).get();
    const same = app.ctx.db.select().from(people).where(eq(people.id, 'p-02')).get();
    expect(changed?.updatedAt).toBe('2026-04-01T01:00:00.000Z');
    expect(changed?.createdAt).toBe('2026-03-15T01:00:00.000Z');
    expect(same?.updatedAt).toBe('2026-03-15T01:00:00.000Z');
    const audit = app.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, 'p-01')).all().at(-1);
    expect(audit).toMatchObject({ action: 'import', actor: 'tester', entity: 'person' });
    expect((audit?.before as { name?: string } | undefined)?.name).toBe('张 三');
    app.close();
  });

  it('adds to what the database holds: references may point at stored records, absent arrays are fine', () => {
    const app = testApp();
    const summary = importInto(app, {
      format: 'press-office/v1',
      people: [{ id: 'x1', departmentId: 'rizhao-03', name: '赵六', role: 'spokesperson' }],
    });
    expect(summary.people.created).toBe(1);
    expect(summary.departments).toEqual({ created: 0, updated: 0, unchanged: 0 });
    const doc = exportDocument(app.ctx.db, AT);
    expect(doc.departments).toHaveLength(24);
    expect(doc.people[0]).toEqual({
      id: 'x1',
      departmentId: 'rizhao-03',
      name: '赵六',
      role: 'spokesperson',
      title: null,
      phone: null,
      email: null,
      tenureStart: null,
      tenureEnd: null,
      notes: null,
      archived: false,
    });
    app.close();
  });

  it('keeps sortOrder and former names that the file leaves out; appends new departments', () => {
    const app = testApp({ seed: false });
    importInto(app, fixtureDocument());
    const { sortOrder: _s, formerNames: _f, ...bare } = fixtureDocument().departments.at(-1) ?? {};
    importInto(app, {
      format: 'press-office/v1',
      departments: [
        { ...bare, notes: 'changed' },
        { id: 'new', name: '市大数据局', fullName: '日照市大数据发展局', listed: false },
      ],
    });
    const doc = exportDocument(app.ctx.db, AT);
    const kept = doc.departments.find((d) => d.id === 'wsjsw');
    expect(kept?.sortOrder).toBe(25);
    expect(kept?.formerNames).toHaveLength(2);
    expect(doc.departments.at(-1)).toMatchObject({ id: 'new', sortOrder: 26, status: 'active', formerNames: [] });
    app.close();
  });

  it('lets a file swap two short names without tripping the unique index', () => {
    const app = testApp();
    const doc = exportDocument(app.ctx.db, AT);
    const [a, b] = doc.departments;
    if (!a || !b) throw new Error('seed');
    [a.name, b.name] = [b.name, a.name];
    expect(importInto(app, doc).departments.updated).toBe(2);
    expect(exportDocument(app.ctx.db, AT).departments[0]?.name).toBe('市经信委');
    app.close();
  });
});

describe('import problems', () => {
  it('collects every problem by record path and changes nothing', () => {
    const app = testApp();
    const before = JSON.stringify(exportDocument(app.ctx.db, AT));
    const audits = app.ctx.db.select().from(auditLog).all().length;
    const doc = fixtureDocument() as unknown as Record<string, unknown[]> & { extra?: number };
    const ppl = doc.people as Record<string, unknown>[];
    Object.assign(ppl[0] ?? {}, { tenureStart: '2026-02-30', departmentId: 'nope' });
    Object.assign(ppl[1] ?? {}, { id: 'p-01' });
    if (ppl[2]) delete ppl[2].name;
    Object.assign((doc.trainings as Record<string, unknown>[])[0] ?? {}, { personId: 'ghost', shoe: 1 });
    Object.assign((doc.conferences as Record<string, unknown>[])[1] ?? {}, { hostDepartmentId: null });
    Object.assign((doc.conferences as Record<string, unknown>[])[0] ?? {}, {
      hostDepartmentId: 'rizhao-01',
      departmentIds: ['rizhao-01', 'rizhao-01'],
    });
    Object.assign((doc.attendance as Record<string, unknown>[])[0] ?? {}, { conferenceId: 'c-none', status: 'late' });
    doc.extra = 1;
    const problems = problemsOf(app, doc);
    expect(problems).toEqual(
      expect.arrayContaining([
        'extra: unknown field (not part of press-office/v1)',
        'people[0].tenureStart: must be a valid date YYYY-MM-DD',
        'people[0].departmentId: unknown department "nope"',
        'people[1].id: duplicate id "p-01" (also used by people[0])',
        'people[2].name: is required',
        'trainings[0].personId: unknown person "ghost"',
        'trainings[0].shoe: unknown field (not part of press-office/v1)',
        'conferences[0].departmentIds[1]: department "rizhao-01" is listed twice (also at [0])',
        'attendance[0].conferenceId: unknown conference "c-none"',
      ]),
    );
    expect(
      problems.some((p) =>
        p.startsWith('conferences[1].hostDepartmentId: organizer "department" needs hostDepartmentId'),
      ),
    ).toBe(true);
    expect(
      problems.some((p) =>
        p.startsWith('conferences[0].hostDepartmentId: hostDepartmentId is only for organizer "department"'),
      ),
    ).toBe(true);
    expect(problems.some((p) => p.startsWith('attendance[0].status: '))).toBe(true);
    expect(JSON.stringify(exportDocument(app.ctx.db, AT))).toBe(before);
    expect(app.ctx.db.select().from(auditLog).all().length).toBe(audits);
    app.close();
  });

  it('reports a short name held by another active department as a problem, not a SQLite error', () => {
    const app = testApp();
    const problems = problemsOf(app, {
      format: 'press-office/v1',
      departments: [{ id: 'dup', name: '市发改委', fullName: '重复', listed: true }],
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^departments\[0\]\.name: short name "市发改委" is also held by active department "rizhao-01" \(in the database\)/,
      ),
    ]);
    // A merged or archived department may keep a name a current one holds.
    expect(() =>
      importInto(app, {
        format: 'press-office/v1',
        departments: [{ id: 'old', name: '市发改委', fullName: '旧', listed: false, status: 'archived' }],
      }),
    ).not.toThrow();
    app.close();
  });

  it('checks values: calendar dates, lengths, unpaired surrogates, merge rules, the format tag', () => {
    const app = testApp();
    const person = { id: 'q', departmentId: 'rizhao-01', role: 'head' };
    expect(problemsOf(app, { format: 'press-office/v1', people: [{ ...person, name: 'x'.repeat(201) }] })).toEqual([
      expect.stringMatching(/^people\[0\]\.name: Too big/),
    ]);
    expect(problemsOf(app, { format: 'press-office/v1', people: [{ ...person, name: 'a\ud800b' }] })).toEqual([
      'people[0].name: contains an unpaired surrogate (not valid Unicode text)',
    ]);
    expect(problemsOf(app, { format: 'press-office/v1', people: [{ ...person, name: '   ' }] })).toEqual([
      'people[0].name: is required',
    ]);
    expect(
      problemsOf(app, {
        format: 'press-office/v1',
        trainings: [{ id: 't', personId: 'q', date: '2025-02-29', course: 'c' }],
        people: [{ ...person, name: 'ok', tenureStart: '2025-03-01', tenureEnd: '2025-01-01' }],
      }),
    ).toEqual([
      'people[0].tenureEnd: tenure ends before it starts (tenureEnd is before tenureStart)',
      'trainings[0].date: must be a valid date YYYY-MM-DD',
    ]);
    expect(
      problemsOf(app, {
        format: 'press-office/v1',
        departments: [
          { id: 'm', name: 'm', fullName: 'm', listed: false, status: 'merged' },
          { id: 'n', name: 'n', fullName: 'n', listed: false, mergedIntoId: 'n' },
        ],
      }),
    ).toEqual([
      'departments[0].mergedIntoId: a department with status "merged" needs mergedIntoId (the department it was merged into)',
      'departments[1].mergedIntoId: mergedIntoId is only for status "merged"; remove it or set status to "merged"',
      'departments[1].mergedIntoId: a department cannot be merged into itself',
    ]);
    expect(problemsOf(app, { format: 'press-office/v2', people: [1] })).toEqual(['format: must be "press-office/v1"']);
    expect(problemsOf(app, [])).toEqual([expect.stringMatching(/^\(file\): must be a JSON object/)]);
    app.close();
  });

  it('accepts any date for a conference of any status, and attendance of a cancelled conference', () => {
    const app = testApp();
    const { problems } = checkDocument(app.ctx.db, {
      format: 'press-office/v1',
      conferences: [
        { id: 'c', title: 't', date: '1999-01-01', organizer: 'city', departmentIds: [], status: 'cancelled' },
      ],
      attendance: [{ id: 'a', conferenceId: 'c', personId: 'p', role: 'head', status: 'attended' }],
      people: [{ id: 'p', departmentId: 'rizhao-02', name: 'p', role: 'head' }],
    });
    expect(problems).toEqual([]);
    app.close();
  });
});

describe('speakers and media', () => {
  const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
    expect(r.error).toBeUndefined();
    return r.value as T;
  };

  it('round-trips what the app stores: media outlets, booked speakers, invitations and media attendance', () => {
    const app = testApp();
    const person = ok<{ id: string }>(
      dispatch(app.ctx, 'people.create', { departmentId: 'rizhao-02', name: '钱七', role: 'spokesperson' }),
    );
    const head = ok<{ id: string }>(
      dispatch(app.ctx, 'people.create', { departmentId: 'rizhao-01', name: '孙八', role: 'head' }),
    );
    const outlets = ['日照日报', '日照广播电视台', '日照新闻网'].map((name, i) =>
      ok<{ id: string }>(
        dispatch(app.ctx, 'media.create', { name, kind: ['newspaper', 'broadcast', 'website'][i], phone: null }),
      ),
    );
    const conference = ok<{ id: string }>(
      dispatch(app.ctx, 'conferences.create', {
        title: '2026年第一季度新闻发布会',
        date: '2026-03-10',
        time: '09:30',
        organizer: 'city',
        departmentIds: ['rizhao-02', 'rizhao-01'],
        speakers: [
          { personId: person.id, role: 'spokesperson' },
          { personId: head.id, role: 'head', departmentId: 'rizhao-01' },
        ],
        mediaIds: outlets.map((o) => o.id).reverse(),
      }),
    );
    ok(
      dispatch(app.ctx, 'conferences.checkIn', {
        id: conference.id,
        attendance: [{ personId: person.id, role: 'spokesperson', status: 'attended' }],
        media: [
          { mediaId: outlets[0]?.id, attended: true },
          { mediaId: outlets[1]?.id, attended: false },
        ],
        reason: null,
      }),
    );
    const first = exportDocument(app.ctx.db, AT);
    expect(first.media.map((m) => m.name)).toEqual(['日照日报', '日照广播电视台', '日照新闻网']);
    const c = first.conferences.find((x) => x.id === conference.id);
    expect(c?.speakers).toEqual([
      { personId: person.id, role: 'spokesperson', departmentId: 'rizhao-02' },
      { personId: head.id, role: 'head', departmentId: 'rizhao-01' },
    ]);
    expect(c?.media).toEqual([
      { mediaId: outlets[0]?.id, attended: true },
      { mediaId: outlets[1]?.id, attended: false },
      { mediaId: outlets[2]?.id, attended: null },
    ]);
    const fresh = testApp({ seed: false });
    const summary = importInto(fresh, JSON.parse(JSON.stringify(first)));
    expect(summary.media).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(JSON.stringify(exportDocument(fresh.ctx.db, AT))).toBe(JSON.stringify(first));
    // Importing it again, with the invitations in another order, changes nothing.
    const again = JSON.parse(JSON.stringify(first)) as PressOfficeDocument;
    for (const conf of again.conferences) conf.media.reverse();
    const second = importInto(fresh, again);
    for (const counts of Object.values(second)) expect(counts.created + counts.updated).toBe(0);
    app.close();
    fresh.close();
  });

  it('keeps stored speakers and media when a conference record leaves them out, replaces them when present', () => {
    const app = testApp({ seed: false });
    importInto(app, fixtureDocument());
    const { speakers: _s, media: _m, ...bare } = fixtureDocument().conferences[0] ?? {};
    expect(importInto(app, { format: 'press-office/v1', conferences: [bare] }).conferences).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    const kept = exportDocument(app.ctx.db, AT).conferences[0];
    expect(kept?.speakers).toHaveLength(2);
    expect(kept?.media).toHaveLength(2);
    importInto(app, {
      format: 'press-office/v1',
      conferences: [{ ...bare, speakers: [{ personId: 'p-02', role: 'head', departmentId: 'rizhao-01' }], media: [] }],
    });
    const replaced = exportDocument(app.ctx.db, AT).conferences[0];
    expect(replaced?.speakers).toEqual([{ personId: 'p-02', role: 'head', departmentId: 'rizhao-01' }]);
    expect(replaced?.media).toEqual([]);
    // A new conference without them has none.
    importInto(app, {
      format: 'press-office/v1',
      conferences: [{ ...bare, id: 'c-new' }],
    });
    expect(exportDocument(app.ctx.db, AT).conferences.find((x) => x.id === 'c-new')).toMatchObject({
      speakers: [],
      media: [],
    });
    app.close();
  });

  it('reports unknown and repeated speakers and media by record path, and changes nothing', () => {
    const app = testApp({ seed: false });
    importInto(app, fixtureDocument());
    const before = JSON.stringify(exportDocument(app.ctx.db, AT));
    const doc = fixtureDocument();
    const [c0, c1, c2] = doc.conferences;
    if (!c0 || !c1 || !c2) throw new Error('fixture');
    c0.speakers = [
      { personId: 'p-01', role: 'spokesperson', departmentId: 'rizhao-01' },
      { personId: 'x', role: 'head', departmentId: 'rizhao-01' },
      { personId: 'p-01', role: 'deputy', departmentId: 'nowhere' },
    ];
    c1.media = [
      { mediaId: 'm-01', attended: true },
      { mediaId: 'm-99', attended: null },
      { mediaId: 'm-01', attended: false },
    ];
    (c2 as unknown as { speakers: unknown[] }).speakers = [
      { personId: 'p-02', role: 'boss', departmentId: 'rizhao-01' },
    ];
    (c2 as unknown as { media: unknown[] }).media = [{ mediaId: 'm-02', attended: 'yes', extra: 1 }];
    doc.media.push({ ...(doc.media[0] as PressOfficeDocument['media'][number]) });
    (doc.media[1] as { kind: string }).kind = 'magazine';
    expect(problemsOf(app, doc)).toEqual(
      expect.arrayContaining([
        'media[3].id: duplicate id "m-01" (also used by media[0])',
        expect.stringMatching(/^media\[1\]\.kind: /),
        'conferences[0].speakers[1].personId: unknown person "x"',
        'conferences[0].speakers[2].personId: person "p-01" is booked twice (also at [0])',
        'conferences[0].speakers[2].departmentId: unknown department "nowhere"',
        'conferences[1].media[1].mediaId: unknown media outlet "m-99"',
        'conferences[1].media[2].mediaId: media outlet "m-01" is invited twice (also at [0])',
        expect.stringMatching(/^conferences\[2\]\.speakers\[0\]\.role: /),
        expect.stringMatching(/^conferences\[2\]\.media\[0\]\.attended: /),
        'conferences[2].media[0].extra: unknown field (not part of press-office/v1)',
      ]),
    );
    expect(JSON.stringify(exportDocument(app.ctx.db, AT))).toBe(before);
    app.close();
  });

  it('refers to media outlets and people stored in the database, not only in the file', () => {
    const app = testApp({ seed: false });
    importInto(app, fixtureDocument());
    const summary = importInto(app, {
      format: 'press-office/v1',
      conferences: [
        {
          id: 'c-x',
          title: '专题发布会',
          date: '2026-05-01',
          organizer: 'city',
          departmentIds: ['rizhao-01'],
          status: 'planned',
          speakers: [{ personId: 'p-01', role: 'spokesperson', departmentId: 'rizhao-01' }],
          media: [{ mediaId: 'm-03', attended: null }],
        },
      ],
    });
    expect(summary.conferences.created).toBe(1);
    app.close();
  });
});

describe('clone', () => {
  it('leaves the fixture untouched between tests', () => {
    expect(clone(fixtureDocument())).toEqual(fixtureDocument());
  });
});
