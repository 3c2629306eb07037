// 下次同步内容: what the next package holds — 新增, 更新, 撤回 and 暂缓 (政策解读 waiting for its
// policy) — each with its 栏目 and 索引号, and the count left unchanged.
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import type { PortalPlan } from '../../../../common/opinion-types';
import { usePortalPlan } from '../../api/portal-hooks';
import { useT } from '../../i18n/use-t';
import { useWord } from '../../i18n/use-word';
import { routeHref } from '../../routing';
import { Loading, QueryError } from '../query-state';
import { EntryModal } from './entry-modal';
import { type PlanChange, type PlanRow, planRows } from './portal-logic';
import { columnText, heldReasonText } from './portal-text';

const CHANGE_COLOR: Record<PlanChange, string> = {
  added: 'green',
  changed: 'blue',
  withdrawn: 'red',
  held: 'gold',
};

const CHANGES: PlanChange[] = ['added', 'changed', 'withdrawn', 'held'];

/** Rows per page of a long plan (a first full sync may list hundreds). */
const PAGE = 20;

function countOf(plan: PortalPlan, change: PlanChange): number {
  return plan[change].length;
}

export function PlanCard() {
  const t = useT();
  const word = useWord();
  const query = usePortalPlan();
  const [editing, setEditing] = useState<string | null>(null);
  const plan = query.data;
  const rows = useMemo(() => (plan ? planRows(plan) : []), [plan]);

  const columns = [
    {
      title: t('portal.col.change'),
      dataIndex: 'change',
      width: 76,
      render: (change: PlanChange) => (
        <Tooltip title={change === 'held' ? t('portal.change.heldHint') : undefined}>
          <Tag color={CHANGE_COLOR[change]} data-testid="plan-change">
            {t(`portal.change.${change}`)}
          </Tag>
        </Tooltip>
      ),
    },
    {
      title: t('portal.col.title'),
      dataIndex: 'title',
      render: (title: string, r: PlanRow) =>
        r.change === 'withdrawn' ? (
          title
        ) : (
          <a href={routeHref({ page: 'document', id: r.documentId })}>
            {title}
            {r.kind ? (
              <span className="portal-note portal-aside">{word('document.kind', r.kind) ?? r.kind}</span>
            ) : null}
          </a>
        ),
    },
    {
      title: t('portal.col.column'),
      dataIndex: 'column',
      width: 110,
      render: (column: string | null) => (column ? columnText(column, t) : t('common.none')),
    },
    {
      title: t('portal.col.indexNo'),
      dataIndex: 'indexNo',
      width: 210,
      render: (indexNo: string | null, r: PlanRow) =>
        indexNo ? (
          <span className="portal-checksum" data-testid="plan-index-no">
            {indexNo}
          </span>
        ) : r.change === 'held' ? (
          t('common.none')
        ) : (
          <Typography.Text type="secondary" data-testid="plan-index-no">
            {t('portal.indexNo.pending')}
          </Typography.Text>
        ),
    },
    {
      title: t('portal.col.note'),
      key: 'note',
      render: (_: unknown, r: PlanRow) => {
        if (r.change === 'held' && r.reason) return <span className="portal-note">{heldReasonText(r.reason, t)}</span>;
        if (r.change === 'withdrawn') return <span className="portal-note">{t('portal.note.withdrawn')}</span>;
        if (r.interprets) return <span className="portal-note">{t('portal.note.interprets')}</span>;
        return null;
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_: unknown, r: PlanRow) =>
        r.change === 'withdrawn' ? null : (
          <Button size="small" onClick={() => setEditing(r.documentId)} data-testid="plan-edit-entry">
            {t('portal.entry.edit')}
          </Button>
        ),
    },
  ];

  return (
    <Card
      size="small"
      className="block"
      title={t('portal.plan.title')}
      data-testid="portal-plan"
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          onClick={() => void query.refetch()}
          loading={query.isFetching}
          data-testid="plan-refresh"
        >
          {t('portal.refresh')}
        </Button>
      }
    >
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !plan ? (
        <Loading />
      ) : (
        <>
          <div className="portal-counts">
            <Typography.Text strong data-testid="plan-sequence">
              {t('portal.plan.sequence', { sequence: plan.nextSequence })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {plan.previousSequence === null
                ? t('portal.plan.first')
                : t('portal.plan.previous', { sequence: plan.previousSequence })}
            </Typography.Text>
            {CHANGES.map((c) => (
              <Tag key={c} color={countOf(plan, c) ? CHANGE_COLOR[c] : undefined}>
                {t(`portal.change.${c}`)} <span data-testid={`plan-count-${c}`}>{countOf(plan, c)}</span>
              </Tag>
            ))}
            {plan.unchanged > 0 ? (
              <Typography.Text type="secondary" data-testid="plan-unchanged">
                {t('portal.plan.unchanged', { count: plan.unchanged })}
              </Typography.Text>
            ) : null}
          </div>
          <Table<PlanRow>
            size="small"
            rowKey="key"
            pagination={rows.length > PAGE ? { pageSize: PAGE, size: 'small', showSizeChanger: false } : false}
            dataSource={rows}
            columns={columns}
            locale={{ emptyText: t('portal.plan.empty') }}
            onRow={(r) =>
              ({
                'data-testid': `plan-row-${r.documentId}`,
                'data-change': r.change,
              }) as HTMLAttributes<HTMLElement>
            }
            data-testid="plan-table"
          />
        </>
      )}
      <EntryModal documentId={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
