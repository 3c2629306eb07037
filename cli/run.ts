// Argument parsing and dispatch. Never prompts; exit 0 done, 1 failed, 2 usage error. With --json,
// stdout carries exactly one JSON document and everything else goes to stderr.
import { parseArgs } from 'node:util';
import { isValidDate } from '../common/dates';
import type { Quarter } from '../common/domain/periods';
import { AppError } from '../common/result';
import { requiredText } from '../common/text';
import pkg from '../package.json';
import { type CliIo, type CommandOptions, commands } from './commands';
import { COMMANDS, type CommandName, commandHelp, TOOL, toolHelp } from './help';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

const OPTIONS = {
  db: { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  out: { type: 'string', short: 'o' },
  all: { type: 'boolean' },
  force: { type: 'boolean' },
  year: { type: 'string' },
  quarter: { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  id: { type: 'string' },
  full: { type: 'boolean' },
  zip: { type: 'boolean' },
} as const;

const GLOBAL = new Set(['db', 'json', 'help', 'version']);

const POSITIONALS: Record<CommandName, number> = {
  init: 0,
  'departments list': 0,
  import: 1,
  'export data': 0,
  'export compliance': 0,
  'export document': 0,
  'export portal': 0,
  'export assessment': 0,
  'verify-portal': 1,
  compliance: 0,
  backup: 0,
  restore: 1,
  backups: 0,
};

const GROUPS: Record<string, string[]> = {
  departments: ['list'],
  export: ['data', 'compliance', 'document', 'portal', 'assessment'],
};

/** Finds the command named by the first positionals; returns it and the positionals after it. */
function resolveCommand(positionals: string[]): { name: CommandName; rest: string[] } {
  const [first, second, ...more] = positionals;
  if (first === undefined) throw new UsageError('no command given');
  const sub = GROUPS[first];
  if (sub) {
    if (second === undefined) throw new UsageError(`"${first}" needs a subcommand: ${sub.join(', ')}`);
    const name = `${first} ${second}`;
    if (!Object.hasOwn(COMMANDS, name)) {
      throw new UsageError(`unknown command "${name}"; "${first}" has: ${sub.join(', ')}`);
    }
    return { name: name as CommandName, rest: more };
  }
  if (!Object.hasOwn(COMMANDS, first)) throw new UsageError(`unknown command "${first}"`);
  return { name: first as CommandName, rest: second === undefined ? more : [second, ...more] };
}

function checkOptions(name: CommandName, given: Record<string, unknown>): void {
  const allowed = new Set<string>([...GLOBAL, ...COMMANDS[name].options]);
  for (const key of Object.keys(given)) {
    if (given[key] !== undefined && !allowed.has(key)) {
      throw new UsageError(`${name}: option --${key} does not apply to this command`);
    }
  }
  for (const key of ['db', 'as', 'out', 'year', 'quarter', 'as-of', 'format', 'id'] as const) {
    if (given[key] === '') throw new UsageError(`${name}: --${key} needs a value`);
  }
  if (typeof given.as === 'string') {
    const checked = requiredText(200).safeParse(given.as);
    if (!checked.success)
      throw new UsageError(`${name}: --as ${checked.error.issues[0]?.message ?? 'is not a valid name'}`);
  }
}

/** The period options of `compliance`, checked: a usage error names the value and what is expected. */
function period(name: CommandName, given: { year?: string; quarter?: string; 'as-of'?: string }) {
  const out: { year: number | undefined; quarter: Quarter | undefined; asOf: string | undefined } = {
    year: undefined,
    quarter: undefined,
    asOf: undefined,
  };
  if (given.year !== undefined) {
    const year = /^\d{4}$/.test(given.year) ? Number(given.year) : Number.NaN;
    if (!(year >= 2000 && year <= 2100)) {
      throw new UsageError(`${name}: --year must be a year from 2000 to 2100, not "${given.year}"`);
    }
    out.year = year;
  }
  if (given.quarter !== undefined) {
    if (!/^[1-4]$/.test(given.quarter)) {
      throw new UsageError(`${name}: --quarter must be 1, 2, 3 or 4, not "${given.quarter}"`);
    }
    out.quarter = Number(given.quarter) as Quarter;
  }
  if (given['as-of'] !== undefined) {
    if (!isValidDate(given['as-of'])) {
      throw new UsageError(
        `${name}: --as-of must be a date YYYY-MM-DD that exists on the calendar, not "${given['as-of']}"`,
      );
    }
    out.asOf = given['as-of'];
  }
  return out;
}

function printError(io: CliIo, prefix: string, err: unknown): number {
  if (err instanceof UsageError) {
    io.stderr(`${TOOL}: ${err.message}\nRun "${TOOL} --help" for usage.\n`);
    return EXIT_USAGE;
  }
  if (err instanceof AppError) {
    const lines = (err.issues ?? []).map((i) => `${prefix}: ${i.path ? `${i.path}: ` : ''}${i.message}`);
    const message = err.message.startsWith(`${prefix}:`) ? err.message : `${prefix}: ${err.message}`;
    io.stderr(`${[...lines, message].join('\n')}\n`);
    return EXIT_FAILED;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`${prefix}: failed: ${message}\n`);
  return EXIT_FAILED;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    return printError(io, TOOL, new UsageError((err as Error).message));
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(values.json ? `${JSON.stringify({ version: pkg.version })}\n` : `${TOOL} ${pkg.version}\n`);
    return EXIT_OK;
  }
  if (positionals[0] === 'help') {
    if (positionals.length === 1) {
      io.stdout(toolHelp(pkg.version));
      return EXIT_OK;
    }
    try {
      io.stdout(commandHelp(resolveCommand(positionals.slice(1)).name));
      return EXIT_OK;
    } catch (err) {
      return printError(io, TOOL, err);
    }
  }
  if (positionals.length === 0) {
    if (values.help) {
      io.stdout(toolHelp(pkg.version));
      return EXIT_OK;
    }
    io.stderr(toolHelp(pkg.version));
    return EXIT_USAGE;
  }
  let name: CommandName;
  try {
    const found = resolveCommand(positionals);
    name = found.name;
    if (values.help) {
      io.stdout(commandHelp(name));
      return EXIT_OK;
    }
    checkOptions(name, values);
    const expected = POSITIONALS[name];
    if (found.rest.length < expected) throw new UsageError(`${name}: missing argument; usage: ${COMMANDS[name].usage}`);
    if (found.rest.length > expected) {
      throw new UsageError(`${name}: unexpected argument "${found.rest[expected]}"; usage: ${COMMANDS[name].usage}`);
    }
    if ((name.startsWith('export ') || name === 'backup') && !values.out) {
      throw new UsageError(`${name}: --out FILE is required`);
    }
    if (
      (name === 'compliance' || name === 'export compliance' || name === 'export assessment') &&
      values.year === undefined
    ) {
      throw new UsageError(`${name}: --year YEAR is required`);
    }
    if (
      (name === 'export compliance' || name === 'export assessment') &&
      values.format !== 'docx' &&
      values.format !== 'xlsx'
    ) {
      throw new UsageError(`${name}: --format must be docx or xlsx${values.format ? `, not "${values.format}"` : ''}`);
    }
    if (name === 'export document' && !values.id) throw new UsageError(`${name}: --id ID is required`);
    const options: CommandOptions = {
      db: values.db,
      as: values.as,
      json: values.json === true,
      out: values.out,
      all: values.all === true,
      force: values.force === true,
      full: values.full === true,
      zip: values.zip === true,
      ...period(name, values),
      format: values.format,
      id: values.id,
      args: found.rest,
    };
    try {
      return await commands[name](options, io);
    } catch (err) {
      return printError(io, name, err);
    }
  } catch (err) {
    return printError(io, TOOL, err);
  }
}
