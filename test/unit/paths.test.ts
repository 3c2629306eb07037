import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDbPath, userDataDir } from '../../services/paths';

describe('userData, as Electron computes it', () => {
  it('follows XDG_CONFIG_HOME or ~/.config on Linux', () => {
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/x/conf' })).toBe(join('/x/conf', 'Press Office'));
    expect(userDataDir('linux', {})).toBe(join(homedir(), '.config', 'Press Office'));
  });
  it('uses APPDATA on Windows and Application Support on macOS', () => {
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toBe(
      join('C:\\Users\\a\\AppData\\Roaming', 'Press Office'),
    );
    expect(userDataDir('darwin', {})).toBe(join(homedir(), 'Library', 'Application Support', 'Press Office'));
  });
  it('prefers --db, then PRESS_OFFICE_DB', () => {
    expect(resolveDbPath('/a.db', { PRESS_OFFICE_DB: '/b.db' })).toBe('/a.db');
    expect(resolveDbPath(undefined, { PRESS_OFFICE_DB: '/b.db' })).toBe('/b.db');
    expect(resolveDbPath(undefined, { XDG_CONFIG_HOME: '/c' })).toMatch(/press-office\.db$/);
  });
});
