// 插入占位符: every placeholder under its group by its Chinese name, searchable by name or key, so
// staff never type a key by hand. Choosing one writes `{{key}}` at the cursor of the field last used.
import { type RefSelectProps, Select } from 'antd';
import { forwardRef, useMemo } from 'react';
import { useLanguage, useT } from '../../i18n/use-t';
import { placeholderGroups, placeholderText } from './template-text';

interface Props {
  onInsert: (key: string) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  disabled?: boolean;
}

export const PlaceholderMenu = forwardRef<RefSelectProps, Props>(function PlaceholderMenu(
  { onInsert, open, onOpenChange, disabled },
  ref,
) {
  const t = useT();
  const language = useLanguage();
  const groups = useMemo(() => placeholderGroups(language), [language]);
  const search = useMemo(
    () => new Map(groups.flatMap((g) => g.options.map((o) => [o.key, `${o.search} ${g.label.toLowerCase()}`]))),
    [groups],
  );

  return (
    <Select<string | null>
      ref={ref}
      value={null}
      open={open}
      onOpenChange={onOpenChange}
      disabled={disabled}
      placeholder={t('library.template.insert')}
      title={t('library.template.insertHint')}
      style={{ width: 220 }}
      popupMatchSelectWidth={400}
      listHeight={360}
      placement="bottomRight"
      showSearch={{
        filterOption: (input, option) =>
          option?.value ? (search.get(String(option.value)) ?? '').includes(input.trim().toLowerCase()) : false,
      }}
      onSelect={(key) => {
        if (key) onInsert(key);
        onOpenChange(false);
      }}
      options={groups.map((g) => ({
        label: g.label,
        title: g.label,
        options: g.options.map((o) => ({
          value: o.key,
          title: `${o.description}（${t('library.template.example')}${o.example}）`,
          label: (
            <span className="placeholder-option" data-testid={`placeholder-${o.key}`}>
              <span>{o.label}</span>
              <code className="muted small">{placeholderText(o.key)}</code>
            </span>
          ),
        })),
      }))}
      data-testid="placeholder-menu"
    />
  );
});
