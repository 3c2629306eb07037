import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTempFiles, TEMP_MARKER, writeFileAtomic } from '../../services/atomic-file';
import {
  type BackupInfo,
  backupIntoFolder,
  backupsDir,
  backupsToKeep,
  backupTo,
  listBackups,
  restoreFile,
} from '../../services/backup';
import { dispatch } from '../../services/dispatch';
import { openApp } from '../../services/open-app';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const temp = () => mkdtempSync(join(tmpdir(), 'press-office-backup-'));

function addPerson(app: ReturnType<typeof openApp>, name: string) {
  const r = dispatch(app.ctx, 'people.create', { departmentId: 'rizhao-01', name, role: 'deputy' });
  expect(r.ok).toBe(true);
}
const names = (app: ReturnType<typeof openApp>) => {
  const r = dispatch(app.ctx, 'departments.get', { id: 'rizhao-01' });
  return r.ok ? (r.value as { people: { name: string }[] }).people.map((p) => p.name).sort() : [];
};

describe('backups', () => {
  it('backs up a live database with the online API and restores it, keeping the current file aside', async () => {
    const dir = temp();
    const dbPath = join(dir, 'press-office.db');
    const app = openApp(dbPath, { mode: 'cli' });
    addPerson(app, '甲');
    const info = await backupIntoFolder(app.client, dbPath, 'manual', new Date('2026-11-27T04:00:00Z'));
    expect(info).toMatchObject({ kind: 'manual', name: 'press-office-20261127T040000Z-manual.db' });
    addPerson(app, '乙');
    app.close();

    const { asidePath } = await restoreFile(dbPath, info.path, new Date('2026-11-27T05:00:00Z'));
    expect(asidePath && existsSync(asidePath)).toBe(true);
    const restored = openApp(dbPath, { mode: 'cli' });
    expect(names(restored)).toEqual(['甲']);
    restored.close();

    // Undo: restore the file kept aside.
    await restoreFile(dbPath, asidePath as string, new Date('2026-11-27T05:01:00Z'));
    const undone = openApp(dbPath, { mode: 'cli' });
    expect(names(undone)).toEqual(['乙', '甲']);
    undone.close();
  });

  it('refuses to restore a zero-byte, foreign or damaged file and leaves everything as it was', async () => {
    const dir = temp();
    const dbPath = join(dir, 'press-office.db');
    const app = openApp(dbPath, { mode: 'cli' });
    app.close();
    const before = sha(dbPath);
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const foreign = join(dir, 'foreign.db');
    writeFileSync(foreign, 'not a database at all');
    for (const bad of [empty, foreign, join(dir, 'missing.db')]) {
      await expect(restoreFile(dbPath, bad, new Date())).rejects.toThrow(
        /empty|not a SQLite|cannot be read|no such file|ENOENT/,
      );
      expect(sha(dbPath)).toBe(before);
      if (existsSync(bad)) expect(readFileSync(bad).length).toBeLessThan(100);
    }
  });

  it('writes a backup to a chosen file and checks it', async () => {
    const dir = temp();
    const app = openApp(join(dir, 'a.db'), { mode: 'cli' });
    const out = join(dir, 'out', 'copy.db');
    await backupTo(app.client, out);
    app.close();
    const copy = openApp(out, { mode: 'cli' });
    expect(names(copy)).toEqual([]);
    copy.close();
  });

  it('keeps the newest automatic backup of each of 7 days and 4 weeks, and every other kind', () => {
    const backups: BackupInfo[] = [];
    for (let day = 1; day <= 40; day++) {
      for (const hour of ['08', '17']) {
        const createdAt = `2026-10-${String(day).padStart(2, '0')}T${hour}:00:00Z`;
        if (day > 31) continue;
        backups.push({ path: `/b/${createdAt}`, name: createdAt, kind: 'auto', createdAt, bytes: 1 });
      }
    }
    backups.push({ path: '/b/manual', name: 'm', kind: 'manual', createdAt: '2026-01-01T00:00:00Z', bytes: 1 });
    const keep = backupsToKeep(backups);
    const kept = [...keep].sort();
    expect(kept).toContain('/b/manual');
    const autoKept = kept.filter((p) => p !== '/b/manual');
    // 7 days (25th–31st, evening copies) plus the newest of 4 weeks, some overlapping.
    expect(autoKept.filter((p) => p >= '/b/2026-10-25')).toHaveLength(7);
    expect(autoKept.every((p) => p.endsWith('T17:00:00Z'))).toBe(true);
    expect(autoKept.length).toBeGreaterThanOrEqual(7);
    expect(autoKept.length).toBeLessThanOrEqual(11);
  });

  it('prunes the backups folder as it goes', async () => {
    const dir = temp();
    const dbPath = join(dir, 'press-office.db');
    const app = openApp(dbPath, { mode: 'cli' });
    for (let i = 0; i < 3; i++) await backupIntoFolder(app.client, dbPath, 'auto', new Date(`2026-11-2${i}T08:00:00Z`));
    await backupIntoFolder(app.client, dbPath, 'auto', new Date('2026-11-22T09:00:00Z'));
    app.close();
    expect(listBackups(dbPath).map((b) => b.createdAt)).toEqual([
      '2026-11-22T09:00:00Z',
      '2026-11-21T08:00:00Z',
      '2026-11-20T08:00:00Z',
    ]);
    expect(backupsDir(dbPath)).toBe(join(dir, 'backups'));
  });
});

describe('atomic files', () => {
  it('replaces a file whole and sweeps leftovers of killed writes', () => {
    const dir = temp();
    const path = join(dir, 'export.json');
    writeFileAtomic(path, 'old');
    writeFileAtomic(path, new TextEncoder().encode('新的内容'));
    expect(readFileSync(path, 'utf8')).toBe('新的内容');
    mkdirSync(join(dir, `.pkg.123.abcd${TEMP_MARKER}`));
    writeFileSync(join(dir, `.export.json.99.ffff${TEMP_MARKER}`), 'half');
    expect(sweepTempFiles(dir)).toHaveLength(2);
    expect(existsSync(path)).toBe(true);
  });
});

describe('backups within one second', () => {
  it('keeps the newest of several automatic backups taken in the same second', async () => {
    const dir = temp();
    const dbPath = join(dir, 'press-office.db');
    const app = openApp(dbPath, { mode: 'cli' });
    const at = new Date('2026-03-20T02:00:00Z');
    await backupIntoFolder(app.client, dbPath, 'auto', at);
    const second = await backupIntoFolder(app.client, dbPath, 'auto', at);
    app.close();
    expect(second.name).toBe('press-office-20260320T020000Z-2-auto.db');
    expect(listBackups(dbPath).map((b) => b.name)).toEqual(['press-office-20260320T020000Z-2-auto.db']);
  });
});
