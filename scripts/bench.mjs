// Launcher of the benchmark (docs/performance.md): bundles scripts/bench/*.ts with esbuild the way
// the app is bundled (better-sqlite3 external, the createRequire banner), puts the migrations and
// the built-in templates beside the bundle where the app looks for them, and runs it with node.
//   node scripts/bench.mjs data  [--scale N] [--seed S] [--db FILE]
//   node scripts/bench.mjs run   [--db FILE] [--scale N] [--runs R] [--out FILE]
//   node scripts/bench.mjs smoke
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Under node_modules so that the bundle's `import 'better-sqlite3'` resolves.
// One folder per run: two benches at once (or a bench beside the smoke test) must not replace each
// other's migrations mid-run.
const cache = join(root, 'node_modules', '.cache', 'press-office-bench', String(process.pid));
const dist = join(cache, 'dist');
const bundle = join(dist, 'bench.mjs');

mkdirSync(dist, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'scripts', 'bench', 'main.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
// db/open.ts looks for migrations beside the bundle; services/templates/builtin.ts one level up.
rmSync(join(dist, 'migrations'), { recursive: true, force: true });
cpSync(join(root, 'db', 'migrations'), join(dist, 'migrations'), { recursive: true });
rmSync(join(cache, 'templates'), { recursive: true, force: true });
cpSync(join(root, 'templates'), join(cache, 'templates'), { recursive: true });

// `npm run bench -- --scale 1` passes the flags without the `--`; a direct call may keep it.
const args = process.argv.slice(2).filter((a) => a !== '--');
const child = spawn(
  process.execPath,
  ['--expose-gc', '--enable-source-maps', bundle, ...args, '--migrations', join(dist, 'migrations'), '--root', root],
  // The office's clock: stamps and "today" are Beijing time, as on the office's machines.
  { stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai' } },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
  rmSync(cache, { recursive: true, force: true });
});
