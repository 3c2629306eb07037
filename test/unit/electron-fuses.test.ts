import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const hook = require('../../build/after-pack.cjs') as {
  FUSES: Record<number, boolean>;
  electronBinary: (c: unknown) => string;
};

describe('packaging fuses', () => {
  it('turns off the Node entry points and requires the integrity-checked ASAR', () => {
    expect(hook.FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(hook.FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it('is wired into electron-builder and finds the binary per platform', () => {
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(/^afterPack: build\/after-pack\.cjs$/m);
    const packager = { appInfo: { productFilename: 'Press Office' }, executableName: 'press-office' };
    expect(hook.electronBinary({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe('/o/press-office');
    expect(hook.electronBinary({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(
      '/o/Press Office.exe',
    );
    expect(hook.electronBinary({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(
      '/o/Press Office.app',
    );
  });
});
