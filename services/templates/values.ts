// The values of the placeholders (common/templates/placeholders.ts), built from the plain data the
// queries return. A value that cannot be known (no venue yet, no spokesperson in post) is left out,
// so the filled text shows 【待填：…】 there rather than a blank.
import type { ConferenceDetail } from '../../common/conference-types';
import { isValidDate } from '../../common/dates';
import type { OfficeSettings } from '../../common/document-types';
import type { ComplianceReport, DepartmentCompliance, QuotaStatus } from '../../common/domain/quota';
import type { Role } from '../../common/schemas';
import type { PlaceholderValues } from '../../common/templates/engine';
import { dateCn, quarterCn, quarterOfDate, timeCn, weekdayCn } from '../../common/templates/format';
import type { PlaceholderKey } from '../../common/templates/placeholders';
import type { Department, DepartmentDetail, Person } from '../../common/types';

export type ConferenceForValues = Pick<
  ConferenceDetail,
  | 'title'
  | 'date'
  | 'time'
  | 'venue'
  | 'organizer'
  | 'hostDepartmentId'
  | 'hostDepartmentName'
  | 'departmentIds'
  | 'departmentNames'
  | 'topics'
  | 'speakers'
  | 'media'
>;

export interface PlaceholderValuesInput {
  conference?: ConferenceForValues | null | undefined;
  /** The department the document is for (发布词, 答问口径, 政策解读). */
  department?: DepartmentDetail | null | undefined;
  /** The person the document is for: the spokesperson, the answerer, the host (主持人). */
  person?: Pick<Person, 'name' | 'title' | 'role'> | null | undefined;
  office: Pick<OfficeSettings, 'name' | 'docPrefix' | 'signature'>;
  compliance?: ComplianceReport | null | undefined;
  policy?: { title: string | null; number: string | null; date: string | null } | null | undefined;
  document?: { number: string | null } | null | undefined;
  /** `YYYY-MM-DD`, the office's today. */
  today: string;
  /** The register, to write departments by their full names (a conference carries short names). */
  departments?: readonly Pick<Department, 'id' | 'name' | 'fullName'>[] | undefined;
  /** People, to write speakers with their titles (职务). */
  people?: readonly Pick<Person, 'id' | 'title'>[] | undefined;
}

/** Words for the roles in documents that leave the office. */
export const ROLE_CN: Readonly<Record<Role, string>> = {
  head: '主要负责人',
  spokesperson: '新闻发言人',
  deputy: '相关负责人',
};

