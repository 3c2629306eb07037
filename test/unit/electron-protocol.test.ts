// The app:// protocol: files from the renderer build, the CSP on every response, nothing outside.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
}));

vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: fake.registerSchemesAsPrivileged, handle: fake.handle },
}));

import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { handleAppRequest, installAppProtocol, registerAppScheme, resolveAppPath } from '../../electron/protocol';

const base = mkdtempSync(join(tmpdir(), 'press-office-protocol-'));
const rendererDir = join(base, 'renderer');
const SECRET = 'secret outside the renderer build';
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>新闻发布工作台</title>');
writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), SECRET);
writeFileSync(join(base, 'press-office.db'), SECRET);

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handleAppRequest(rendererDir, new Request(url, { method }));

beforeEach(() => {
  fake.registerSchemesAsPrivileged.mockClear();
  fake.handle.mockClear();
});

describe('registerAppScheme', () => {
  it('registers app: as standard, secure and fetchable, with V8’s code cache, without bypassing the CSP', () => {
    registerAppScheme();
    expect(fake.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });
});

describe('handleAppRequest', () => {
  it('serves index.html at the root with the CSP and a text/html type', async () => {
    const res = await get('app://press-office/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('新闻发布工作台');
  });

  it('serves assets with their type and the CSP', async () => {
    const res = await get('app://press-office/assets/index-abc.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers a client-side route with the app, and a missing asset with 404', async () => {
    const route = await get('app://press-office/departments/rizhao-01');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<!doctype html>');
    const missing = await get('app://press-office/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses methods other than GET and HEAD, with the CSP', async () => {
    const res = await get('app://press-office/', 'POST');
    expect(res.status).toBe(405);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://press-office/../secret.txt',
    'app://press-office/../../../../etc/passwd',
    'app://press-office/%2e%2e/secret.txt',
    'app://press-office/%2E%2E/press-office.db',
    'app://press-office/.%2e/secret.txt',
    'app://press-office/assets/..%2f..%2fsecret.txt',
    'app://press-office/..%2fsecret.txt',
    'app://press-office/%2e%2e%2fsecret.txt',
    'app://press-office/..\\secret.txt',
    'app://press-office/assets\\..\\..\\secret.txt',
    'app://press-office/..%5csecret.txt',
    'app://press-office/%2e%2e%5csecret.txt',
    'app://press-office/secret.txt%00.js',
    'app://press-office/%E0%A4%A',
    'app://other-host/index.html',
    'app://press-office:8080/index.html',
  ])('never serves a file outside the build for %s', async (url) => {
    const res = await get(url);
    const body = await res.text();
    expect(body).not.toContain(SECRET);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    // Either refused outright, or folded back inside the build (then it is the app or a 404).
    expect([200, 404]).toContain(res.status);
    if (res.status === 200) expect(body).toContain('<!doctype html>');
  });
});

describe('resolveAppPath', () => {
  it('maps inside the build folder', () => {
    expect(resolveAppPath(rendererDir, 'app://press-office/')).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppPath(rendererDir, 'app://press-office/assets/a%20b.js')).toBe(
      join(rendererDir, 'assets', 'a b.js'),
    );
  });

  it.each([
    'app://press-office/..%2fsecret.txt',
    'app://press-office/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://press-office/..\\secret.txt',
    'app://press-office/%5c..%5csecret.txt',
    'app://press-office/a%00b',
    'app://press-office/%zz',
    'app://evil/index.html',
    'https://press-office/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(rendererDir, url)).toBeNull();
  });
});

describe('installAppProtocol', () => {
  it('handles the app scheme with the renderer build', async () => {
    installAppProtocol(rendererDir);
    expect(fake.handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = fake.handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const res = await handler(new Request('app://press-office/assets/index-abc.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
