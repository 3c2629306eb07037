// Entry of the `press-office` command (bundled to dist/cli.mjs, started by bin/press-office.mjs).
import { run } from './run';

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  ...(process.stderr.isTTY ? { progress: (line: string) => process.stderr.write(`${line}\n`) } : {}),
});
// exitCode, not exit(): a piped stdout is flushed before the process ends.
process.exitCode = code;
