// The one check shared by Electron's app:// protocol and the browser-mode server: a URL path maps
// to a file inside the renderer build, or to nothing. Encoded or literal `..`, backslashes
// (a path separator on Windows) and NULs are refused outright rather than normalised.
import { resolve, sep } from 'node:path';

export function staticPath(rendererDir: string, urlPath: string): string | null {
  if (urlPath.includes('\\') || /%5c/i.test(urlPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}
