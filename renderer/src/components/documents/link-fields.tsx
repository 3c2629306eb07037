// The pickers a document links through: its conference, department, spokesperson (a person of that
// department) and portal column. Each takes `value`/`onChange`, so it works inside a Form.Item and
// on its own.
import { Select } from 'antd';
import { PORTAL_COLUMNS } from '../../../../common/document-schemas';
import type { PersonWithTrainings } from '../../../../common/types';
import { useDepartmentPeople } from '../../api/document-hooks';
import { useDepartments } from '../../api/hooks';
import { type Translate, useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/zh-CN';
import { ConferencePicker } from '../conference-picker';

interface PickerProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
  testId?: string;
  /** Keeps a linked record selectable (and named) when the list no longer offers it. */
  fallbackLabel?: string | null;
  id?: string;
}

function withFallback(
  options: { value: string; label: string }[],
  value: string | null | undefined,
  label: string | null | undefined,
) {
  if (!value || options.some((o) => o.value === value)) return options;
  return [{ value, label: label ?? value }, ...options];
}

/** The document's conference: the shared picker, which asks the server page by page (a decade holds 20,000). */
export function ConferenceSelect({ value, onChange, disabled, testId, fallbackLabel, id }: PickerProps) {
  return (
    <ConferencePicker
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      testId={testId}
      fallbackLabel={fallbackLabel}
    />
  );
}

export function DepartmentSelect({ value, onChange, disabled, testId, fallbackLabel, id }: PickerProps) {
  const t = useT();
  const departments = useDepartments({});
  const options = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  return (
    <Select<string | null>
      id={id}
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={departments.isLoading}
      disabled={disabled}
      options={withFallback(options, value, fallbackLabel)}
      placeholder={t('document.field.department')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

export function personLabel(p: Pick<PersonWithTrainings, 'name' | 'role' | 'title'>, t: Translate): string {
  return `${p.name}（${p.title ?? t(`role.${p.role}`)}）`;
}

/** People of the department, current ones only, plus whoever is already chosen. */
export function usePersonOptions(departmentId: string | null, keep: readonly (string | null)[] = []) {
  const t = useT();
  const people = useDepartmentPeople(departmentId);
  const options = (people.data ?? [])
    .filter((p) => !p.archived || keep.includes(p.id))
    .map((p) => ({ value: p.id, label: personLabel(p, t) }));
  const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
  return { options, names, loading: people.isLoading && departmentId !== null };
}

export function PersonSelect({
  departmentId,
  value,
  onChange,
  disabled,
  testId,
  fallbackLabel,
  id,
}: PickerProps & { departmentId: string | null }) {
  const t = useT();
  const { options, loading } = usePersonOptions(departmentId, [value ?? null]);
  const placeholder = !departmentId
    ? t('document.person.pickDepartment')
    : !loading && options.length === 0
      ? t('document.person.none')
      : t('document.field.person');
  return (
    <Select<string | null>
      id={id}
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      disabled={disabled || !departmentId}
      options={withFallback(options, value, fallbackLabel)}
      placeholder={placeholder}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** The portal's columns are stored by their Chinese names; English shows a translation. */
const PORTAL_LABEL: Record<(typeof PORTAL_COLUMNS)[number], MessageKey> = {
  新闻发布: 'document.portal.news',
  政策解读: 'document.portal.interpretation',
  政府信息公开: 'document.portal.disclosure',
  通知公告: 'document.portal.notices',
};

export function portalColumnText(column: string, t: Translate): string {
  const key = PORTAL_LABEL[column as (typeof PORTAL_COLUMNS)[number]];
  return key ? t(key) : column;
}

export function PortalColumnSelect({ value, onChange, disabled, testId, id }: PickerProps) {
  const t = useT();
  return (
    <Select<string | null>
      id={id}
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      disabled={disabled}
      options={PORTAL_COLUMNS.map((c) => ({ value: c, label: portalColumnText(c, t) }))}
      placeholder={t('document.field.portalColumn')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
