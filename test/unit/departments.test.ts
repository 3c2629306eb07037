import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { LISTED_DEPARTMENTS_2014 } from '../../db/seed';
import { dispatch } from '../../services/dispatch';
import { testApp } from './helpers/app';

function call<T = unknown>(app: ReturnType<typeof testApp>, method: string, input: unknown): T {
  const r = dispatch(app.ctx, method, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('seed', () => {
  it('holds the 24 departments of 附件1 with fixed ids in the notice order', () => {
    expect(LISTED_DEPARTMENTS_2014).toHaveLength(24);
    expect(LISTED_DEPARTMENTS_2014[0]).toMatchObject({
      id: 'rizhao-01',
      name: '市发改委',
      fullName: '日照市发展和改革委员会',
    });
    expect(LISTED_DEPARTMENTS_2014[23]).toMatchObject({
      id: 'rizhao-24',
      name: '市地税局',
      fullName: '日照市地方税务局',
    });
    expect(LISTED_DEPARTMENTS_2014.every((d) => d.listed && d.listedFrom === '2014-07-01')).toBe(true);
  });

  it('seeds an empty register once', () => {
    const app = testApp();
    const rows = call<{ id: string }[]>(app, 'departments.list', {});
    expect(rows.map((r) => r.id)).toEqual(LISTED_DEPARTMENTS_2014.map((d) => d.id));
  });

  it('leaves an empty register alone when asked not to seed', () => {
    const app = testApp({ seed: false });
    expect(call<unknown[]>(app, 'departments.list', {})).toEqual([]);
  });
});

describe('department register', () => {
  it('searches Chinese substrings in names, full names, former names and people', () => {
    const app = testApp();
    expect(call<{ id: string }[]>(app, 'departments.list', { search: '公安' }).map((d) => d.id)).toEqual(['rizhao-05']);
    expect(call<{ id: string }[]>(app, 'departments.list', { search: '海洋与渔业' }).map((d) => d.id)).toEqual([
      'rizhao-19',
    ]);
    call(app, 'people.create', { departmentId: 'rizhao-07', name: '王晓燕', role: 'spokesperson' });
    expect(call<{ id: string }[]>(app, 'departments.list', { search: '晓燕' }).map((d) => d.id)).toEqual(['rizhao-07']);
    call(app, 'departments.update', {
      id: 'rizhao-15',
      fields: { name: '市卫生计生委', fullName: '日照市卫生和计划生育委员会', listed: true, listedFrom: '2014-07-01' },
    });
    expect(call<{ id: string }[]>(app, 'departments.list', { search: '市卫生局' }).map((d) => d.id)).toEqual([
      'rizhao-15',
    ]);
  });

  it('keeps the old name on rename and refuses a short name held by another current department', () => {
    const app = testApp();
    call(app, 'departments.update', {
      id: 'rizhao-15',
      fields: { name: '市卫生计生委', fullName: '日照市卫生和计划生育委员会', listed: true },
    });
    const detail = call<{ formerNames: { name: string; until: string }[] }>(app, 'departments.get', {
      id: 'rizhao-15',
    });
    expect(detail.formerNames).toEqual([{ name: '市卫生局', fullName: '日照市卫生局', until: '2026-03-15' }]);
    const clash = dispatch(app.ctx, 'departments.create', { name: '市公安局', fullName: '重复', listed: false });
    expect(clash.ok).toBe(false);
    if (!clash.ok) {
      expect(clash.error.code).toBe('conflict');
      expect(clash.error.issues?.[0]?.path).toBe('name');
    }
  });

  it('merges a department into its successor and frees its short name', () => {
    const app = testApp();
    call(app, 'departments.merge', { id: 'rizhao-16', intoId: 'rizhao-15' });
    const current = call<{ id: string }[]>(app, 'departments.list', {});
    expect(current.map((d) => d.id)).not.toContain('rizhao-16');
    const all = call<{ id: string; status: string; mergedIntoName: string | null }[]>(app, 'departments.list', {
      includeInactive: true,
    });
    expect(all.find((d) => d.id === 'rizhao-16')).toMatchObject({ status: 'merged', mergedIntoName: '市卫生局' });
    const detail = call<{ mergedFrom: { id: string }[] }>(app, 'departments.get', { id: 'rizhao-15' });
    expect(detail.mergedFrom.map((d) => d.id)).toEqual(['rizhao-16']);
    expect(dispatch(app.ctx, 'departments.create', { name: '市人口计生委', fullName: 'x', listed: false }).ok).toBe(
      true,
    );
  });

  it('deletes a department without records but asks to archive one with people', () => {
    const app = testApp();
    call(app, 'people.create', { departmentId: 'rizhao-01', name: '张三', role: 'head' });
    const refused = dispatch(app.ctx, 'departments.remove', { id: 'rizhao-01' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/archive it instead/);
    expect(call(app, 'departments.archive', { id: 'rizhao-01' })).toMatchObject({ status: 'archived' });
    expect(call(app, 'departments.remove', { id: 'rizhao-02' })).toEqual({ id: 'rizhao-02' });
  });

  it('flags spokespersons without training on or before tenure start', () => {
    const app = testApp();
    const p = call<{ id: string }>(app, 'people.create', {
      departmentId: 'rizhao-03',
      name: '李四',
      role: 'spokesperson',
      tenureStart: '2025-01-01',
    });
    const flagged = () =>
      call<{ id: string }[]>(app, 'departments.list', { untrainedSpokesperson: true }).map((d) => d.id);
    expect(flagged()).toEqual(['rizhao-03']);
    call(app, 'trainings.create', { personId: p.id, date: '2025-02-01', course: '新闻发言人培训班' });
    expect(flagged()).toEqual(['rizhao-03']); // trained after taking the post: still flagged
    call(app, 'trainings.create', { personId: p.id, date: '2024-12-20', course: '岗前培训', hours: 16 });
    expect(flagged()).toEqual([]);
    const noSpokesperson = call<{ id: string }[]>(app, 'departments.list', { noSpokesperson: true });
    expect(noSpokesperson).toHaveLength(23);
  });

  it('records who changed what in the audit log', () => {
    const app = testApp({ actor: '办公室小王' });
    const person = call<{ id: string }>(app, 'people.create', {
      departmentId: 'rizhao-01',
      name: '张三',
      role: 'head',
    });
    call(app, 'people.update', {
      id: person.id,
      fields: { departmentId: 'rizhao-01', name: '张三', role: 'head', title: '局长' },
    });
    const rows = app.ctx.db.select().from(auditLog).orderBy(auditLog.id).all();
    expect(rows.map((r) => [r.actor, r.action, r.entity, r.entityId])).toEqual([
      ['办公室小王', 'create', 'person', person.id],
      ['办公室小王', 'update', 'person', person.id],
    ]);
    expect(rows[1]?.before).toMatchObject({ title: null });
    expect(rows[1]?.after).toMatchObject({ title: '局长' });
  });
});
