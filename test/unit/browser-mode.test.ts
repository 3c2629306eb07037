import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserServer, startBrowserServer, staticPath, TOKEN_HEADER } from '../../server/browser-mode';
import { testApp } from './helpers/app';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function raw(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
      },
    );
    req.on('error', fail);
    if (options.body) req.write(options.body);
    req.end();
  });
}

let srv: BrowserServer;
let rendererDir: string;
const app = testApp();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'press-office-srv-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>新闻发布工作台</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the build');
  srv = await startBrowserServer({ ctx: app.ctx, rendererDir });
});
afterAll(async () => {
  await srv.close();
  app.close();
});

const host = () => `127.0.0.1:${srv.port}`;
const api = (method: string, headers: Record<string, string>, body = '{}') =>
  raw(srv.port, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('browser-mode server', () => {
  it('listens on loopback only and puts the token in the URL fragment', () => {
    const address = srv.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/#token=${srv.token}`);
    expect(srv.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers an API call carrying the token, the right Host and our Origin', async () => {
    const r = await api('departments.list', { host: host(), [TOKEN_HEADER]: srv.token, origin: `http://${host()}` });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { ok: boolean; value: unknown[] };
    expect(body.ok).toBe(true);
    expect(body.value).toHaveLength(24);
  });

  it('refuses a request without the token or with a wrong one', async () => {
    expect((await api('departments.list', { host: host() })).status).toBe(403);
    expect((await api('departments.list', { host: host(), [TOKEN_HEADER]: 'x'.repeat(64) })).status).toBe(403);
  });

  it('refuses a wrong Host header (DNS rebinding)', async () => {
    const r = await api('departments.list', { host: `evil.example:${srv.port}`, [TOKEN_HEADER]: srv.token });
    expect(r.status).toBe(421);
    expect((await raw(srv.port, '/', { headers: { host: 'evil.example' } })).status).toBe(421);
  });

  it('refuses another origin', async () => {
    const r = await api('departments.list', { host: host(), [TOKEN_HEADER]: srv.token, origin: 'http://evil.example' });
    expect(r.status).toBe(403);
  });

  it('refuses non-JSON and non-POST API requests', async () => {
    const form = await raw(srv.port, '/api/departments.list', {
      method: 'POST',
      headers: { host: host(), [TOKEN_HEADER]: srv.token, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const get = await raw(srv.port, '/api/departments.list', { headers: { host: host(), [TOKEN_HEADER]: srv.token } });
    expect(get.status).toBe(405);
  });

  it('answers malformed JSON and unknown methods with coded errors', async () => {
    const bad = await api('departments.list', { host: host(), [TOKEN_HEADER]: srv.token }, '{');
    expect(bad.status).toBe(400);
    const unknown = await api('fs.readFile', { host: host(), [TOKEN_HEADER]: srv.token });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('serves the renderer with a CSP and never a file outside it', async () => {
    const index = await raw(srv.port, '/', { headers: { host: host() } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect((await raw(srv.port, '/assets/app.js', { headers: { host: host() } })).status).toBe(200);
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
    ]) {
      const r = await raw(srv.port, path, { headers: { host: host() } });
      expect(r.body).not.toContain('outside the build');
    }
    expect(staticPath(rendererDir, '/%2e%2e/secret.txt')).toBeNull();
    expect(staticPath(rendererDir, '/..%2fsecret.txt')).toBeNull();
    expect(staticPath(rendererDir, '/assets/app.js')).toBe(join(rendererDir, 'assets', 'app.js'));
  });

  it('serves a file again after it changed on disk (a rebuild while the server runs), with its new length', async () => {
    const file = join(rendererDir, 'assets', 'changing.js');
    writeFileSync(file, 'console.log("first build")');
    const first = await raw(srv.port, '/assets/changing.js', { headers: { host: host() } });
    expect(first.body).toBe('console.log("first build")');
    writeFileSync(file, 'console.log("the second build, longer")');
    // Also a change that keeps the size: only the time tells.
    const second = await raw(srv.port, '/assets/changing.js', { headers: { host: host() } });
    expect(second.body).toBe('console.log("the second build, longer")');
    expect(second.headers['content-length']).toBe(String(Buffer.byteLength(second.body)));
    writeFileSync(file, 'console.log("the second build, LONGER")');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const third = await raw(srv.port, '/assets/changing.js', { headers: { host: host() } });
    expect(third.body).toBe('console.log("the second build, LONGER")');
    const head = await raw(srv.port, '/assets/changing.js', { method: 'HEAD', headers: { host: host() } });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});
