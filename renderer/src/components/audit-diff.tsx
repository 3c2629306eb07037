// One audit entry's before and after, field by field, with the changed fields highlighted. Values are
// shown as stored (JSON for nested values): the trail is evidence, not a form.
import { Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { useWord } from '../i18n/use-word';

/** The catalog prefix of an entity's field labels, where its form already names them. */
const FIELD_PREFIX: Record<string, string> = {
  department: 'department.field',
  person: 'person.field',
  training: 'training.field',
  conference: 'conference.field',
  media: 'media.field',
  quota_rule: 'rules.field',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

export function diffRows(before: unknown, after: unknown): DiffRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    return before === null && after === null ? [] : [{ field: '', before, after, changed: !same(before, after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    // Only an update compares: on a create or a delete every field is simply the record.
    changed: isRecord(before) && isRecord(after) && !same(b[field], a[field]),
  }));
}

export function AuditDiff({ entity, before, after }: { entity: string; before: unknown; after: unknown }) {
  const t = useT();
  const word = useWord();
  const rows = diffRows(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.diff.none')}</Typography.Text>;

  const label = (field: string) =>
    field === ''
      ? t('audit.diff.value')
      : ((FIELD_PREFIX[entity] ? word(FIELD_PREFIX[entity], field) : null) ?? word('audit.field', field) ?? field);

  const show = (field: string, value: unknown) => {
    if (value === undefined || value === null || value === '') {
      return <Typography.Text type="secondary">{t('audit.value.empty')}</Typography.Text>;
    }
    if (typeof value === 'boolean') return t(value ? 'audit.value.yes' : 'audit.value.no');
    // A coded value in the catalog's words (人员类别 spokesperson → 新闻发言人), otherwise as stored.
    if (typeof value === 'string') return word(entity, `${field}.${value}`) ?? word(field, value) ?? value;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return value.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.value.empty')}</Typography.Text>
      ) : (
        value.join('、')
      );
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };

  const changed = rows.filter((r) => r.changed).length;
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;

  return (
    <div className="audit-diff" data-testid="audit-diff">
      {changed > 0 ? (
        <Typography.Text type="secondary" className="audit-diff-summary">
          {t('audit.diff.changed', { count: changed })}
        </Typography.Text>
      ) : null}
      <table>
        <thead>
          <tr>
            <th className="audit-diff-field">{t('audit.diff.field')}</th>
            {hasBefore ? <th>{t('audit.diff.before')}</th> : null}
            {hasAfter ? <th>{t('audit.diff.after')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.field}
              className={r.changed ? 'audit-diff-changed' : undefined}
              data-testid={r.changed ? 'audit-diff-changed' : undefined}
            >
              <td className="audit-diff-field">{label(r.field)}</td>
              {hasBefore ? <td className="audit-diff-before">{show(r.field, r.before)}</td> : null}
              {hasAfter ? <td className="audit-diff-after">{show(r.field, r.after)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
