// The portal services name problems in English (they serve the CLI too); this page says them in the
// user's words. Each known message maps to a catalog entry with its particulars; anything else is
// shown as the service wrote it, so nothing is lost.
import { ApiRequestError } from '../../api/client';
import { apiErrorText } from '../../api/error-text';
import type { Translate } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/zh-CN';

type Rule = [RegExp, (m: RegExpExecArray, t: Translate) => string];

const simple =
  (key: MessageKey) =>
  (_m: RegExpExecArray, t: Translate): string =>
    t(key);

/** `<subject>: <rule text>` with the subject (a path, or manifest.json) kept as written. */
const about =
  (key: MessageKey, names: string[] = []) =>
  (m: RegExpExecArray, t: Translate): string =>
    t(key, Object.fromEntries([['path', m[1] ?? ''], ...names.map((n, i) => [n, m[i + 2] ?? ''])]));

// A path inside the package, as verify-portal's pathProblem says what is wrong with it.
const PATH_PROBLEM: [string, MessageKey][] = [
  ['is an absolute path', 'portal.verify.msg.absolute'],
  ['uses a backslash', 'portal.verify.msg.backslash'],
  ['leaves the package (..)', 'portal.verify.msg.leaves'],
  ['has an empty or "." segment', 'portal.verify.msg.segment'],
  ['is not a normal path', 'portal.verify.msg.notNormal'],
];

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const VERIFY: Rule[] = [
  [/^(.+): not a portal package \(no manifest\.json in it\)$/, about('portal.verify.msg.notPackage')],
  [/^(.+): not a folder or a regular file$/, about('portal.verify.msg.notFile')],
  [/^(.+): over 2 GB; not a package \.zip$/, about('portal.verify.msg.tooBig')],
  [/^(.+): cannot be read as a package folder or \.zip \(ENOENT\b.*\)$/, about('portal.verify.msg.noSuchPath')],
  [/^(.+): cannot be read as a package folder or \.zip \((.*)\)$/, about('portal.verify.msg.unreadable', ['detail'])],
  [/^(.+): is a symbolic link$/, about('portal.verify.msg.symlink')],
  [/^(.+): is not a regular file$/, about('portal.verify.msg.notRegular')],
  [/^manifest\.json: missing$/, simple('portal.verify.msg.noManifest')],
  [/^manifest\.json: not UTF-8 JSON \((.*)\)$/, simple('portal.verify.msg.manifestJson')],
  [
    /^manifest\.json: previousSequence (\d+) is not before sequence (\d+)$/,
    (m, t) => t('portal.verify.msg.previousAfter', { previous: m[1] ?? '', sequence: m[2] ?? '' }),
  ],
  [
    /^manifest\.json: previousSequence is null but sequence is (\d+)$/,
    (m, t) => t('portal.verify.msg.previousMissing', { sequence: m[1] ?? '' }),
  ],
  [
    /^manifest\.json: items\[(\d+)\]\.id "(.*)" is listed twice$/,
    (m, t) => t('portal.verify.msg.itemTwice', { id: m[2] ?? '' }),
  ],
  [
    /^manifest\.json: "(.*)" is both an item and deleted$/,
    (m, t) => t('portal.verify.msg.itemDeleted', { id: m[1] ?? '' }),
  ],
  [/^(.+): the manifest cannot list itself$/, simple('portal.verify.msg.listsItself')],
  [/^(.+): listed twice \(items (.+) and (.+)\)$/, about('portal.verify.msg.fileTwice')],
  [/^(.+): missing$/, about('portal.verify.msg.missing')],
  [/^(.+): (\d+) bytes, the manifest says (\d+)$/, about('portal.verify.msg.size', ['bytes', 'expected'])],
  [/^(.+): SHA-256 [0-9a-f]+ does not match the manifest's [0-9a-f]+$/, about('portal.verify.msg.checksum')],
  [/^(.+): extra file, not in the manifest$/, about('portal.verify.msg.extra')],
  ...PATH_PROBLEM.flatMap(([text, key]): Rule[] => [
    [new RegExp(`^(.+): zip entry ${literal(text)}$`), about(key)],
    [new RegExp(`^(.+): ${literal(text)}$`), about(key)],
  ]),
  // Last: any other schema problem of the manifest keeps its field and the schema's words.
  [/^manifest\.json: (.+?): (.+)$/, (m, t) => t('portal.verify.msg.schema', { field: m[1] ?? '', detail: m[2] ?? '' })],
];

function firstMatch(rules: Rule[], text: string, t: Translate): string | null {
  for (const [pattern, say] of rules) {
    const m = pattern.exec(text);
    if (m) return say(m, t);
  }
  return null;
}

/** One problem verify-portal found, in the user's language. */
export function verifyProblemText(problem: string, t: Translate): string {
  return firstMatch(VERIFY, problem, t) ?? problem;
}

/** Why a 政策解读 waits (portal.plan's `held[].reason`). */
export function heldReasonText(reason: string, t: Translate): string {
  const m = /^waits for the policy "(.*)" \((.*)\) to be approved with a portal column$/.exec(reason);
  return m ? t('portal.held.reason', { title: m[1] ?? '', number: m[2] ?? '' }) : reason;
}

const ERRORS: Rule[] = [
  [/a portal export is already running/, simple('portal.error.running')],
  [/documents changed while the package was being prepared/, simple('portal.error.changed')],
  [/must be an absolute path/, simple('portal.error.absolute')],
  [/already exists; the folder holds a package this database does not know/, simple('portal.error.unknownPackage')],
  [/^no portal package (\d+) in the export log/, (m, t) => t('portal.error.noPackage', { sequence: m[1] ?? '' })],
  [/^the stored copy of (.+) is missing or damaged/, (m, t) => t('portal.error.storedCopy', { path: m[1] ?? '' })],
  [/only approved or released documents have release channels/, simple('channels.error.notFinal')],
  [/^channel (\w+) appears more than once/, simple('channels.error.twice')],
];

/** A failed portal, channel or assessment request: this page's known messages first, then the app's. */
export function portalErrorText(err: unknown, t: Translate): string {
  if (err instanceof ApiRequestError) {
    const known = firstMatch(ERRORS, err.message, t);
    if (known) return known;
  }
  return apiErrorText(err, t);
}

/** 公开属性, as portalEntryFields stores them. */
export const DISCLOSURES = ['主动公开', '依申请公开', '不予公开'] as const;

const DISCLOSURE_KEY: Record<(typeof DISCLOSURES)[number], MessageKey> = {
  主动公开: 'portal.disclosure.active',
  依申请公开: 'portal.disclosure.onRequest',
  不予公开: 'portal.disclosure.none',
};

export function disclosureKey(disclosure: (typeof DISCLOSURES)[number]): MessageKey {
  return DISCLOSURE_KEY[disclosure];
}

const COLUMN_KEY: Record<string, MessageKey> = {
  新闻发布: 'document.portal.news',
  政策解读: 'document.portal.interpretation',
  政府信息公开: 'document.portal.disclosure',
  通知公告: 'document.portal.notices',
};

/** A 栏目 in the user's language; a column the catalog does not know is shown as stored. */
export function columnText(column: string, t: Translate): string {
  const key = COLUMN_KEY[column];
  return key ? t(key) : column;
}
