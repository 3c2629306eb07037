// 角色/职务 text → the register's roles. The register knows three (common/schemas.ts ROLES), in the
// notice's words: 主要负责同志 (head), 新闻发言人 (spokesperson), 相关负责人 (deputy: another
// responsible person, usually the 分管 deputy head). Rosters say it with job titles, often
// several at once ("党组成员、副局长、新闻发言人"); each part is looked up exactly, and the part that
// matters most for the quotas wins: head, then spokesperson, then deputy.
import { ROLES, type Role } from '../../common/schemas';

const HEAD_TITLES = [
  '局长',
  '主任',
  '书记',
  '党组书记',
  '党委书记',
  '党工委书记',
  '院长',
  '厅长',
  '署长',
  '会长',
  '主席',
  '行长',
  '社长',
  '台长',
  '总经理',
  '董事长',
];

const BY_TEXT = new Map<string, Role>([
  ['主要负责同志', 'head'],
  ['主要负责人', 'head'],
  ['主要领导', 'head'],
  ['一把手', 'head'],
  ...HEAD_TITLES.map((t): [string, Role] => [t, 'head']),
  ['新闻发言人', 'spokesperson'],
  ['发言人', 'spokesperson'],
  ['spokesman', 'spokesperson'],
  ['spokeswoman', 'spokesperson'],
  ['相关负责人', 'deputy'],
  ['相关负责同志', 'deputy'],
  ['分管负责人', 'deputy'],
  ['分管负责同志', 'deputy'],
  ['分管领导', 'deputy'],
  ['班子成员', 'deputy'],
  ['领导班子成员', 'deputy'],
  ['党组成员', 'deputy'],
  ['党委委员', 'deputy'],
  // 副局长, 副主任, 党组副书记 …: a deputy of any head title.
  ...HEAD_TITLES.map((t): [string, Role] => [`副${t}`, 'deputy']),
  ['党组副书记', 'deputy'],
  ['党委副书记', 'deputy'],
  ...ROLES.map((r): [string, Role] => [r, r]),
]);

const PRIORITY: readonly Role[] = ['head', 'spokesperson', 'deputy'];

/** The words the register's UI uses for each role (zh-CN catalog), for messages. */
export const ROLE_WORDS: Readonly<Record<Role, string>> = {
  head: '主要负责同志',
  spokesperson: '新闻发言人',
  deputy: '相关负责人',
};

function normalise(text: string): string {
  return (
    text
      .normalize('NFKC')
      // "新闻发言人（兼）", "副局长(正处级)": the bracketed note does not change the role.
      .replace(/\([^)]*\)/g, '')
      .replace(/\s+/g, '')
      .toLowerCase()
  );
}

/** The role a 角色/职务 text names, or null when none of its parts is a known title. */
export function roleFromText(text: string): Role | null {
  const parts = normalise(text)
    .split(/[、,/;|]+/)
    .filter(Boolean);
  const found = new Set(parts.map((p) => BY_TEXT.get(p)).filter((r): r is Role => r !== undefined));
  return PRIORITY.find((r) => found.has(r)) ?? null;
}
