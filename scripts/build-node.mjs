// Bundles the Node side (Electron main, preload, CLI, browser-mode server) into dist/.
// Runs from `npm ci` (the `prepare` script), so `npx press-office` works on a fresh clone.
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
mkdirSync(out, { recursive: true });

// Native and Electron modules stay outside the bundle; everything else is inlined so the
// packaged app needs only better-sqlite3 in node_modules.
const external = ['electron', 'better-sqlite3'];
const esmBanner = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

/**
 * zod re-exports its ~50 message languages as `z.locales`, so a bundler keeps them all. The app never switches
 * zod's language (it words its own messages), so only English, zod's default, goes in: a quarter less code for
 * every start to compile.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: join(args.resolveDir, '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: root,
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
  absWorkingDir: root,
  plugins: [zodEnglishOnly],
};

const esmEntries = { main: 'electron/main.ts', cli: 'cli/press-office.ts', server: 'server/browser-mode-entry.ts' };
// `node scripts/build-node.mjs server cli` builds only those entries (for development).
const only = process.argv.slice(2);
const pick = (entries) =>
  Object.fromEntries(Object.entries(entries).filter(([name]) => only.length === 0 || only.includes(name)));

const builds = [];
if (Object.keys(pick(esmEntries)).length > 0) {
  builds.push(
    build({
      ...common,
      format: 'esm',
      banner: esmBanner,
      entryPoints: pick(esmEntries),
      outdir: out,
      outExtension: { '.js': '.mjs' },
      // What is imported dynamically (exceljs, jszip: services/lazy-libs.ts) and what the entries share goes
      // into chunks beside them, so a start compiles and evaluates only what it runs. Minified, because
      // compiling the source is most of a start's cost (names kept: errors and logs print class names).
      // The chunks stay in dist/ itself: code in them finds the migrations and templates from its own URL.
      splitting: true,
      chunkNames: '[name]-[hash]',
      minify: true,
      keepNames: true,
      metafile: true,
    }),
  );
}
if (Object.keys(pick({ preload: '' })).length > 0) {
  // A sandboxed preload cannot be an ES module.
  builds.push(
    build({
      ...common,
      format: 'cjs',
      // The preload checks method names against the contract, which brings zod along: keep it small.
      minify: true,
      entryPoints: { preload: 'electron/preload.ts' },
      outdir: out,
      outExtension: { '.js': '.cjs' },
    }),
  );
}
const results = await Promise.all(builds);

// Chunks of earlier builds (their names carry a content hash) are removed once this build is written.
const chunk = /^[a-z]+(-[a-z]+)*-[A-Z0-9]{8}\.mjs(\.map)?$/;
const written = new Set(results.flatMap((r) => Object.keys(r.metafile?.outputs ?? {})).map((p) => basename(p)));
for (const name of readdirSync(out)) if (chunk.test(name) && !written.has(name)) rmSync(join(out, name));

// Migrations are read at run time from beside the bundles. Copied over in place (never removed
// first), so a test running a bundle meanwhile never sees the folder missing.
cpSync(join(root, 'db', 'migrations'), join(out, 'migrations'), { recursive: true, force: true });
