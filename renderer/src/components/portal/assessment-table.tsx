// The 年度考核 table: one row per listed department, the figures grouped under 发布会, 发布渠道, 政策解读
// and 舆情, with a 合计 row. The header stays in view while the rows scroll, and the table scrolls
// sideways on a narrow window with the department column kept in place.
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { RELEASE_CHANNELS } from '../../../../common/opinion-schemas';
import type { AssessmentRow } from '../../../../common/opinion-types';
import { useT } from '../../i18n/use-t';
import { routeHref } from '../../routing';
import { type AssessmentTotals, assessmentTotals } from './portal-logic';

/** A figure; zero greyed so that the counts stand out. */
function figure(n: number) {
  return n === 0 ? <span className="assessment-zero">0</span> : n;
}

type Figure = (r: AssessmentTotals) => number;

export function AssessmentTable({ rows, loading }: { rows: AssessmentRow[]; loading: boolean }) {
  const t = useT();

  const numeric = (key: string, title: string, value: Figure, width = 92) => ({
    key,
    title,
    width,
    className: 'assessment-num',
    onCell: () => ({ 'data-col': key }) as HTMLAttributes<HTMLElement>,
    render: (_: unknown, r: AssessmentRow) => figure(value(r)),
  });

  const figures: { key: string; value: Figure }[] = [];
  const group = (title: string, children: { key: string; title: string; value: Figure; width?: number }[]) => {
    figures.push(...children);
    return { title, children: children.map((c) => numeric(c.key, c.title, c.value, c.width)) };
  };

  const columns: ColumnsType<AssessmentRow> = [
    {
      key: 'index',
      title: t('assessment.col.index'),
      width: 56,
      fixed: 'left',
      align: 'center',
      render: (_: unknown, __: AssessmentRow, i: number) => i + 1,
    },
    {
      key: 'department',
      title: t('assessment.col.department'),
      // Wide enough for the longest listed name (市人力资源社会保障局) on one line.
      width: 176,
      fixed: 'left',
      render: (_: unknown, r: AssessmentRow) => (
        <a href={routeHref({ page: 'department', id: r.departmentId })} title={r.fullName}>
          {r.name}
        </a>
      ),
    },
    group(t('assessment.group.conferences'), [
      { key: 'held', title: t('assessment.col.held'), value: (r) => r.conferencesHeld, width: 72 },
      {
        key: 'responsible',
        title: t('assessment.col.responsible'),
        value: (r) => r.responsibleAttendances,
        width: 100,
      },
      { key: 'head', title: t('assessment.col.head'), value: (r) => r.headAttendances, width: 124 },
    ]),
    group(
      t('assessment.group.channels'),
      RELEASE_CHANNELS.map((c) => ({
        key: `channel-${c}`,
        title: t(`channel.${c}`),
        value: (r: AssessmentTotals) => r.releases[c],
        width: c === 'weibo' || c === 'broadcast' ? 124 : 92,
      })),
    ),
    group(t('assessment.group.interpretations'), [
      {
        key: 'interpretations',
        title: t('assessment.col.interpretations'),
        value: (r) => r.interpretations,
        width: 72,
      },
      {
        key: 'withPolicy',
        title: t('assessment.col.withPolicy'),
        value: (r) => r.interpretationsWithPolicy,
        width: 100,
      },
    ]),
    group(t('assessment.group.opinions'), [
      { key: 'opinions', title: t('assessment.col.opinions'), value: (r) => r.opinionItems, width: 72 },
      { key: 'onTime', title: t('assessment.col.onTime'), value: (r) => r.opinionWithinDeadline, width: 100 },
    ]),
  ];

  const totals = assessmentTotals(rows);

  return (
    <Table<AssessmentRow>
      className="assessment-table"
      size="small"
      bordered
      rowKey="departmentId"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content', y: 'calc(100vh - 330px)' }}
      locale={{ emptyText: t('assessment.empty') }}
      onRow={(r) => ({ 'data-testid': `assessment-row-${r.departmentId}` }) as HTMLAttributes<HTMLElement>}
      data-testid="assessment-table"
      summary={() =>
        rows.length === 0 ? null : (
          <Table.Summary fixed>
            <Table.Summary.Row data-testid="assessment-total">
              <Table.Summary.Cell index={0} colSpan={2} align="center">
                <Typography.Text strong>{t('assessment.total')}</Typography.Text>
              </Table.Summary.Cell>
              {figures.map((f, i) => (
                <Table.Summary.Cell key={f.key} index={i + 2} className="assessment-num">
                  <Typography.Text strong>{f.value(totals)}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )
      }
    />
  );
}
