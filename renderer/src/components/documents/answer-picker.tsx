// 从口径库引用: search the answer library (any Chinese substring of question, answer, topic, tags),
// narrow by department, and take an entry into 预期问答. Entries nobody reviewed for 90 days carry a
// warning tag: they may no longer hold.
import { Button, Input, type InputRef, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { type HTMLAttributes, useEffect, useRef, useState } from 'react';
import type { Input as ApiInput } from '../../../../common/contract';
import type { AnswerView } from '../../../../common/document-types';
import { useAnswerSearch } from '../../api/document-hooks';
import { useDepartments } from '../../api/hooks';
import { useT } from '../../i18n/use-t';
import { QueryError } from '../query-state';

interface Props {
  open: boolean;
  departmentId: string | null;
  usedIds: readonly string[];
  onPick: (answer: AnswerView) => void;
  onClose: () => void;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function AnswerPicker({ open, departmentId, usedIds, onPick, onClose }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [department, setDepartment] = useState<string | null>(departmentId);
  const debounced = useDebounced(search, 200);
  const departments = useDepartments({});
  const searchRef = useRef<InputRef>(null);
  const filter: ApiInput<'answers.list'> = {
    ...(debounced.trim() ? { search: debounced.trim() } : {}),
    ...(department ? { departmentId: department } : {}),
  };
  const answers = useAnswerSearch(filter, open);

  // Each opening starts from the document's department and an empty search.
  useEffect(() => {
    if (open) {
      setSearch('');
      setDepartment(departmentId);
    }
  }, [open, departmentId]);

  return (
    <Modal
      open={open}
      title={t('picker.title')}
      onCancel={onClose}
      footer={
        <Button onClick={onClose} data-testid="picker-close">
          {t('common.ok')}
        </Button>
      }
      width={780}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) searchRef.current?.focus();
      }}
      data-testid="answer-picker"
    >
      <div className="toolbar">
        <Input.Search
          ref={searchRef}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('picker.search')}
          style={{ width: 360 }}
          data-testid="picker-search"
        />
        <Select<string | null>
          value={department}
          onChange={(v) => setDepartment(v ?? null)}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('picker.department')}
          style={{ width: 200 }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          data-testid="picker-department"
        />
        <span className="toolbar-spacer" />
        {answers.data ? (
          <Typography.Text type="secondary">{t('picker.count', { count: answers.data.length })}</Typography.Text>
        ) : null}
      </div>
      {answers.error ? (
        <QueryError error={answers.error} onRetry={() => void answers.refetch()} />
      ) : (
        <Table<AnswerView>
          className="picker-table"
          size="small"
          rowKey="id"
          showHeader={false}
          loading={answers.isLoading}
          dataSource={answers.data ?? []}
          locale={{ emptyText: t('picker.empty') }}
          pagination={(answers.data?.length ?? 0) > 6 ? { pageSize: 6, size: 'small', showSizeChanger: false } : false}
          onRow={() => ({ 'data-testid': 'picker-item' }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'entry',
              render: (_, a) => (
                <div className="picker-entry">
                  <div className="picker-question">{a.question}</div>
                  <Typography.Paragraph className="picker-answer" ellipsis={{ rows: 2, tooltip: a.answer }}>
                    {a.answer}
                  </Typography.Paragraph>
                  <Space size={4} wrap className="small">
                    {a.departmentName ? <Tag>{a.departmentName}</Tag> : null}
                    {a.topic ? <Tag color="blue">{a.topic}</Tag> : null}
                    {a.stale ? (
                      <Tooltip title={t('picker.staleHint')}>
                        <Tag color="orange" data-testid="picker-stale">
                          {t('picker.stale')}
                        </Tag>
                      </Tooltip>
                    ) : null}
                    <span className="muted">
                      {a.reviewedAt
                        ? t('picker.reviewed', { date: a.reviewedAt.slice(0, 10) })
                        : t('picker.neverReviewed')}
                    </span>
                  </Space>
                </div>
              ),
            },
            {
              key: 'pick',
              width: 90,
              align: 'right',
              render: (_, a) => {
                const used = usedIds.includes(a.id);
                return (
                  <Button
                    size="small"
                    type={used ? 'default' : 'primary'}
                    onClick={() => onPick(a)}
                    data-testid="picker-insert"
                  >
                    {used ? t('picker.used') : t('picker.insert')}
                  </Button>
                );
              },
            },
          ]}
        />
      )}
    </Modal>
  );
}
