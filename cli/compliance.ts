// `press-office compliance`: the quota report of services/compliance.ts, as the documented JSON or
// as a table a supervisor can read. Status words are the JSON's, in plain English, everywhere.
import { type Period, QUARTERS, quarterPeriod, yearPeriod } from '../common/domain/periods';
import type { ComplianceReport, QuotaKind, QuotaRule } from '../common/domain/quota';
import { listQuotaRules } from '../db/queries/quota-rules';
import { complianceJson, complianceReport } from '../services/compliance';
import { type Command, open, output } from './context';
import { renderTable } from './table';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const RULE_TEXT: Record<QuotaKind, (n: number) => string> = {
  department_conferences: (n) => `each department holds at least ${plural(n, 'conference')} a quarter`,
  responsible_attendance: (n) =>
    `its spokesperson or another responsible person attends at least ${plural(n, 'city conference')} a quarter`,
  head_attendance: (n) => `its head attends at least ${plural(n, 'city conference')} a year`,
};

const NO_RULE: Record<QuotaKind, string> = {
  department_conferences: 'no conference rule',
  responsible_attendance: 'no responsible-person rule',
  head_attendance: 'no head rule',
};

const KINDS: readonly QuotaKind[] = ['department_conferences', 'responsible_attendance', 'head_attendance'];

/** The rules of a kind that apply during the period: the one in force at its start and any that start within it. */
export function rulesDuring(rules: readonly QuotaRule[], kind: QuotaKind, period: Period): QuotaRule[] {
  const ofKind = rules
    .filter((r) => r.kind === kind && r.effectiveFrom <= period.end)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const atStart = ofKind.filter((r) => r.effectiveFrom <= period.start).at(-1);
  return [...(atStart ? [atStart] : []), ...ofKind.filter((r) => r.effectiveFrom > period.start)];
}

export function rulesLine(rules: readonly QuotaRule[], period: Period): string {
  const parts = KINDS.map((kind) => {
    const inForce = rulesDuring(rules, kind, period);
    if (inForce.length === 0) return `${NO_RULE[kind]} (exempt)`;
    return inForce.map((r) => `${RULE_TEXT[kind](r.minimum)} (from ${r.effectiveFrom})`).join(', then ');
  });
  return `Rules in force: ${parts.join('; ')}.`;
}

export const LEGEND = [
  'Legend: conf = conferences the department held (hosted, or released at) in the quarter;',
  '  resp = city news-office conferences its spokesperson or another responsible person attended in the quarter;',
  '  head = city news-office conferences its head (主要负责同志) attended in the year.',
  '  met = minimum reached; missed = period over, minimum not reached; pending = period under way, not reached yet;',
  '  upcoming = period not started; exempt = no rule in force or not listed then.',
  '  Compliant: yes = no quota missed so far (pending and upcoming periods do not count against it).',
].join('\n');

export function complianceText(report: ComplianceReport, rules: readonly QuotaRule[]): string {
  const quarters = report.quarter ? [report.quarter] : QUARTERS;
  const period = report.quarter ? quarterPeriod(report.year, report.quarter) : yearPeriod(report.year);
  const scope = report.quarter ? `${report.year} Q${report.quarter}` : String(report.year);
  const header = [
    `Compliance with the press-conference quotas, ${scope}, as of ${report.asOf}`,
    rulesLine(rules, period),
  ];
  if (report.departments.length === 0) {
    return `${header.join('\n')}\n\nNo department was listed in ${report.year}.\n`;
  }
  const columns = [
    { header: 'Department' },
    ...quarters.flatMap((q) => [{ header: `Q${q} conf` }, { header: `Q${q} resp` }]),
    { header: 'Head (year)' },
    { header: 'Compliant' },
  ];
  const rows = report.departments.map((d) => [
    d.name,
    ...d.quarters.flatMap((q) => [
      `${q.conferences} ${q.conferenceStatus}`,
      `${q.responsibleAttendances} ${q.responsibleStatus}`,
    ]),
    `${d.headAttendances} ${d.headStatus}`,
    d.compliant ? 'yes' : 'no',
  ]);
  const failing = report.departments.filter((d) => !d.compliant).map((d) => d.name);
  const footer = `${report.departments.length} listed department${report.departments.length === 1 ? '' : 's'}; ${
    failing.length === 0 ? 'none' : failing.length
  } not compliant${failing.length ? `: ${failing.join('、')}` : ''}.`;
  return `${header.join('\n')}\n\n${renderTable(columns, rows)}\n\n${footer}\n${LEGEND}\n`;
}

export const compliance: Command = (options, io) => {
  const app = open(options, io, { seed: false, mustExist: true });
  try {
    const report = complianceReport(app.ctx, {
      year: options.year as number,
      quarter: options.quarter ?? null,
      asOf: options.asOf ?? null,
    });
    if (options.json) output(io, options, complianceJson(report), '');
    else io.stdout(complianceText(report, listQuotaRules(app.ctx.db)));
    return 0;
  } finally {
    app.close();
  }
};
