// Renderer build: root is renderer/, output goes to dist/renderer with relative asset paths, because
// Electron loads it through a custom protocol and browser mode serves it over http.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../common/csp';

/**
 * Writes the one Content-Security-Policy into index.html's meta tag. `frame-ancestors` is left out:
 * browsers ignore it in a meta tag (and warn); the server and Electron send it as a header.
 * The dev server gets no meta policy: React Refresh needs an inline script there.
 */
function contentSecurityPolicy(): Plugin {
  let isBuild = true;
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'press-office-csp',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    transformIndexHtml(html) {
      return isBuild
        ? html.replace('%PRESS_OFFICE_CSP%', policy)
        : html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    },
  };
}

const EARLY_ENTRY = 'early-requests';

/**
 * The first screen's requests go out from a script of their own (src/early-requests.ts, a second entry
 * of the build), loaded `async` ahead of the app so that it runs as soon as it arrives, not after React
 * and antd have been fetched and compiled. Vite would merge a second module script of index.html into
 * the app's entry, so the tag is added here; without it (the dev server) the app asks as before.
 */
function earlyRequests(): Plugin {
  return {
    name: 'press-office-early-requests',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === EARLY_ENTRY,
        );
        const at = html.indexOf('<script');
        if (!chunk || at < 0) throw new Error(`vite: no ${EARLY_ENTRY} entry or no app script to put it before`);
        // Before the app's script and stylesheet (after the Content-Security-Policy meta, which covers it).
        const tag = `<script type="module" async crossorigin src="./${chunk.fileName}"></script>\n    `;
        return html.slice(0, at) + tag + html.slice(at);
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy(), earlyRequests()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        [EARLY_ENTRY]: fileURLToPath(new URL('src/early-requests.ts', import.meta.url)),
      },
    },
  },
});
