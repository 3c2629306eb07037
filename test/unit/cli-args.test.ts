// Argument handling of the press-office command, run in-process (cli.test.ts runs the built bundle).
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run';
import { cell, displayWidth, renderTable } from '../../cli/table';

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

describe('press-office arguments', () => {
  it('prints help for the tool and for every command, naming only options the command accepts', async () => {
    const tool = await cli('--help');
    expect(tool.code).toBe(0);
    for (const c of [
      'init',
      'departments list',
      'import',
      'export data',
      'compliance',
      'backup',
      'restore',
      'backups',
    ]) {
      expect(tool.stdout).toContain(`  ${c} `);
    }
    expect(tool.stdout).toContain('Exit status');
    expect((await cli('help')).stdout).toBe(tool.stdout);
    for (const [args, usage, accepts, refuses] of [
      [['init', '--help'], 'press-office init [--db FILE] [--as NAME] [--json]', ['--as'], ['--out', '--all']],
      [
        ['departments', 'list', '-h'],
        'press-office departments list [--all] [--db FILE] [--json]',
        ['--all'],
        ['--as', '--out'],
      ],
      [['import', '--help'], 'press-office import FILE [--db FILE] [--as NAME] [--json]', ['--as'], ['--out', '--all']],
      [['help', 'export', 'data'], 'press-office export data --out FILE', ['--out', '--as'], ['--all']],
      [
        ['compliance', '--help'],
        'press-office compliance --year YEAR [--quarter Q] [--as-of DATE] [--db FILE] [--json]',
        ['--year', '--quarter', '--as-of', 'met', 'missed', 'pending', 'upcoming', 'exempt'],
        ['--as ', '--out', '--force'],
      ],
      [
        ['backup', '--help'],
        'press-office backup --out FILE [--force] [--db FILE] [--as NAME] [--json]',
        ['--out', '--force', '--as'],
        ['--all', '--year'],
      ],
      [
        ['help', 'restore'],
        'press-office restore FILE [--db FILE] [--as NAME] [--json]',
        ['--as', 'before-restore'],
        ['--out', '--force'],
      ],
      [['backups', '-h'], 'press-office backups [--db FILE] [--json]', ['import'], ['--as', '--out', '--force']],
    ] as const) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain(`Usage: ${usage}`);
      for (const option of accepts) expect(r.stdout, `${args.join(' ')} ${option}`).toContain(option);
      for (const option of refuses) expect(r.stdout, `${args.join(' ')} ${option}`).not.toContain(option);
    }
  });

  it('exits 2 on usage errors with the reason on stderr and nothing on stdout', async () => {
    for (const [args, reason] of [
      [[], 'Usage: press-office <command>'],
      [['frobnicate'], 'unknown command "frobnicate"'],
      [['init', '--bogus'], "Unknown option '--bogus'"],
      [['import'], 'import: missing argument'],
      [['import', 'a.json', 'b.json'], 'unexpected argument "b.json"'],
      [['export', 'data'], '--out FILE is required'],
      [['export', 'csv', '--out', 'x'], 'unknown command "export csv"'],
      [['departments'], '"departments" needs a subcommand: list'],
      [['departments', 'list', '--out', 'x.json'], 'option --out does not apply'],
      [['departments', 'list', '--as', 'someone'], 'option --as does not apply'],
      [['init', '--db'], "Option '--db <value>' argument missing"],
      [['init', '--db', ''], '--db needs a value'],
      [['init', '--as', '  '], '--as is required'],
      [['init', '--as', 'a\ud800'], '--as contains an unpaired surrogate'],
      [['help', 'nothing'], 'unknown command "nothing"'],
      [['compliance'], 'compliance: --year YEAR is required'],
      [['compliance', '--year', '1999'], '--year must be a year from 2000 to 2100, not "1999"'],
      [['compliance', '--year', '2101'], 'not "2101"'],
      [['compliance', '--year', '2026.5'], 'not "2026.5"'],
      [['compliance', '--year', ''], '--year needs a value'],
      [['compliance', '--year', '2026', '--quarter', '0'], '--quarter must be 1, 2, 3 or 4, not "0"'],
      [['compliance', '--year', '2026', '--quarter', 'Q1'], 'not "Q1"'],
      [['compliance', '--year', '2026', '--as-of', '2026-02-30'], '--as-of must be a date YYYY-MM-DD'],
      [['compliance', '--year', '2026', '--as-of', '2026-3-1'], 'not "2026-3-1"'],
      [['compliance', '--year', '2026', '--as', 'x'], 'option --as does not apply'],
      [['compliance', '--year', '2026', 'extra'], 'unexpected argument "extra"'],
      [['backup'], 'backup: --out FILE is required'],
      [['backup', '--out', 'x.db', '--year', '2026'], 'option --year does not apply'],
      [['restore'], 'restore: missing argument'],
      [['restore', 'a.db', '--force'], 'option --force does not apply'],
      [['backups', 'x'], 'unexpected argument "x"'],
      [['init', '--force'], 'option --force does not apply'],
    ] as const) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toContain(reason);
    }
  });

  it('prints the version, as JSON with --json', async () => {
    expect((await cli('-V')).stdout).toMatch(/^press-office \d+\.\d+\.\d+\n$/);
    expect(JSON.parse((await cli('--version', '--json')).stdout)).toEqual({ version: expect.any(String) });
  });
});

describe('tables', () => {
  it('counts Chinese and fullwidth characters as two columns, combining marks as none', () => {
    expect(displayWidth('市发改委')).toBe(8);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('Ｌｉ　')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('𠀀😀')).toBe(4);
  });

  it('pads columns to the same display width and escapes line breaks', () => {
    const out = renderTable(
      [{ header: 'A' }, { header: 'N', align: 'right' }, { header: 'B' }],
      [
        ['市发改委', '1', 'x'],
        ['ab\ncd', '10', 'y'],
      ],
    ).split('\n');
    expect(out).toEqual(['A          N  B', '市发改委   1  x', 'ab\\ncd    10  y']);
    expect(cell('a\tb')).toBe('a\\tb');
  });
});
