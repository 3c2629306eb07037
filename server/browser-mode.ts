// Browser mode: the same handlers behind a loopback HTTP server, serving the same built renderer.
// Every API request must carry the per-launch token, a Host header naming this server (against DNS
// rebinding) and, when the browser sends one, an Origin of this server.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, type Stats, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import type { ServiceContext } from '../services/context';
import { mimeType, staticPath } from '../services/static-path';

export const TOKEN_HEADER = 'x-press-office-token';
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface BrowserServerOptions {
  ctx: ServiceContext;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface BrowserServer {
  server: Server;
  port: number;
  token: string;
  /** The address to open, token in the fragment so it never reaches a log or a Referer. */
  url: string;
  close: () => Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  send(res, status, { ok: false, error: { code: 'forbidden', message } });
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        fail(new Error(`request body over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

export { staticPath };

let dispatcher: Promise<typeof import('../services/dispatch')> | null = null;

/**
 * The handlers and all they bring (the contract's schemas, the services: most of the server's code) load on
 * first need, not before the server listens: the window fetches and compiles its own code first, and
 * meanwhile they load (the entry starts this right after listening). A start is that much shorter.
 */
export function loadDispatch(): Promise<typeof import('../services/dispatch')> {
  dispatcher ??= import('../services/dispatch');
  return dispatcher;
}

/**
 * The renderer's files, kept in memory once read (the built renderer is a few megabytes): each answer is
 * one write of a buffer instead of a file stream's 64 kB round trips through the thread pool, a dozen of them
 * at once for the first screen while the browser holds both cores. A file whose size or time changed (a
 * rebuild while the server runs) is read again.
 */
type FileCache = Map<string, { size: number; mtimeMs: number; body: Buffer }>;

function fileBody(cache: FileCache, path: string, stat: Stats): Buffer {
  const hit = cache.get(path);
  if (hit && hit.size === stat.size && hit.mtimeMs === stat.mtimeMs) return hit.body;
  const body = readFileSync(path);
  cache.set(path, { size: stat.size, mtimeMs: stat.mtimeMs, body });
  return body;
}

function serveStatic(res: ServerResponse, cache: FileCache, rendererDir: string, urlPath: string): void {
  const file = staticPath(rendererDir, urlPath);
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  let target = file;
  let stat = statSync(target, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    // Unknown paths without an extension are app routes: answer with the app itself.
    if (extname(urlPath)) {
      res.writeHead(404).end();
      return;
    }
    target = join(resolve(rendererDir), 'index.html');
    stat = statSync(target, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      res
        .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
        .end('renderer is not built: run `npm run build`');
      return;
    }
  }
  const isHtml = extname(target) === '.html';
  const body = fileBody(cache, target, stat);
  res.writeHead(200, {
    'content-type': mimeType(target),
    'content-length': body.length,
    'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    ...(isHtml ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
  });
  res.end(body);
}

export function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);
  const files: FileCache = new Map();

  const server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts().includes(host)) {
      refuse(res, 421, `host "${host.slice(0, 100)}" is not this server`);
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      void handleApi(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(res, files, options.rendererDir, url.pathname);
  });

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin)) {
      refuse(res, 403, `origin "${origin.slice(0, 100)}" is not allowed`);
      return;
    }
    const given = req.headers[TOKEN_HEADER];
    if (!sameToken(typeof given === 'string' ? given : undefined, token)) {
      refuse(res, 403, 'missing or wrong session token');
      return;
    }
    if (req.method !== 'POST') {
      refuse(res, 405, 'API requests are POST');
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      refuse(res, 415, 'API requests are application/json');
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body === '' ? undefined : JSON.parse(body);
    } catch (err) {
      send(res, 400, {
        ok: false,
        error: { code: 'invalid_input', message: `request body: ${(err as Error).message}` },
      });
      return;
    }
    let handlers: Awaited<ReturnType<typeof loadDispatch>>;
    try {
      handlers = await loadDispatch();
    } catch (err) {
      send(res, 500, {
        ok: false,
        error: { code: 'internal', message: `the server's handlers did not load: ${(err as Error).message}` },
      });
      return;
    }
    send(res, 200, await handlers.dispatchAsync(options.ctx, decodeURIComponent(method), input));
  }

  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      ok({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