export function placeholderValues(input: PlaceholderValuesInput): PlaceholderValues {
  if (!isValidDate(input.today)) throw new Error(`placeholderValues: today "${input.today}" is not a date YYYY-MM-DD`);
  const values: PlaceholderValues = {};
  const set = (key: PlaceholderKey, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value.trim() !== '') values[key] = value;
  };
  const fullNames = new Map((input.departments ?? []).map((d) => [d.id, d.fullName]));
  const titles = new Map((input.people ?? []).map((p) => [p.id, p.title]));
  const fullName = (id: string | null, fallback: string | null) => (id ? fullNames.get(id) : undefined) ?? fallback;

  const { office } = input;
  set('office.name', office.name);
  set('office.docPrefix', office.docPrefix);
  set('office.signature', office.signature);

  const c = input.conference;
  if (c) {
    set('conference.title', c.title);
    set('conference.date', c.date);
    set('conference.dateCn', dateCn(c.date));
    set('conference.weekday', weekdayCn(c.date));
    set('conference.time', c.time);
    set('conference.timeCn', c.time ? timeCn(c.time) : null);
    set('conference.venue', c.venue);
    set(
      'conference.host',
      c.hostDepartmentId || c.hostDepartmentName
        ? fullName(c.hostDepartmentId, c.hostDepartmentName)
        : c.organizer === 'city'
          ? office.name
          : null,
    );
    set(
      'conference.departments',
      c.departmentIds.map((id, i) => fullName(id, c.departmentNames[i] ?? null)).join('、'),
    );
    set('conference.topics', c.topics.join('、'));
    const speakers = c.speakers.map((s) => ({
      who: `${fullName(s.departmentId, s.departmentName) ?? ''}${speakerTitle(s.role, titles.get(s.personId) ?? null)}`,
      name: s.personName,
    }));
    set('conference.speakers', speakers.map((s) => `${s.who}　${s.name}`).join('\n'));
    set('conference.speakersInline', speakers.map((s) => `${s.who}${s.name}`).join('，'));
    set('conference.media', c.media.map((m) => m.name).join('、'));
  }

  const d = input.department;
  if (d) {
    set('department.name', d.department.name);
    set('department.fullName', d.department.fullName);
    set('department.contactPerson', d.department.contactPerson);
    set('department.contactPhone', d.department.contactPhone);
    const inPost = (role: Role) =>
      d.people
        .filter(
          (p) =>
            p.role === role &&
            !p.archived &&
            (p.tenureStart === null || p.tenureStart <= input.today) &&
            (p.tenureEnd === null || p.tenureEnd >= input.today),
        )
        .map((p) => p.name)
        .join('、');
    set('department.spokesperson', inPost('spokesperson'));
    set('department.head', inPost('head'));
  }

  const p = input.person;
  if (p) {
    set('person.name', p.name);
    set('person.title', p.title);
    set('person.role', ROLE_CN[p.role]);
  }

  const r = input.compliance;
  if (r) {
    set('compliance.period', compliancePeriod(r));
    set('compliance.asOf', r.asOf);
    set('compliance.asOfCn', dateCn(r.asOf));
    set('compliance.summary', complianceSummary(r));
    const short = r.departments.filter((dep) => shortfallItems(dep, r.year).length > 0);
    set('compliance.shortfallNames', short.length > 0 ? short.map((dep) => dep.fullName).join('、') : '无');
    set(
      'compliance.shortfalls',
      short.length > 0
        ? short.map((dep, i) => `${i + 1}.${dep.fullName}：${shortfallItems(dep, r.year).join('；')}。`).join('\n')
        : '无',
    );
  }

  if (input.policy) {
    set('policy.title', input.policy.title?.replace(/^《|》$/g, ''));
    set('policy.number', input.policy.number);
    set('policy.date', input.policy.date);
    set('policy.dateCn', input.policy.date ? dateCn(input.policy.date) : null);
  }
  set('document.number', input.document?.number);

  set('today', input.today);
  set('todayCn', dateCn(input.today));
  set('year', input.today.slice(0, 4));
  const q = quarterOfDate(input.today);
  set('quarter', q ? quarterCn(q) : null);
  return values;
}

/** A speaker's title in a document: the person's 职务 where known, naming the spokesperson role too. */
function speakerTitle(role: Role, title: string | null): string {
  const t = title?.trim();
  if (!t) return ROLE_CN[role];
  if (role === 'spokesperson' && !t.includes('新闻发言人')) return `${t}、新闻发言人`;
  return t;
}

/** `2026年第四季度`, or `2026年度` for a whole year. */
export function compliancePeriod(report: Pick<ComplianceReport, 'year' | 'quarter'>): string {
  return report.quarter ? `${report.year}年${quarterCn(report.quarter)}` : `${report.year}年度`;
}

/** What a department failed to do, one item per missed quota, in period order. */
export function shortfallItems(dep: DepartmentCompliance, year: number): string[] {
  const items: string[] = [];
  for (const q of dep.quarters) {
    const missed: string[] = [];
    if (q.conferenceStatus === 'missed') missed.push('未举办新闻发布会');
    if (q.responsibleStatus === 'missed') missed.push('新闻发言人或相关负责人未出席市政府新闻办公室组织的新闻发布会');
    if (missed.length > 0) items.push(`${quarterCn(q.quarter)}${missed.join('，')}`);
  }
  if (dep.headStatus === 'missed') items.push(`主要负责同志${year}年未出席市政府新闻办公室组织的新闻发布会`);
  return items;
}

function complianceSummary(r: ComplianceReport): string {
  const lead = `截至${dateCn(r.asOf) ?? r.asOf}，${compliancePeriod(r)}`;
  const total = r.departments.length;
  if (total === 0) return `${lead}没有纳入考核的部门。`;
  const statuses = (dep: DepartmentCompliance): QuotaStatus[] => [
    dep.headStatus,
    ...dep.quarters.flatMap((q) => [q.conferenceStatus, q.responsibleStatus]),
  ];
  let short = 0;
  let pending = 0;
  for (const dep of r.departments) {
    const s = statuses(dep);
    if (s.includes('missed')) short++;
    else if (s.includes('pending')) pending++;
  }
  const met = total - short - pending;
  const pendingText = pending > 0 ? `，${pending}个部门考核期尚未结束、要求尚未完成` : '';
  return `${lead}纳入考核的${total}个部门中，${met}个部门达到要求，${short}个部门未达到要求${pendingText}。`;
}
