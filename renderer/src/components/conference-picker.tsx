// One conference chosen among a decade's (a document's, an opinion's, a template preview's): the newest are
// listed when the picker opens and what is typed is searched for by the server in titles, topics and venues, a page
// at a time, instead of loading all 20,000 conferences into every form that links one.
import { Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ConferenceRow } from '../../../common/conference-types';
import { useConferenceChoices, useConferenceIfAny } from '../api/conference-hooks';
import { type Translate, useT } from '../i18n/use-t';
import { useDebounced } from '../use-debounced';

const SEARCH_DELAY_MS = 250;

/** How a conference reads in a picker: its date and title, and 已取消 when it was cancelled. */
export function conferenceChoiceLabel(c: Pick<ConferenceRow, 'date' | 'title' | 'status'>, t: Translate): string {
  return `${c.date} ${c.title}${c.status === 'cancelled' ? `（${t('conference.status.cancelled')}）` : ''}`;
}

/** The label of the conference `id` (fetched unless `known`), for a link beside a picker. */
export function useConferenceChoiceLabel(id: string | null | undefined, known?: string | null): string | null {
  const t = useT();
  const detail = useConferenceIfAny(known ? null : id);
  if (!id) return null;
  return known ?? (detail.data ? conferenceChoiceLabel(detail.data, t) : null);
}

export interface ConferencePickerProps {
  value?: string | null | undefined;
  onChange?: ((id: string | null) => void) | undefined;
  id?: string | undefined;
  disabled?: boolean | undefined;
  className?: string | undefined;
  placeholder?: string | undefined;
  /** Shown for a chosen conference until its own label has come (e.g. the title a saved record keeps). */
  fallbackLabel?: string | null | undefined;
  notFoundContent?: string | undefined;
  testId?: string | undefined;
}

export function ConferencePicker({
  value,
  onChange,
  id,
  disabled,
  className,
  placeholder,
  fallbackLabel,
  notFoundContent,
  testId,
}: ConferencePickerProps) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const search = useDebounced(typed.trim(), SEARCH_DELAY_MS);
  // Asked for when the picker is first opened, not with the form.
  const [wanted, setWanted] = useState(false);
  const choices = useConferenceChoices(search, wanted);
  const rows = choices.data?.rows ?? [];
  const chosenListed = !value || rows.some((c) => c.id === value);
  const chosen = useConferenceIfAny(chosenListed ? null : value);

  const options = useMemo(() => {
    const listed = rows.map((c) => ({ value: c.id, label: conferenceChoiceLabel(c, t) }));
    if (!value || chosenListed) return listed;
    const label = chosen.data ? conferenceChoiceLabel(chosen.data, t) : (fallbackLabel ?? value);
    return [{ value, label }, ...listed];
  }, [rows, value, chosenListed, chosen.data, fallbackLabel, t]);

  const total = choices.data?.total ?? 0;
  const searching = typed.trim() !== search || choices.isFetching;
  return (
    <Select<string | null>
      id={id}
      className={className}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      onOpenChange={(open) => {
        if (open) setWanted(true);
        else setTyped('');
      }}
      onFocus={() => setWanted(true)}
      loading={wanted && searching}
      disabled={disabled}
      options={options}
      placeholder={placeholder ?? t('document.field.conference')}
      notFoundContent={
        searching ? null : search ? t('conference.picker.noMatch') : (notFoundContent ?? t('conference.picker.noMatch'))
      }
      popupRender={(menu) => (
        <>
          {menu}
          {total > rows.length ? (
            <Typography.Text type="secondary" className="conference-picker-more" data-testid="conference-picker-more">
              {t('conference.picker.more', { shown: rows.length, total })}
            </Typography.Text>
          ) : null}
        </>
      )}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
