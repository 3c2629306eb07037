// Bundles the Node side (Electron main, preload, CLI, browser-mode server) into dist/.
// Runs from `npm ci` (the `prepare` script), so `npx press-office` works on a fresh clone.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
  absWorkingDir: root,
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
await Promise.all(builds);

// Migrations are read at run time from beside the bundles. Copied over in place (never removed
// first), so a test running a bundle meanwhile never sees the folder missing.
cpSync(join(root, 'db', 'migrations'), join(out, 'migrations'), { recursive: true, force: true });
