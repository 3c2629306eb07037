// The placeholders a document template may use, declared once: the engine, the insert menu, the
// value builder (services/templates/values.ts) and docs/templates.md (checked by a test) all read
// this list. Keys are ASCII and dotted; staff pick them by their Chinese label in the UI.

export type PlaceholderGroup =
  | 'conference'
  | 'department'
  | 'person'
  | 'office'
  | 'compliance'
  | 'policy'
  | 'document'
  | 'date';

export interface PlaceholderDef {
  key: string;
  /** 中文名: the label in the insert menu and in the 【待填：…】 mark of a missing value. */
  zh: string;
  en: string;
  /** 说明 (zh). */
  description: string;
  /** 示例: what a filled value looks like. */
  example: string;
  group: PlaceholderGroup;
}

export const PLACEHOLDER_GROUPS: readonly { group: PlaceholderGroup; zh: string; en: string }[] = [
  { group: 'conference', zh: '发布会', en: 'Conference' },
  { group: 'department', zh: '部门', en: 'Department' },
  { group: 'person', zh: '人员', en: 'Person' },
  { group: 'office', zh: '本机关', en: 'Office' },
  { group: 'compliance', zh: '达标情况', en: 'Compliance' },
  { group: 'policy', zh: '所解读政策', en: 'Policy' },
  { group: 'document', zh: '本文件', en: 'Document' },
  { group: 'date', zh: '日期', en: 'Date' },
];

