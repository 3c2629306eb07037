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
    summary: 'load a press-office/v1 file (.json) or a roster (.xlsx, .csv): everything or nothing',
    options: ['as'],
    details: `Checks the whole file first: structure, values (dates YYYY-MM-DD that exist
on the calendar), duplicate ids and references against the file and the
database. If anything is wrong, lists every problem by record path on stderr,
exits 1 and leaves the database exactly as it was. Otherwise adds or updates
records by id in one transaction; records identical to the stored ones are not
touched. Records in the database that the file does not mention are kept.
Creates the database if it does not exist, without adding the listed
departments, so that an export imported into a new file is reproduced exactly.
A file of more than 1000 records that passes the checks is imported only after
a backup of the existing database (kind "import") in the backups folder beside
it; see "${TOOL} backups". The format is described in docs/data-format.md.
On a terminal, says on stderr how far it has got (reading, checking, writing
each kind of record with its count, saving), a line at a time with the seconds
since it started; a decade of records takes 10-20 s.

A FILE ending in .xlsx or .csv is a roster of people (人员名册): columns 部门,
姓名, 角色 or 职务, 电话, 邮箱 (English headers department, name, role, title,
phone, email also work); CSV in UTF-8 or GBK as Excel saves it on Chinese
Windows. A department is found by its short, full or former name. A person of
that name already in that department is updated; anyone else is added and
needs a role (主要负责人, 新闻发言人 or 相关负责人). If any row has a problem,
every problem is listed by line and nothing is imported.

${CHANGES}`,
  },
  'export data': {
    usage: `${TOOL} export data --out FILE [--db FILE] [--as NAME] [--json]`,
    summary: 'write the whole database as a press-office/v1 file',
    options: ['out', 'as'],
    details: `Writes departments, people, trainings, media outlets, conferences (with their
speakers and invited media), attendance, documents (with their versions and
review records) and the answer library (口径库) to FILE as press-office/v1 JSON,
as one snapshot of the data (the app may go on writing meanwhile). The file is
written to a temporary file in the same folder, a piece at a time, and renamed
into place, so FILE is never left half written. Two exports of unchanged data
differ only in "exportedAt". On a terminal, says on stderr which records it is
writing.

  -o, --out FILE the file to write (replaced if it exists)
${CHANGES}`,
  },
  'export compliance': {
    usage: `${TOOL} export compliance --year YEAR [--quarter Q] [--as-of DATE] --format docx|xlsx --out FILE [--force] [--db FILE] [--json]`,
    summary: 'write the attendance compliance sheet (达标情况表) as .docx or .xlsx',
    options: ['out', 'force', 'year', 'quarter', 'as-of', 'format'],
    details: `Writes the same figures as "${TOOL} compliance" as a document: .xlsx (frozen
header, one row per department with its short and full name, per quarter the
counts and statuses coloured by status, totals as values, no formulas, A4
landscape one page wide) or .docx (a landscape table laid out per GB/T
9704-2012). The header names the as-of date and the rules used. The file is
written atomically; an existing FILE is replaced only with --force.

  --year YEAR      the year, 2000 to 2100 (required)
  --quarter Q      only quarter Q (1 to 4)
  --as-of DATE     judge as on DATE (YYYY-MM-DD; default today)
  --format F       docx or xlsx (required)
  -o, --out FILE   the file to write (required)
  --force          replace FILE if it exists`,
  },
  'export document': {
    usage: `${TOOL} export document --id ID --out FILE [--force] [--db FILE] [--json]`,
    summary: 'write one document (发布材料) as a .docx laid out per GB/T 9704-2012',
    options: ['out', 'force', 'id'],
    details: `Writes the document with that id as .docx: A4, the standard's margins, title
in 小标宋 22 pt, body in 仿宋 16 pt, 22 lines of 28 characters, page numbers
"— 1 —" on the outer side, the signature and date, and a 附注 naming the
drafter, the reviewer and the confidentiality review. A document that is not
approved or released carries a visible 草稿 (draft) mark. An existing FILE
is replaced only with --force.

  --id ID          the document's id (see the app or "export data")
  -o, --out FILE   the file to write (required)
  --force          replace FILE if it exists`,
  },
  'export portal': {
    usage: `${TOOL} export portal --out DIR [--full] [--zip] [--db FILE] [--as NAME] [--json]`,
    summary: 'write the next package for the government portal (网站同步) into DIR',
    options: ['out', 'full', 'zip', 'as'],
    details: `Adds one package folder DIR/<sequence>-<time>/ (DIR is created if missing)
holding manifest.json (press-office-portal/v1, docs/portal.md), and per item an
HTML page and its .docx. Items are the documents approved or released that have
a portal column; each carries its 索引号 (office code-year-serial, stable, never
reused), 发布机构, 生成日期, 文号, 主题分类, 公开属性 and a summary.
By default the package holds what was added, changed or withdrawn since the
last package; when nothing was, nothing is written (exit 0). The package is
written to a hidden temporary folder and renamed into place; the sequence
advances only when the package is complete. On a terminal, says on stderr how
far it has got (rendering N of M documents, writing, zipping).

  -o, --out DIR  the parent folder of the packages (required)
  --full         every current item, written even when there is none
  --zip          also write DIR/<sequence>-<time>.zip
${CHANGES}`,
  },
  'export assessment': {
    usage: `${TOOL} export assessment --year YEAR [--as-of DATE] --format docx|xlsx --out FILE [--force] [--db FILE] [--json]`,
    summary: 'write the annual assessment sheet (年度考核) per department as .docx or .xlsx',
    options: ['out', 'force', 'year', 'as-of', 'format'],
    details: `Per department for the year: conferences held and attended (from the quota
rules), releases by channel, policy interpretations published (and how many in
the same package as their policy), public-opinion items and how many were
answered within their deadline. An existing FILE is replaced only with --force.

  --year YEAR      the year (required)
  --as-of DATE     judge the quotas as on DATE (default today)
  --format F       docx or xlsx (required)
  -o, --out FILE   the file to write (required)
  --force          replace FILE if it exists`,
  },
  'verify-portal': {
    usage: `${TOOL} verify-portal PATH [--json]`,
    summary: 'check a portal package folder or .zip: schema, checksums, no missing or extra files',
    options: [],
    details: `Checks manifest.json against the press-office-portal/v1 schema, every listed
file's size and SHA-256, that no listed path leaves the package (absolute
paths, "..", backslashes), and that no file is missing or extra. Prints each
problem on stderr, naming the file, and exits 1; exits 0 when the package is
sound. Needs no database.`,
  },
  compliance: {
    usage: `${TOOL} compliance --year YEAR [--quarter Q] [--as-of DATE] [--db FILE] [--json]`,
    summary: 'check the listed departments against the quotas of the notice, for a year or a quarter',
    options: ['year', 'quarter', 'as-of'],
    details: `For each department listed in the year, in register order: per quarter the
conferences it held (hosted, or released at) and the city news-office
conferences its spokesperson or another responsible person attended; for the
year the city conferences its head attended; and whether it is compliant (no
quota missed so far). Only held conferences count. The header names the rules
in force (quota rules of the office); a legend explains the columns.
Status words, in the table and in JSON:
  met       the minimum is reached
  missed    the period is over and the minimum was not reached
  pending   the period is under way and the minimum is not reached yet
  upcoming  the period has not started
  exempt    no rule in force, or the department was not listed then
With --json, prints {year, asOf, departments: [{departmentId, name, fullName,
headAttendances, headStatus, compliant, quarters: [{quarter, conferences,
conferenceStatus, responsibleAttendances, responsibleStatus}]}]}.

  --year YEAR    the year, 2000 to 2100 (required)
  --quarter Q    only quarter Q (1 to 4); the head quota is still the year's
  --as-of DATE   judge as on DATE (YYYY-MM-DD; default today): periods ending
                 before DATE are over, so a shortfall is "missed"`,
  },
  backup: {
    usage: `${TOOL} backup --out FILE [--force] [--db FILE] [--as NAME] [--json]`,
    summary: 'copy the database to FILE with the online backup API, checked',
    options: ['out', 'force', 'as'],
    details: `Copies the database with SQLite's online backup API (safe while the app is
running), checks the copy with integrity_check, and only then moves it to FILE.
Prints the path and the size. Refuses to replace an existing FILE unless
--force is given. The backup is recorded in the audit log.

  -o, --out FILE the file to write
  --force        replace FILE if it exists
${CHANGES}`,
  },
  restore: {
    usage: `${TOOL} restore FILE [--db FILE] [--as NAME] [--json]`,
    summary: 'replace the database by a backup FILE; the current one is kept aside',
    options: ['as'],
    details: `Checks FILE first: an empty (0-byte) file, a file that is not a Press Office
database, a damaged one or one made by a newer version is refused, and nothing
is changed. Otherwise keeps the current database aside (beside it, named
<database>.before-restore-<time>) and puts a checked copy of FILE in its place.
Prints where the old database was kept and the exact command that undoes the
restore. Never asks: close the app before restoring. FILE itself is not
changed. The restore is recorded in the audit log of the restored database.

${CHANGES}`,
  },
  backups: {
    usage: `${TOOL} backups [--db FILE] [--json]`,
    summary: 'list the backups in the backups folder beside the database',
    options: [],
    details: `Lists the backups the app and the CLI keep in the "backups" folder beside the
database, newest first: when (UTC), the kind, the size and the file name.
Kinds: auto (daily, kept in rotation: 7 days and 4 weeks), manual, import
(taken before an import of more than 1000 records), pre-migration (before
a schema upgrade) and pre-restore. With --json, prints {dbPath, folder, backups: [{path, name, kind,
createdAt, bytes}]}. Restore one with "${TOOL} restore FILE".`,
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

Exit status: 0 done, 1 failed (nothing was changed by a failed import or
restore), 2 usage error (unknown command or option, missing or invalid argument).
`;
}
