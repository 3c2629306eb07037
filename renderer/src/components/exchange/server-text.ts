// The services name problems in English (they serve the CLI too); the screens say them in the user's
// words. Each known message maps to a catalog entry with its particulars; anything else is shown as
// the service wrote it, so nothing is lost.
import { ApiRequestError } from '../../api/client';
import { apiErrorText } from '../../api/error-text';
import type { Translate } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/zh-CN';

type Rule = [RegExp, (m: RegExpExecArray, t: Translate) => string];

const simple =
  (key: MessageKey) =>
  (_m: RegExpExecArray, t: Translate): string =>
    t(key);

const ROSTER_ROW: Rule[] = [
  [/^is empty$/, simple('exchange.roster.msg.empty')],
  [
    /^no department is called "(.+?)"(?:; did you mean "(.+)"\?)?$/,
    (m, t) =>
      m[2]
        ? t('exchange.roster.msg.noDepartmentNear', { name: m[1] ?? '', near: m[2] })
        : t('exchange.roster.msg.noDepartment', { name: m[1] ?? '' }),
  ],
  [
    /^"(.+?)" could be any of (.+); write the full name$/,
    (m, t) => t('exchange.roster.msg.ambiguous', { name: m[1] ?? '', list: m[2] ?? '' }),
  ],
  [/^.+ is already on line (\d+)$/, (m, t) => t('exchange.roster.msg.duplicate', { line: m[1] ?? '' })],
  [/^"(.+?)" is not a role the register knows/, (m, t) => t('exchange.roster.msg.roleUnknown', { text: m[1] ?? '' })],
  [/^"(.+?)" is not a role;/, (m, t) => t('exchange.roster.msg.notRole', { text: m[1] ?? '' })],
  [/^a new person needs a role/, simple('exchange.roster.msg.needsRole')],
  [
    /^is longer than (\d+) characters(?: \((".*")\))?$/,
    (m, t) => t('exchange.roster.msg.tooLong', { max: m[1] ?? '' }),
  ],
  [/^must be an e-mail address \("(.*)"\)$/, (m, t) => t('exchange.roster.msg.email', { value: m[1] ?? '' })],
  [/^is a formula without a saved result/, simple('exchange.roster.msg.formula')],
  [/^shows the error (.+)$/, (m, t) => t('exchange.roster.msg.cellError', { error: m[1] ?? '' })],
];

const ROSTER_FILE: Rule[] = [
  [/neither UTF-8 nor GBK/, simple('exchange.roster.file.encoding')],
  [/byte-order mark but is not/, simple('exchange.roster.file.encoding')],
  [/Excel 97–2003/, simple('exchange.roster.file.xls')],
  [/named \.xlsx but is not/, simple('exchange.roster.file.notXlsx')],
  [/cannot import a "\.(.+)" file/, (m, t) => t('exchange.roster.file.type', { ext: m[1] ?? '' })],
  [/has no extension/, simple('exchange.roster.file.noExtension')],
  [/^header row (\d+): missing column/, (m, t) => t('exchange.roster.file.missingColumn', { line: m[1] ?? '' })],
  [/^header row (\d+): columns .* are both/, (m, t) => t('exchange.roster.file.twoColumns', { line: m[1] ?? '' })],
  [/can be imported at once/, simple('exchange.roster.file.tooMany')],
  [/^the file is [\d.]+ MB/, simple('exchange.roster.file.tooBig')],
  [/is empty$/, simple('exchange.roster.file.empty')],
  [/^line (\d+): a quoted field is never closed/, (m, t) => t('exchange.roster.file.quote', { line: m[1] ?? '' })],
];

const PACK_PROBLEM: Rule[] = [
  [/^the document no longer exists/, simple('exchange.problem.documentGone')],
  [/^the document belongs to another department/, simple('exchange.problem.documentMoved')],
  [
    /^the document is (\w+) at the office/,
    (m, t) => t('exchange.problem.documentLocked', { status: statusText(m[1] ?? '', t) }),
  ],
  [/^the answer no longer exists/, simple('exchange.problem.answerGone')],
  [/^the answer belongs to another department/, simple('exchange.problem.answerMoved')],
];

const PACK_ERROR: Rule[] = [
  [/made by this copy of the app/, simple('exchange.error.ownPack')],
  [/is a department’s reply; import it at the office/, simple('exchange.error.replyHere')],
  [/sent by the office to a department; open it in the department/, simple('exchange.error.packHere')],
  [/^not a pack file|^not a valid pack/, simple('exchange.error.notPack')],
  [/^only a pack opened from a file/, simple('exchange.error.notOpened')],
];

function statusText(status: string, t: Translate): string {
  switch (status) {
    case 'submitted':
      return t('exchange.status.submitted');
    case 'approved':
      return t('exchange.status.approved');
    case 'released':
      return t('exchange.status.released');
    default:
      return status;
  }
}

function apply(rules: Rule[], message: string, t: Translate): string | null {
  for (const [pattern, render] of rules) {
    const m = pattern.exec(message);
    if (m) return render(m, t);
  }
  return null;
}

/** A roster row's problem without the service's own `line N, "column": ` prefix (the list shows those). */
export function rosterRowText(message: string, t: Translate): string {
  const bare = message.replace(/^line \d+(?:, "[^"]*")?: /, '');
  return apply(ROSTER_ROW, bare, t) ?? bare;
}

export function rosterFileText(message: string, t: Translate): string {
  return apply(ROSTER_FILE, message, t) ?? message;
}

/** Why a returned item cannot be accepted. */
export function packProblemText(problem: string, t: Translate): string {
  return apply(PACK_PROBLEM, problem, t) ?? problem;
}

/** A failed pack operation in the user's words. */
export function exchangeErrorText(err: unknown, t: Translate): string {
  if (err instanceof ApiRequestError) {
    const known = apply(PACK_ERROR, err.message, t);
    if (known) return known;
  }
  if (err instanceof RangeError) return t('exchange.file.tooBig');
  return apiErrorText(err, t);
}
