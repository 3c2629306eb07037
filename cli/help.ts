// Help texts. Each command's text lists exactly the options the parser accepts for it.

export const TOOL = 'press-office';

const COMMON = `Options for every command:
  --db FILE      the database file (default: $PRESS_OFFICE_DB, else the app's
                 database in the user data folder)
  --json         print one JSON document on stdout; messages go to stderr
  -h, --help     show help for the command`;

const CHANGES = `  --as NAME      who is making the change, recorded in the audit log
                 (default: the operating-system user name)`;

export const COMMANDS = {
  init: {
    usage: `${TOOL} init [--db FILE] [--as NAME] [--json]`,
    summary: 'create or migrate the database; add the 24 listed departments if the register is empty',
    options: ['as'],
    details: `Creates the database file if it does not exist and brings its schema up to date.
When the department register is empty, adds the 24 listed departments of the
2014 notice (附件1). Safe to run again: an up-to-date database is left as it is.

${CHANGES}`,
  },
  'departments list': {
    usage: `${TOOL} departments list [--all] [--db FILE] [--json]`,
    summary: 'show the department register in register order',
    options: ['all'],
    details: `Columns: id, short name (简称), full name (全称), listed (on the list of
the notice), current spokespersons (新闻发言人), and flags:
  no spokesperson          the department has no current spokesperson
  untrained spokesperson   a current spokesperson has no training on or before
                           the start of tenure (上岗前培训)
With --json, prints the array of register rows.

  --all          include merged and archived departments (adds a status column)`,
  },
  import: {
    usage: `${TOOL} import FILE [--db FILE] [--as NAME] [--json]`,
    summary: 'load a press-office/v1 file: everything or nothing',
    options: ['as'],
    details: `Checks the whole file first: structure, values (dates YYYY-MM-DD that exist
on the calendar), duplicate ids and references against the file and the
database. If anything is wrong, lists every problem by record path on stderr,
exits 1 and leaves the database exactly as it was. Otherwise adds or updates
records by id in one transaction; records identical to the stored ones are not
touched. Records in the database that the file does not mention are kept.
Creates the database if it does not exist, without adding the listed
departments, so that an export imported into a new file is reproduced exactly.
The format is described in docs/data-format.md.

${CHANGES}`,
  },
  'export data': {
    usage: `${TOOL} export data --out FILE [--db FILE] [--as NAME] [--json]`,
    summary: 'write the whole database as a press-office/v1 file',
    options: ['out', 'as'],
    details: `Writes departments, people, trainings, conferences and attendance to FILE as
press-office/v1 JSON. The file is written to a temporary file in the same
folder and renamed into place, so FILE is never left half written. Two exports
of unchanged data differ only in "exportedAt".

  -o, --out FILE the file to write (replaced if it exists)
${CHANGES}`,
  },
} as const;

export type CommandName = keyof typeof COMMANDS;

export function commandHelp(name: CommandName): string {
  const c = COMMANDS[name];
  return `Usage: ${c.usage}

${c.summary[0]?.toUpperCase()}${c.summary.slice(1)}.

${c.details}

${COMMON}
`;
}

export function toolHelp(version: string): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const list = (Object.keys(COMMANDS) as CommandName[])
    .map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n].summary}`)
    .join('\n');
  return `${TOOL} ${version} — 新闻发布工作台 (Press Office) on the command line

Usage: ${TOOL} <command> [options]

Commands:
${list}

${COMMON}
  -V, --version  print the version

Run "${TOOL} <command> --help" for the options of one command.

Exit status: 0 done, 1 failed (nothing was changed by a failed import),
2 usage error (unknown command or option, missing argument).
`;
}
