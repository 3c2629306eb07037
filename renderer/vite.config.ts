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

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
});
