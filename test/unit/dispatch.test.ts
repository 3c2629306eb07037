import { describe, expect, it } from 'vitest';
import { METHODS } from '../../common/contract';
import { dispatch } from '../../services/dispatch';
import { handlers } from '../../services/handlers';
import { testApp } from './helpers/app';

describe('dispatch', () => {
  it('has exactly one handler per contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHODS].sort());
  });

  it('refuses unknown and inherited method names', () => {
    const app = testApp();
    for (const name of ['nope', 'constructor', '__proto__', 'toString', 42, null]) {
      const r = dispatch(app.ctx, name, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown_method');
    }
  });

  it('answers bad input with every problem by path, and writes nothing', () => {
    const app = testApp();
    const r = dispatch(app.ctx, 'people.create', {
      departmentId: 'rizhao-01',
      name: '   ',
      role: 'mayor',
      tenureStart: '2026-02-30',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['name', 'role', 'tenureStart']);
      expect(r.error.message).toMatch(/^people\.create: /);
    }
    const detail = dispatch(app.ctx, 'departments.get', { id: 'rizhao-01' });
    expect(detail.ok && (detail.value as { people: unknown[] }).people).toEqual([]);
  });

  it('stores names verbatim up to 200 characters and refuses longer ones and lone surrogates', () => {
    const app = testApp();
    const name = ` =SUM(A1) 👩‍💼 <b>&amp;</b>\u202e${'名'.repeat(170)}`;
    expect(name.length).toBeLessThanOrEqual(200);
    const ok = dispatch(app.ctx, 'people.create', { departmentId: 'rizhao-01', name, role: 'deputy' });
    expect(ok.ok && (ok.value as { name: string }).name).toBe(name);
    const long = dispatch(app.ctx, 'people.create', {
      departmentId: 'rizhao-01',
      name: 'x'.repeat(201),
      role: 'deputy',
    });
    expect(!long.ok && long.error.issues?.[0]?.path).toBe('name');
    const lone = dispatch(app.ctx, 'people.create', { departmentId: 'rizhao-01', name: 'a\ud800b', role: 'deputy' });
    expect(!lone.ok && lone.error.message).toMatch(/unpaired surrogate/);
  });

  it('reports a missing record as not_found', () => {
    const app = testApp();
    const r = dispatch(app.ctx, 'departments.get', { id: 'nowhere' });
    expect(r).toEqual({ ok: false, error: { code: 'not_found', message: 'department "nowhere" does not exist' } });
  });

  it('keeps the language and user name in settings', () => {
    const app = testApp();
    expect(dispatch(app.ctx, 'settings.get', {})).toMatchObject({
      ok: true,
      value: { language: 'zh-CN', userName: 'tester' },
    });
    dispatch(app.ctx, 'settings.update', { language: 'en-US', userName: '李主任' });
    expect(dispatch(app.ctx, 'settings.get', {})).toMatchObject({
      ok: true,
      value: { language: 'en-US', userName: '李主任', userNames: ['李主任', 'tester'] },
    });
    expect(dispatch(app.ctx, 'settings.update', { language: 'fr-FR' }).ok).toBe(false);
  });
});
