// Placeholder values built from the plain data the queries return.
import { describe, expect, it } from 'vitest';
import type { ConferenceDetail } from '../../common/conference-types';
import type { ComplianceReport, DepartmentCompliance, QuarterResult } from '../../common/domain/quota';
import { fillTemplate } from '../../common/templates/engine';
import { dateCn, quarterCn, timeCn, weekdayCn } from '../../common/templates/format';
import type { DepartmentDetail, Person, PersonWithTrainings } from '../../common/types';
import { builtinTemplate } from '../../services/templates/builtin';
import { placeholderValues } from '../../services/templates/values';

const office = { name: '日照市人民政府新闻办公室', docPrefix: '日新办发', signature: '日照市人民政府新闻办公室' };

const departments = [
  { id: 'fgw', name: '市发改委', fullName: '日照市发展和改革委员会' },
  { id: 'jyj', name: '市教育局', fullName: '日照市教育局' },
];

const conference: ConferenceDetail = {
  id: 'c1',
  title: '日照市2026年第四季度新闻发布会',
  date: '2026-11-27',
  time: '09:30',
  venue: '市级新闻发布厅',
  organizer: 'city',
  kind: 'city_routine',
  status: 'planned',
  hostDepartmentId: null,
  hostDepartmentName: null,
  departmentIds: ['fgw', 'jyj'],
  departmentNames: ['市发改委', '市教育局'],
  topics: ['经济社会发展运行', '重要政策'],
  speakerCount: 2,
  attendanceCount: 0,
  notes: null,
  cancelReason: null,
  postponedFromId: null,
  postponedToId: null,
  speakers: [
    { personId: 'p1', personName: '张伟', departmentId: 'fgw', departmentName: '市发改委', role: 'spokesperson' },
    { personId: 'p2', personName: '李娜', departmentId: 'jyj', departmentName: '市教育局', role: 'deputy' },
  ],
  attendance: [],
  media: [
    { mediaId: 'm1', name: '日照日报', kind: 'newspaper', contactPerson: null, phone: null, attended: null },
    { mediaId: 'm2', name: '日照广播电视台', kind: 'broadcast', contactPerson: null, phone: null, attended: null },
  ],
  history: [],
  quarterEnded: false,
};

const person = (over: Partial<PersonWithTrainings>): PersonWithTrainings => ({
  id: 'p',
  departmentId: 'fgw',
  name: '某人',
  role: 'spokesperson',
  title: null,
  phone: null,
  email: null,
  tenureStart: null,
  tenureEnd: null,
  notes: null,
  archived: false,
  trainings: [],
  untrained: false,
  recordCount: 0,
  ...over,
});

