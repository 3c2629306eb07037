// 回应时效: a year's items by quarter of detection and by responsible department — how many, how many
// answered, the median hours to the answer and the share answered within the deadline.
import { Card, InputNumber, Space, Table, type TableColumnsType, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import type { ResponseStatsRow } from '../../../../common/opinion-types';
import { useToday } from '../../api/conference-hooks';
import { useOpinionStats } from '../../api/opinion-hooks';
import { type Translate, useT } from '../../i18n/use-t';
import { Loading, QueryError } from '../query-state';
import { ResponseChart } from './response-chart';
import { rowLabel, shareText } from './response-figures-text';

function columns(t: Translate, first: 'quarter' | 'department'): TableColumnsType<ResponseStatsRow> {
  const number = (v: number | null) => <span className="opinion-figures-number">{v ?? t('common.none')}</span>;
  return [
    {
      title: t(first === 'quarter' ? 'opinions.figures.col.quarter' : 'opinions.figures.col.department'),
      key: 'label',
      render: (_, r) => rowLabel(r, t),
    },
    { title: t('opinions.figures.col.items'), dataIndex: 'items', width: 72, align: 'right', render: number },
    { title: t('opinions.figures.col.answered'), dataIndex: 'answered', width: 80, align: 'right', render: number },
    {
      title: t('opinions.figures.col.median'),
      dataIndex: 'medianHours',
      width: 176,
      align: 'right',
      render: number,
    },
    {
      title: t('opinions.figures.col.share'),
      key: 'share',
      width: 140,
      align: 'right',
      render: (_, r) => <span className="opinion-figures-number">{shareText(r, t)}</span>,
    },
  ];
}

function FiguresTable({
  rows,
  total,
  first,
  testId,
}: {
  rows: ResponseStatsRow[];
  total: ResponseStatsRow | null;
  first: 'quarter' | 'department';
  testId: string;
}) {
  const t = useT();
  return (
    <Table<ResponseStatsRow>
      rowKey="key"
      size="small"
      columns={columns(t, first)}
      dataSource={total ? [...rows, total] : rows}
      pagination={false}
      rowClassName={(r) => (r.key === 'all' ? 'opinion-figures-total' : '')}
      onRow={(r) => ({ 'data-testid': `${testId}-${r.key}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('opinions.figures.empty') }}
      data-testid={testId}
    />
  );
}

export function ResponseFigures() {
  const t = useT();
  const today = useToday();
  const [year, setYear] = useState<number | null>(null);
  const shownYear = year ?? (today ? Number(today.slice(0, 4)) : null);
  const query = useOpinionStats(shownYear ?? 2026);

  if (shownYear === null || (query.isLoading && !query.data)) return <Loading />;
  if (query.error || !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const stats = query.data;

  return (
    <div data-testid="opinion-figures">
      <div className="toolbar">
        <Space>
          <span>{t('opinions.figures.year')}</span>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={shownYear}
            onChange={(v) => setYear(typeof v === 'number' ? v : null)}
            data-testid="opinion-figures-year"
          />
        </Space>
        <Typography.Text type="secondary" className="small">
          {t('opinions.figures.hint')}
        </Typography.Text>
      </div>
      <div className="opinion-figures">
        <Card size="small" title={t('opinions.figures.byQuarter')}>
          <FiguresTable rows={stats.byQuarter} total={stats.total} first="quarter" testId="opinion-figures-quarter" />
        </Card>
        <Card size="small" title={t('opinions.figures.chart')}>
          <ResponseChart rows={stats.byQuarter} t={t} />
        </Card>
        <Card size="small" title={t('opinions.figures.byDepartment')}>
          <FiguresTable rows={stats.byDepartment} total={null} first="department" testId="opinion-figures-department" />
        </Card>
      </div>
    </div>
  );
}
