// The app:// protocol: serves the built renderer (dist/renderer) with the CSP on every response.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { mimeType, staticPath } from '../services/static-path';
import { APP_SCHEME, isAppUrl } from './constants';

/**
 * Must run before `app` is ready. `standard` gives the scheme real origins and relative URLs,
 * `secure` makes it a secure context, `supportFetchAPI` lets the renderer fetch its own assets,
 * `codeCache` lets V8 keep the compiled renderer code between starts (Chromium does so only for http(s)
 * unless a custom scheme asks; the first screen's ~0.8 MB of JavaScript is compiled on every start without
 * it: docs/performance.md). No `bypassCSP`, no `corsEnabled`, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Maps an app:// URL to a file inside the renderer build, or null when it names another host or
 * would leave the build folder. Chromium already folds `..` and `%2e%2e` segments in a standard
 * URL; this check does not rely on it, and also refuses encoded slashes, backslashes and NULs.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const file = staticPath(rendererDir, new URL(requestUrl).pathname);
  if (file === null) return null;
  return file === resolve(rendererDir) ? join(file, 'index.html') : file;
}

function headers(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: headers('text/plain; charset=utf-8') });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Answers one app:// request. Never throws: a failure is a plain-text response with the CSP. */
export async function handleAppRequest(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  const file = resolveAppPath(rendererDir, request.url);
  if (!file) return plain(404, 'not found');
  let target = file;
  if (!(await isFile(target))) {
    // A path without an extension is a client-side route: answer with the app itself.
    if (extname(new URL(request.url).pathname)) return plain(404, 'not found');
    target = join(resolve(rendererDir), 'index.html');
    if (!(await isFile(target))) return plain(500, 'renderer is not built: run `npm run build`');
  }
  try {
    const body = await readFile(target);
    const type = mimeType(target);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: headers(type),
    });
  } catch (err) {
    return plain(500, `cannot read ${extname(target) || 'file'}: ${(err as Error).message}`);
  }
}

/** After `ready`: serves app:// from the renderer build on the default session. */
export function installAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(rendererDir, request));
}
