import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditPage, BackupView } from '../../common/types';
import { dispatch, dispatchAsync } from '../../services/dispatch';
import { openApp } from '../../services/open-app';
import { csvField, inertCell, toCsv } from '../../services/spreadsheet-text';
import { testApp } from './helpers/app';
import { call } from './helpers/call';

describe('audit trail', () => {
  it('records who did what with before and after values, filterable and exportable', () => {
    const app = testApp({ actor: '新闻办小王' });
    const p = call(app, 'people.create', {
      departmentId: 'rizhao-01',
      name: '=HYPERLINK("http://x")',
      role: 'spokesperson',
    });
    call(app, 'settings.update', { userName: '李主任' });
    call(app, 'people.update', { id: p.id, fields: { departmentId: 'rizhao-01', name: '王敏', role: 'spokesperson' } });
    const page = call(app, 'audit.list', { entity: 'person' }) as AuditPage;
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.actor, r.action])).toEqual([
      ['李主任', 'update'],
      ['新闻办小王', 'create'],
    ]);
    expect(page.rows[0]?.before).toMatchObject({ name: '=HYPERLINK("http://x")' });
    expect(page.rows[0]?.after).toMatchObject({ name: '王敏' });
    expect(call(app, 'audit.list', { actor: '李主任', entity: 'person' }).total).toBe(1);
    expect(call(app, 'audit.facets', {}).actors).toEqual(['新闻办小王', '李主任'].sort());

    const out = call(app, 'audit.export', { entity: 'person' });
    expect(out.rows).toBe(2);
    expect(out.csv.startsWith('\uFEFF编号,时间,操作人')).toBe(true);
    // The formula-looking name is inert in the CSV, inside its JSON "before" value and as text.
    expect(out.csv).not.toMatch(/(^|,)=HYPERLINK/m);
    // The export is itself recorded.
    expect(call(app, 'audit.list', { action: 'export' }).total).toBe(1);
  });

  it('offers no operation that edits or deletes audit rows', async () => {
    const { METHODS } = await import('../../common/contract');
    expect(METHODS.filter((m) => m.startsWith('audit.'))).toEqual(['audit.list', 'audit.facets', 'audit.export']);
  });
});

describe('spreadsheet text (OWASP CSV injection)', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\nx'])('makes %j inert', (text) => {
    expect(inertCell(text).startsWith("'")).toBe(true);
  });
  it('leaves ordinary text alone and quotes what CSV needs quoted', () => {
    expect(inertCell('市发改委')).toBe('市发改委');
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
    expect(toCsv(['a'], [['x\ny']])).toBe('\uFEFFa\r\n"x\ny"\r\n');
  });
});

describe('backups from the app', () => {
  it('lists, creates and restores a backup by name while the app runs, and can be undone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'press-office-app-backup-'));
    const app = openApp(join(dir, 'press-office.db'), { mode: 'browser', actor: 'tester' });
    const made = await dispatchAsync(app.ctx, 'backups.create', {});
    expect(made.ok).toBe(true);
    const backup = (made as { value: BackupView }).value;
    expect(backup.kind).toBe('manual');
    dispatch(app.ctx, 'people.create', { departmentId: 'rizhao-01', name: '备份后新增', role: 'deputy' });

    const restored = await dispatchAsync(app.ctx, 'backups.restore', { name: backup.name });
    expect(restored.ok).toBe(true);
    const asidePath = (restored as { value: { asidePath: string } }).value.asidePath;
    // The running app now serves the restored file: the person added after the backup is gone…
    const detail = dispatch(app.ctx, 'departments.get', { id: 'rizhao-01' });
    expect(detail.ok && (detail.value as { people: unknown[] }).people).toEqual([]);
    // …and the restore is in the trail of the restored database.
    expect(call(app, 'audit.list', { action: 'restore' }).total).toBe(1);
    // The file kept aside still has it: the restore can be undone.
    expect(readFileSync(asidePath).length).toBeGreaterThan(0);

    const refused = await dispatchAsync(app.ctx, 'backups.restore', { name: '../../etc/passwd' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await dispatchAsync(app.ctx, 'backups.restore', {
      name: 'press-office-20000101T000000Z-manual.db',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((dispatch(app.ctx, 'backups.list', {}) as { value: BackupView[] }).value.length).toBeGreaterThanOrEqual(1);
    app.close();
  });
});
