// 部门 → 本办: import a department's reply, see what it would change item by item, and accept the
// chosen items. Items the office changed after sending (conflicts) are left unchosen: accepting them
// overwrites the office's own change, so the reviewer opts in after reading the diff.
import { Alert, App, Button, Card, Descriptions, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PackComparison, PackComparisonItem } from '../../../../common/pack-types';
import { useAcceptPack, useComparePack } from '../../api/exchange-hooks';
import { formatTime } from '../../format-time';
import { type Translate, useT } from '../../i18n/use-t';
import { FilePicker, type PickedFile } from './file-picker';
import { LineDiff } from './line-diff';
import { exchangeErrorText, packProblemText } from './server-text';

const keyOf = (item: Pick<PackComparisonItem, 'type' | 'id'>) => `${item.type}:${item.id}`;
const acceptable = (item: PackComparisonItem) => item.changed && !item.problem;

/** Chosen at first: every change that can be accepted and overwrites nothing the office did since. */
export function defaultSelection(items: readonly PackComparisonItem[]): string[] {
  return items.filter((i) => acceptable(i) && !i.conflict).map(keyOf);
}

export function ItemTags({ item, t }: { item: PackComparisonItem; t: Translate }) {
  return (
    <Space size={4} wrap>
      {item.changed ? <Tag color="blue">{t('exchange.tag.changed')}</Tag> : <Tag>{t('exchange.tag.unchanged')}</Tag>}
      {item.changed && item.conflict ? (
        <Tag color="orange" data-testid="tag-conflict">
          {t('exchange.tag.conflict')}
        </Tag>
      ) : null}
      {item.problem ? (
        <Tag color="red" className="exchange-problem-tag" data-testid="tag-problem">
          {t('exchange.tag.problem', { problem: packProblemText(item.problem, t) })}
        </Tag>
      ) : null}
    </Space>
  );
}

export function ReceivePack() {
  const t = useT();
  const { message, modal } = App.useApp();
  const compare = useComparePack();
  const accept = useAcceptPack();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [comparison, setComparison] = useState<PackComparison | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = (picked: PickedFile) => {
    setError(null);
    compare.mutate(picked, {
      onSuccess: (result) => {
        setFile(picked);
        setComparison(result);
        setSelected(defaultSelection(result.items));
      },
      onError: (err) => {
        setFile(null);
        setComparison(null);
        setError(exchangeErrorText(err, t));
      },
    });
  };

  const items = comparison?.items ?? [];
  const chosen = items.filter((i) => selected.includes(keyOf(i)));
  const conflicts = items.filter((i) => acceptable(i) && i.conflict);
  const changed = items.filter((i) => i.changed).length;

  const confirmAccept = () => {
    if (!file || !chosen.length) return;
    const overwriting = chosen.filter((i) => i.conflict).length;
    modal.confirm({
      title: t('exchange.accept.confirmTitle', { count: chosen.length }),
      content: (
        <>
          <p>{t('exchange.accept.confirmText')}</p>
          {overwriting ? (
            <Alert type="warning" showIcon title={t('exchange.accept.overwrites', { count: overwriting })} />
          ) : null}
        </>
      ),
      okText: t('exchange.accept.ok'),
      okButtonProps: { 'data-testid': 'accept-confirm' } as Record<string, string>,
      onOk: async () => {
        try {
          const result = await accept.mutateAsync({ ...file, items: chosen.map(({ type, id }) => ({ type, id })) });
          void message.success(t('exchange.accept.done', { count: result.accepted }));
          load(file);
        } catch (err) {
          void message.error(exchangeErrorText(err, t));
        }
      },
    });
  };

  const columns: TableColumnsType<PackComparisonItem> = [
    {
      title: t('exchange.col.type'),
      dataIndex: 'type',
      width: 80,
      render: (type: PackComparisonItem['type']) =>
        t(type === 'document' ? 'exchange.type.document' : 'exchange.type.answer'),
    },
    { title: t('exchange.col.title'), dataIndex: 'title', ellipsis: true },
    {
      title: t('exchange.col.editedBy'),
      dataIndex: 'editedBy',
      width: 120,
      render: (v: string | null) => v ?? t('common.none'),
    },
    { title: t('exchange.col.state'), key: 'state', width: 300, render: (_, item) => <ItemTags item={item} t={t} /> },
  ];

  return (
    <Card size="small" className="block" title={t('exchange.receive.title')} data-testid="receive-pack">
      <Typography.Paragraph type="secondary">{t('exchange.receive.intro')}</Typography.Paragraph>
      <Space wrap className="block-tight">
        <FilePicker
          label={t('exchange.receive.pick')}
          accept=".json"
          testId="receive-upload"
          busy={compare.isPending}
          onFile={load}
        />
        {file ? <Typography.Text type="secondary">{file.fileName}</Typography.Text> : null}
      </Space>
      {error ? <Alert type="error" showIcon title={error} className="block" data-testid="receive-error" /> : null}
      {comparison ? (
        <div data-testid="comparison">
          <Descriptions
            size="small"
            column={3}
            className="block-tight"
            items={[
              { key: 'department', label: t('exchange.col.department'), children: comparison.department.name },
              {
                key: 'by',
                label: t('exchange.receive.returnedBy'),
                children: comparison.returnedBy ?? t('common.none'),
              },
              {
                key: 'at',
                label: t('exchange.receive.returnedAt'),
                children: comparison.returnedAt ? formatTime(comparison.returnedAt) : t('common.none'),
              },
            ]}
          />
          <Typography.Paragraph data-testid="comparison-summary">
            {t('exchange.receive.summary', { count: items.length, changed })}
          </Typography.Paragraph>
          {conflicts.length ? (
            <Alert
              type="warning"
              showIcon
              className="block-tight"
              title={t('exchange.receive.conflicts', { count: conflicts.length })}
              data-testid="conflict-warning"
            />
          ) : null}
          <Table<PackComparisonItem>
            rowKey={keyOf}
            size="small"
            columns={columns}
            dataSource={items}
            pagination={false}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (item) => ({ disabled: !acceptable(item) }),
            }}
            expandable={{
              rowExpandable: (item) => item.changed,
              expandedRowRender: (item) => <LineDiff lines={item.lines} />,
            }}
            locale={{ emptyText: t('exchange.receive.empty') }}
            data-testid="comparison-items"
          />
          <div className="exchange-actions">
            <Button
              type="primary"
              disabled={!chosen.length}
              loading={accept.isPending}
              onClick={confirmAccept}
              data-testid="accept-selected"
            >
              {t('exchange.accept.button', { count: chosen.length })}
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