const department: DepartmentDetail = {
  department: {
    id: 'fgw',
    name: '市发改委',
    fullName: '日照市发展和改革委员会',
    listed: true,
    listedFrom: '2014-07-01',
    listedUntil: null,
    contactPerson: '刘洋',
    contactPhone: '0633-8781234',
    sortOrder: 1,
    notes: null,
    status: 'active',
    mergedIntoId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  formerNames: [],
  mergedInto: null,
  mergedFrom: [],
  people: [
    person({ id: 'p1', name: '张伟', title: '副主任', tenureStart: '2025-03-01' }),
    person({ id: 'p0', name: '赵敏', tenureStart: '2020-01-01', tenureEnd: '2025-02-28' }),
    person({ id: 'p3', name: '孙丽', tenureStart: '2027-01-01' }),
    person({ id: 'p4', name: '钱进', archived: true }),
    person({ id: 'p5', name: '王强', role: 'head', title: '主任' }),
  ],
  recordCount: 0,
};

const speakerPerson: Person = {
  id: 'p1',
  departmentId: 'fgw',
  name: '张伟',
  role: 'spokesperson',
  title: '副主任、新闻发言人',
  phone: null,
  email: null,
  tenureStart: '2025-03-01',
  tenureEnd: null,
  notes: null,
  archived: false,
};

const quarter = (
  q: 1 | 2 | 3 | 4,
  conferenceStatus: QuarterResult['conferenceStatus'],
  responsibleStatus = conferenceStatus,
) => ({
  quarter: q,
  conferences: conferenceStatus === 'met' ? 1 : 0,
  conferenceStatus,
  responsibleAttendances: responsibleStatus === 'met' ? 1 : 0,
  responsibleStatus,
  conferenceIds: [],
  responsibleConferenceIds: [],
});

const compliance = (departmentsIn: DepartmentCompliance[], q: 1 | 2 | 3 | 4 | null = 4): ComplianceReport => ({
  year: 2026,
  quarter: q,
  asOf: '2026-12-31',
  rules: [],
  departments: departmentsIn,
});

const dep = (
  id: string,
  fullName: string,
  quarters: QuarterResult[],
  headStatus: DepartmentCompliance['headStatus'] = 'met',
): DepartmentCompliance => ({
  departmentId: id,
  name: id,
  fullName,
  headAttendances: headStatus === 'met' ? 1 : 0,
  headStatus,
  headConferenceIds: [],
  compliant:
    headStatus !== 'missed' &&
    quarters.every((r) => r.conferenceStatus !== 'missed' && r.responsibleStatus !== 'missed'),
  quarters,
});

describe('Chinese formats', () => {
  it('writes dates, weekdays, quarters and times as documents do', () => {
    expect(dateCn('2026-01-05')).toBe('2026年1月5日');
    expect(dateCn('2026-02-30')).toBeNull();
    expect(weekdayCn('2026-11-27')).toBe('星期五');
    expect(weekdayCn('2026-11-29')).toBe('星期日');
    expect(quarterCn(4)).toBe('第四季度');
    expect(quarterCn(5)).toBeNull();
    expect([timeCn('09:30'), timeCn('12:00'), timeCn('14:30'), timeCn('19:05'), timeCn('9:30')]).toEqual([
      '上午9:30',
      '中午12:00',
      '下午2:30',
      '晚上7:05',
      null,
    ]);
  });
});

describe('placeholderValues', () => {
  it('fills the conference, department, person, office, policy, document and date keys', () => {
    const values = placeholderValues({
      conference,
      department,
      person: speakerPerson,
      office,
      policy: { title: '《日照市促进民营经济高质量发展若干措施》', number: '日政办发〔2026〕12号', date: '2026-10-15' },
      document: { number: '日新办发〔2026〕3号' },
      today: '2026-11-20',
      departments,
      people: [{ id: 'p1', title: '副主任' }],
    });
    expect(values).toEqual({
      'office.name': '日照市人民政府新闻办公室',
      'office.docPrefix': '日新办发',
      'office.signature': '日照市人民政府新闻办公室',
      'conference.title': '日照市2026年第四季度新闻发布会',
      'conference.date': '2026-11-27',
      'conference.dateCn': '2026年11月27日',
      'conference.weekday': '星期五',
      'conference.time': '09:30',
      'conference.timeCn': '上午9:30',
      'conference.venue': '市级新闻发布厅',
      'conference.host': '日照市人民政府新闻办公室',
      'conference.departments': '日照市发展和改革委员会、日照市教育局',
      'conference.topics': '经济社会发展运行、重要政策',
      'conference.speakers': '日照市发展和改革委员会副主任、新闻发言人　张伟\n日照市教育局相关负责人　李娜',
      'conference.speakersInline': '日照市发展和改革委员会副主任、新闻发言人张伟，日照市教育局相关负责人李娜',
      'conference.media': '日照日报、日照广播电视台',
      'department.name': '市发改委',
      'department.fullName': '日照市发展和改革委员会',
      'department.contactPerson': '刘洋',
      'department.contactPhone': '0633-8781234',
      'department.spokesperson': '张伟',
      'department.head': '王强',
      'person.name': '张伟',
      'person.title': '副主任、新闻发言人',
      'person.role': '新闻发言人',
      'policy.title': '日照市促进民营经济高质量发展若干措施',
      'policy.number': '日政办发〔2026〕12号',
      'policy.date': '2026-10-15',
      'policy.dateCn': '2026年10月15日',
      'document.number': '日新办发〔2026〕3号',
      today: '2026-11-20',
      todayCn: '2026年11月20日',
      year: '2026',
      quarter: '第四季度',
    });
  });

  it('leaves out what is not known, so the document shows 【待填】 there', () => {
    const values = placeholderValues({
      conference: {
        ...conference,
        organizer: 'department',
        hostDepartmentId: 'jyj',
        hostDepartmentName: '市教育局',
        time: null,
        venue: null,
        topics: [],
        media: [],
        departmentIds: ['xx'],
        departmentNames: ['市某局'],
      },
      office: { ...office, docPrefix: '' },
      policy: { title: null, number: null, date: null },
      document: { number: null },
      today: '2026-03-31',
    });
    // Without the register the stored (short) names are used.
    expect(values['conference.host']).toBe('市教育局');
    expect(values['conference.departments']).toBe('市某局');
    expect(values['conference.speakers']).toBe('市发改委新闻发言人　张伟\n市教育局相关负责人　李娜');
    for (const key of [
      'conference.time',
      'conference.timeCn',
      'conference.venue',
      'conference.topics',
      'conference.media',
    ])
      expect(values).not.toHaveProperty(key);
    expect(values).not.toHaveProperty('office.docPrefix');
    expect(values).not.toHaveProperty('policy.title');
    expect(values).not.toHaveProperty('document.number');
    expect(values).not.toHaveProperty('department.name');
    expect(values.quarter).toBe('第一季度');

    const filled = fillTemplate({ title: '{{conference.title}}', body: '地点：{{conference.venue}}' }, values);
    expect(filled.body).toBe('地点：【待填：发布会地点】');
    expect(filled.missing).toEqual(['conference.venue']);
  });

  it('uses the host department full name when the register knows it', () => {
    const values = placeholderValues({
      conference: { ...conference, organizer: 'department', hostDepartmentId: 'fgw', hostDepartmentName: '市发改委' },
      office,
      today: '2026-11-20',
      departments,
    });
    expect(values['conference.host']).toBe('日照市发展和改革委员会');
  });

  it('summarises a compliance report and lists what each department missed', () => {
    const report = compliance([
      dep('a', '日照市发展和改革委员会', [quarter(4, 'met')]),
      dep('b', '日照市农业局', [quarter(4, 'missed', 'met')]),
      dep('c', '日照市林业局', [quarter(4, 'missed')], 'missed'),
      dep('d', '日照市水利局', [quarter(4, 'exempt')]),
    ]);
    const values = placeholderValues({ compliance: report, office, today: '2027-01-05' });
    expect(values['compliance.period']).toBe('2026年第四季度');
    expect(values['compliance.asOf']).toBe('2026-12-31');
    expect(values['compliance.asOfCn']).toBe('2026年12月31日');
    expect(values['compliance.summary']).toBe(
      '截至2026年12月31日，2026年第四季度纳入考核的4个部门中，2个部门达到要求，2个部门未达到要求。',
    );
    expect(values['compliance.shortfallNames']).toBe('日照市农业局、日照市林业局');
    expect(values['compliance.shortfalls']).toBe(
      [
        '1.日照市农业局：第四季度未举办新闻发布会。',
        '2.日照市林业局：第四季度未举办新闻发布会，新闻发言人或相关负责人未出席市政府新闻办公室组织的新闻发布会；' +
          '主要负责同志2026年未出席市政府新闻办公室组织的新闻发布会。',
      ].join('\n'),
    );
  });

  it('counts departments with quotas still open apart, and says 无 when nobody fell short', () => {
    const report = compliance(
      [
        dep(
          'a',
          '日照市商务局',
          [quarter(1, 'met'), quarter(2, 'pending'), quarter(3, 'upcoming'), quarter(4, 'upcoming')],
          'pending',
        ),
        dep('b', '日照市民政局', [
          quarter(1, 'met'),
          quarter(2, 'met'),
          quarter(3, 'upcoming'),
          quarter(4, 'upcoming'),
        ]),
      ],
      null,
    );
    const values = placeholderValues({ compliance: { ...report, asOf: '2026-05-10' }, office, today: '2026-05-10' });
    expect(values['compliance.period']).toBe('2026年度');
    expect(values['compliance.summary']).toBe(
      '截至2026年5月10日，2026年度纳入考核的2个部门中，1个部门达到要求，0个部门未达到要求，1个部门考核期尚未结束、要求尚未完成。',
    );
    expect(values['compliance.shortfalls']).toBe('无');
    expect(values['compliance.shortfallNames']).toBe('无');
    expect(placeholderValues({ compliance: compliance([]), office, today: '2026-05-10' })['compliance.summary']).toBe(
      '截至2026年12月31日，2026年第四季度没有纳入考核的部门。',
    );
  });

  it('fills the circular so that nothing but the parts staff write is left open', () => {
    const circular = builtinTemplate('circular');
    if (!circular) throw new Error('no circular built-in');
    const report = compliance([dep('b', '日照市农业局', [quarter(4, 'missed', 'met')])]);
    const filled = fillTemplate(circular, placeholderValues({ compliance: report, office, today: '2027-01-05' }));
    expect(filled.missing).toEqual([]);
    expect(filled.title).toBe('关于2026年第四季度重点部门新闻发布工作落实情况的通报');
    expect(filled.body).toContain('二、未达到要求的部门\n\n1.日照市农业局：第四季度未举办新闻发布会。\n\n三、有关要求');
    // The signature and date are placed by the page layout (GB/T 9704), not written in the body.
    expect(filled.body).not.toContain('2027年1月5日');
  });

  it('fills the conference notice from a conference', () => {
    const notice = builtinTemplate('notice');
    if (!notice) throw new Error('no notice built-in');
    const filled = fillTemplate(notice, placeholderValues({ conference, office, today: '2026-11-20', departments }));
    expect(filled.missing).toEqual([]);
    expect(
      filled.body.startsWith('日照市发展和改革委员会、日照市教育局：\n\n根据工作安排，定于2026年11月27日召开'),
    ).toBe(true);
    expect(filled.body).toContain('2026年11月27日（星期五）上午9:30，会期约1小时。');
  });

  it('keeps a department name that looks like a placeholder literal', () => {
    const odd: DepartmentDetail = {
      ...department,
      department: { ...department.department, fullName: '{{office.name}}' },
    };
    const values = placeholderValues({ department: odd, office, today: '2026-11-20' });
    const filled = fillTemplate({ title: 't', body: '{{department.fullName}}' }, values);
    expect(filled.body).toBe('{{office.name}}');
  });

  it('refuses a today that is not a date', () => {
    expect(() => placeholderValues({ office, today: '2026-13-01' })).toThrow(
      'placeholderValues: today "2026-13-01" is not a date YYYY-MM-DD',
    );
  });
});
