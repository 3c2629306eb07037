// `npm start` (after `npm run build`): the Electron app when its binary is here, browser mode
// otherwise. Arguments pass through to Electron; browser mode gets only `--db`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const args = process.argv.slice(2);
const INSTALL_TIMEOUT_MS = 120_000;

/** The Electron executable, read the way `require('electron')` does, without its download side effect. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function findElectron() {
  const found = electronBinary();
  if (found) return found;
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return null;
  // One attempt: online it downloads the binary, offline it fails in well under a second.
  spawnSync(process.execPath, [installer], { cwd: electronDir, stdio: 'ignore', timeout: INSTALL_TIMEOUT_MS });
  return electronBinary();
}

/** `--db FILE` / `--db=FILE` from our own arguments, for browser mode's strict parser. */
function dbArgs(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--db' && argv[i + 1] !== undefined) out.push('--db', argv[++i]);
    else if (argv[i].startsWith('--db=')) out.push(argv[i]);
  }
  return out;
}

function run(command, commandArgs, env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (err) => {
    console.error(`start: cannot run ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

for (const bundle of ['dist/main.mjs', 'dist/server.mjs']) {
  if (!existsSync(join(root, bundle))) {
    console.error(`start: ${bundle} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
}

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
// Without a display there is no point downloading a binary that could not open a window.
const electron = noDisplay ? electronBinary() : findElectron();
if (electron && !noDisplay) {
  // ELECTRON_RUN_AS_NODE left over from a tool would turn the app into a plain Node process.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
  run(electron, [root, ...args], env);
} else {
  const reason = electron ? 'there is no display for the Electron window' : 'the Electron binary is not available';
  console.log(`Press Office: ${reason}; starting browser mode instead.`);
  run(process.execPath, [join(root, 'dist', 'server.mjs'), '--open', ...dbArgs(args)], process.env);
}