export const PLACEHOLDERS = [
  // 发布会
  {
    key: 'conference.title',
    zh: '发布会名称',
    en: 'Conference title',
    description: '新闻发布会的名称',
    example: '日照市2026年第四季度新闻发布会',
    group: 'conference',
  },
  {
    key: 'conference.date',
    zh: '发布会日期',
    en: 'Conference date',
    description: '发布会日期，YYYY-MM-DD 格式',
    example: '2026-11-27',
    group: 'conference',
  },
  {
    key: 'conference.dateCn',
    zh: '发布会日期（中文）',
    en: 'Conference date (Chinese)',
    description: '发布会日期，中文公文格式',
    example: '2026年11月27日',
    group: 'conference',
  },
  {
    key: 'conference.weekday',
    zh: '发布会星期',
    en: 'Conference weekday',
    description: '发布会当天是星期几',
    example: '星期五',
    group: 'conference',
  },
  {
    key: 'conference.time',
    zh: '发布会时间',
    en: 'Conference time',
    description: '发布会开始时间，24小时制',
    example: '09:30',
    group: 'conference',
  },
  {
    key: 'conference.timeCn',
    zh: '发布会时间（中文）',
    en: 'Conference time (Chinese)',
    description: '发布会开始时间，带上午、下午',
    example: '上午9:30',
    group: 'conference',
  },
  {
    key: 'conference.venue',
    zh: '发布会地点',
    en: 'Venue',
    description: '发布会举行地点',
    example: '市级新闻发布厅',
    group: 'conference',
  },
  {
    key: 'conference.host',
    zh: '主办单位',
    en: 'Host',
    description: '主办部门全称；市政府组织、未指定主办部门的，为本机关名称',
    example: '日照市人民政府新闻办公室',
    group: 'conference',
  },
  {
    key: 'conference.departments',
    zh: '发布单位',
    en: 'Releasing departments',
    description: '参加发布的部门全称，以顿号分隔',
    example: '日照市发展和改革委员会、日照市教育局',
    group: 'conference',
  },
  {
    key: 'conference.topics',
    zh: '发布内容',
    en: 'Topics',
    description: '发布会的发布主题，以顿号分隔',
    example: '经济社会发展运行、重要政策',
    group: 'conference',
  },
  {
    key: 'conference.speakers',
    zh: '发布人名单',
    en: 'Speakers (one a line)',
    description: '发布人，每人一行：部门、职务、姓名',
    example: '日照市发展和改革委员会副主任、新闻发言人　张伟\n日照市教育局新闻发言人　李娜',
    group: 'conference',
  },
  {
    key: 'conference.speakersInline',
    zh: '发布人（行文）',
    en: 'Speakers (in a sentence)',
    description: '发布人，写入句子的形式，以逗号分隔',
    example: '日照市发展和改革委员会副主任、新闻发言人张伟，日照市教育局新闻发言人李娜',
    group: 'conference',
  },
  {
    key: 'conference.media',
    zh: '参会媒体',
    en: 'Media',
    description: '邀请参加发布会的新闻媒体，以顿号分隔',
    example: '日照日报、日照广播电视台',
    group: 'conference',
  },
  // 部门
  {
    key: 'department.name',
    zh: '部门简称',
    en: 'Department (short name)',
    description: '部门简称',
    example: '市发改委',
    group: 'department',
  },
  {
    key: 'department.fullName',
    zh: '部门全称',
    en: 'Department (full name)',
    description: '部门全称',
    example: '日照市发展和改革委员会',
    group: 'department',
  },
  {
    key: 'department.spokesperson',
    zh: '部门新闻发言人',
    en: 'Spokesperson',
    description: '部门现任新闻发言人姓名；多人以顿号分隔',
    example: '张伟',
    group: 'department',
  },
  {
    key: 'department.head',
    zh: '部门主要负责同志',
    en: 'Head',
    description: '部门现任主要负责同志姓名',
    example: '王强',
    group: 'department',
  },
  {
    key: 'department.contactPerson',
    zh: '部门联系人',
    en: 'Contact person',
    description: '部门新闻发布工作联系人',
    example: '刘洋',
    group: 'department',
  },
  {
    key: 'department.contactPhone',
    zh: '部门联系电话',
    en: 'Contact phone',
    description: '部门新闻发布工作联系电话',
    example: '0633-8781234',
    group: 'department',
  },
  // 人员
  {
    key: 'person.name',
    zh: '姓名',
    en: 'Name',
    description: '本文件涉及人员（发言人、答问人、主持人）的姓名',
    example: '张伟',
    group: 'person',
  },
  {
    key: 'person.title',
    zh: '职务',
    en: 'Title',
    description: '本文件涉及人员的职务',
    example: '副主任、新闻发言人',
    group: 'person',
  },
  {
    key: 'person.role',
    zh: '人员类别',
    en: 'Role',
    description: '主要负责人、新闻发言人或相关负责人',
    example: '新闻发言人',
    group: 'person',
  },
  // 本机关
  {
    key: 'office.name',
    zh: '本机关名称',
    en: 'Office name',
    description: '本机关（发布机构）名称',
    example: '日照市人民政府新闻办公室',
    group: 'office',
  },
  {
    key: 'office.docPrefix',
    zh: '发文字号前缀',
    en: 'Document number prefix',
    description: '本机关发文字号的机关代字',
    example: '日新办发',
    group: 'office',
  },
  {
    key: 'office.signature',
    zh: '落款',
    en: 'Signature',
    description: '文末发文机关署名',
    example: '日照市人民政府新闻办公室',
    group: 'office',
  },
  // 达标情况
  {
    key: 'compliance.period',
    zh: '考核期间',
    en: 'Period',
    description: '达标情况统计的年度或季度',
    example: '2026年第四季度',
    group: 'compliance',
  },
  {
    key: 'compliance.asOf',
    zh: '统计截止日期',
    en: 'As of',
    description: '达标情况统计截止日期，YYYY-MM-DD 格式',
    example: '2026-12-31',
    group: 'compliance',
  },
  {
    key: 'compliance.asOfCn',
    zh: '统计截止日期（中文）',
    en: 'As of (Chinese)',
    description: '达标情况统计截止日期，中文公文格式',
    example: '2026年12月31日',
    group: 'compliance',
  },
  {
    key: 'compliance.summary',
    zh: '达标情况概述',
    en: 'Summary',
    description: '纳入考核的部门数、达到要求和未达到要求的部门数',
    example: '截至2026年12月31日，2026年第四季度纳入考核的24个部门中，22个部门达到要求，2个部门未达到要求。',
    group: 'compliance',
  },
  {
    key: 'compliance.shortfallNames',
    zh: '未达标部门',
    en: 'Departments short of quota',
    description: '未达到要求的部门全称，以顿号分隔；没有则为“无”',
    example: '日照市农业局、日照市林业局',
    group: 'compliance',
  },
  {
    key: 'compliance.shortfalls',
    zh: '未达标情况',
    en: 'Shortfalls (one a line)',
    description: '未达到要求的部门及未完成事项，每个部门一行；没有则为“无”',
    example:
      '1.日照市农业局：第四季度未举办新闻发布会。\n2.日照市林业局：主要负责同志2026年未出席市政府新闻办公室组织的新闻发布会。',
    group: 'compliance',
  },
  // 所解读政策
  {
    key: 'policy.title',
    zh: '政策名称',
    en: 'Policy title',
    description: '所解读政策文件的标题（不含书名号）',
    example: '日照市促进民营经济高质量发展若干措施',
    group: 'policy',
  },
  {
    key: 'policy.number',
    zh: '政策文号',
    en: 'Policy number',
    description: '所解读政策文件的文号',
    example: '日政办发〔2026〕12号',
    group: 'policy',
  },
  {
    key: 'policy.date',
    zh: '政策印发日期',
    en: 'Policy date',
    description: '所解读政策文件的印发日期，YYYY-MM-DD 格式',
    example: '2026-10-15',
    group: 'policy',
  },
  {
    key: 'policy.dateCn',
    zh: '政策印发日期（中文）',
    en: 'Policy date (Chinese)',
    description: '所解读政策文件的印发日期，中文公文格式',
    example: '2026年10月15日',
    group: 'policy',
  },
  // 本文件
  {
    key: 'document.number',
    zh: '发文字号',
    en: 'Document number',
    description: '本文件的发文字号',
    example: '日新办发〔2026〕3号',
    group: 'document',
  },
  // 日期
  {
    key: 'today',
    zh: '今天',
    en: 'Today',
    description: '生成文件当天的日期，YYYY-MM-DD 格式',
    example: '2026-11-20',
    group: 'date',
  },
  {
    key: 'todayCn',
    zh: '今天（中文）',
    en: 'Today (Chinese)',
    description: '生成文件当天的日期，中文公文格式，用于成文日期',
    example: '2026年11月20日',
    group: 'date',
  },
  {
    key: 'year',
    zh: '本年度',
    en: 'Year',
    description: '生成文件当天所在年度',
    example: '2026',
    group: 'date',
  },
  {
    key: 'quarter',
    zh: '本季度',
    en: 'Quarter',
    description: '生成文件当天所在季度',
    example: '第四季度',
    group: 'date',
  },
] as const satisfies readonly PlaceholderDef[];

export type PlaceholderKey = (typeof PLACEHOLDERS)[number]['key'];

export const PLACEHOLDER_KEYS: readonly PlaceholderKey[] = PLACEHOLDERS.map((p) => p.key);

const BY_KEY: ReadonlyMap<string, PlaceholderDef> = new Map(PLACEHOLDERS.map((p) => [p.key, p]));

export function isPlaceholderKey(key: string): key is PlaceholderKey {
  return BY_KEY.has(key);
}

export function placeholderDef(key: PlaceholderKey): PlaceholderDef {
  // Every PlaceholderKey is in the map by construction.
  return BY_KEY.get(key) as PlaceholderDef;
}
