// Entry of the bench bundle (built and started by scripts/bench.mjs): data, run, smoke, and the
// child-process probes the runner starts for figures that need a fresh process.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, USAGE } from './args';
import { generateAsTheAppRuns } from './generate';
import { memoryProbe, portalProbe } from './probes';
import { runBench } from './run';
import { runSmoke } from './smoke';

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv, process.cwd());
  const log = (line: string) => process.stdout.write(`${line}\n`);
  switch (options.command) {
    case 'data':
      mkdirSync(dirname(options.db), { recursive: true });
      await generateAsTheAppRuns({
        dbPath: options.db,
        scale: options.scale,
        seed: options.seed,
        migrationsFolder: options.migrations,
        log,
      });
      return 0;
    case 'run':
      await runBench(options, log);
      return 0;
    case 'smoke':
      return (await runSmoke(options, log)) ? 0 : 1;
    case 'probe-memory':
      process.stdout.write(`${JSON.stringify(memoryProbe(options))}\n`);
      return 0;
    case 'probe-portal':
      process.stdout.write(`${JSON.stringify(await portalProbe(options))}\n`);
      return 0;
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A mistake in the options or the data needs no stack trace; a failure inside the app does.
    const plain = err instanceof Error && err.message.startsWith('bench');
    process.stderr.write(
      `${err instanceof Error ? (plain ? err.message : (err.stack ?? err.message)) : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
