// 考核达标情况: a heat map of the listed departments (register order) by quarter, plus the head's
// yearly attendance. A cell's colour is its worst status; clicking it lists the conferences behind it.
import { Card, Drawer, InputNumber, List, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ConferenceRow, QuotaStatus } from '../../../common/conference-types';
import type { DepartmentCompliance, QuarterResult } from '../../../common/domain/quota';
import { useCompliance, useConferences, useToday } from '../api/conference-hooks';
import { QUOTA_STATUSES, QuotaStatusTag, worstStatus } from '../components/conference-tags';
import { DateField } from '../components/date-field';
import { ComplianceExport } from '../components/exchange/compliance-export';
import { Loading, QueryError } from '../components/query-state';
import { type Translate, useT } from '../i18n/use-t';
import { routeHref } from '../routing';

interface Drill {
  department: DepartmentCompliance;
  quarter: QuarterResult | null;
}

export function CompliancePage() {
  const t = useT();
  const today = useToday();
  const [year, setYear] = useState<number | null>(null);
  const [asOf, setAsOf] = useState<string | null>(null);
  const shownYear = year ?? (today ? Number(today.slice(0, 4)) : null);
  const query = useCompliance({ year: shownYear ?? 2026, asOf: asOf ?? null });
  const conferences = useConferences({ from: `${shownYear}-01-01`, to: `${shownYear}-12-31` }, shownYear !== null);
  const [drill, setDrill] = useState<Drill | null>(null);

  const report = query.data;
  const counts = useMemo(() => {
    const c: Record<QuotaStatus, number> = { met: 0, missed: 0, pending: 0, upcoming: 0, exempt: 0 };
    for (const d of report?.departments ?? []) {
      for (const q of d.quarters) {
        c[q.conferenceStatus]++;
        c[q.responsibleStatus]++;
      }
      c[d.headStatus]++;
    }
    return c;
  }, [report]);

  if (shownYear === null || (query.isLoading && !report)) return <Loading />;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <div className="page" data-testid="compliance-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('compliance.title')}
          </Typography.Title>
          <Typography.Text type="secondary" className="small">
            {t('compliance.subtitle')}
          </Typography.Text>
        </div>
        {report ? <ComplianceExport year={report.year} quarter={report.quarter} asOf={report.asOf} /> : null}
      </div>
      <div className="toolbar">
        <Space>
          <span>{t('compliance.year')}</span>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={shownYear}
            onChange={(v) => setYear(typeof v === 'number' ? v : null)}
            data-testid="compliance-year"
          />
        </Space>
        <Space>
          <span>{t('compliance.asOf')}</span>
          <div style={{ width: 150 }}>
            <DateField value={asOf ?? report?.asOf ?? null} onChange={setAsOf} testId="compliance-asof" />
          </div>
        </Space>
        <span className="toolbar-spacer" />
        {report ? (
          <Space size={12} wrap data-testid="compliance-summary">
            <span>{t('compliance.summary.departments', { count: report.departments.length })}</span>
            <span>
              {t('compliance.summary.compliant', { count: report.departments.filter((d) => d.compliant).length })}
            </span>
            {(['met', 'pending', 'missed'] as const).map((s) => (
              <span key={s} className={`summary-${s}`}>
                {t('compliance.summary.status', { status: t(`quotaStatus.${s}`), count: counts[s] })}
              </span>
            ))}
          </Space>
        ) : null}
      </div>
      <Legend t={t} />
      {report && report.departments.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('compliance.empty')}</Typography.Paragraph>
      ) : (
        <div className="matrix-wrap">
          <table className="matrix" data-testid="compliance-matrix">
            <thead>
              <tr>
                <th className="matrix-dept">{t('compliance.col.department')}</th>
                {[1, 2, 3, 4].map((q) => (
                  <th key={q}>{t('compliance.col.quarter', { quarter: q })}</th>
                ))}
                <th>{t('compliance.col.head')}</th>
              </tr>
            </thead>
            <tbody>
              {report?.departments.map((d) => (
                <tr key={d.departmentId} data-testid={`matrix-row-${d.departmentId}`}>
                  <th className="matrix-dept" title={d.fullName}>
                    <a href={routeHref({ page: 'department', id: d.departmentId })}>{d.name}</a>
                  </th>
                  {[1, 2, 3, 4].map((qn) => {
                    const q = d.quarters.find((x) => x.quarter === qn);
                    if (!q) return <td key={qn} className="matrix-cell quota-exempt" />;
                    const status = worstStatus([q.conferenceStatus, q.responsibleStatus]);
                    return (
                      <td key={qn} className={`matrix-cell quota-${status}`}>
                        <button
                          type="button"
                          className="matrix-button"
                          onClick={() => setDrill({ department: d, quarter: q })}
                          data-testid={`cell-${d.departmentId}-q${qn}`}
                          data-status={status}
                          title={`${t(`quota.department_conferences`)}：${t(`quotaStatus.${q.conferenceStatus}`)}；${t('quota.responsible_attendance')}：${t(`quotaStatus.${q.responsibleStatus}`)}`}
                        >
                          <span>{t('compliance.cell.conferences', { count: q.conferences })}</span>
                          <span>{t('compliance.cell.responsible', { count: q.responsibleAttendances })}</span>
                        </button>
                      </td>
                    );
                  })}
                  <td className={`matrix-cell quota-${d.headStatus}`}>
                    <button
                      type="button"
                      className="matrix-button"
                      onClick={() => setDrill({ department: d, quarter: null })}
                      data-testid={`cell-${d.departmentId}-head`}
                      data-status={d.headStatus}
                    >
                      <span>{t('compliance.cell.head', { count: d.headAttendances })}</span>
                      <span className="small">{t(`quotaStatus.${d.headStatus}`)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Drawer
        open={drill !== null}
        onClose={() => setDrill(null)}
        size={460}
        title={
          drill
            ? t('compliance.drill.title', {
                department: drill.department.name,
                period: drill.quarter
                  ? t('compliance.col.quarter', { quarter: drill.quarter.quarter })
                  : t('compliance.drill.year'),
              })
            : ''
        }
        data-testid="compliance-drill"
      >
        {drill ? <DrillDown drill={drill} conferences={conferences.data ?? []} t={t} /> : null}
      </Drawer>
    </div>
  );
}

function Legend({ t }: { t: Translate }) {
  return (
    <Space size={12} wrap className="block" data-testid="compliance-legend">
      <Typography.Text type="secondary">{t('compliance.legend')}</Typography.Text>
      {QUOTA_STATUSES.map((s) => (
        <Space key={s} size={4}>
          <QuotaStatusTag status={s} />
          {s === 'exempt' ? (
            <Typography.Text type="secondary" className="small">
              {t('compliance.legend.exempt')}
            </Typography.Text>
          ) : null}
        </Space>
      ))}
    </Space>
  );
}

function ConferenceLinks({ ids, byId, t }: { ids: string[]; byId: Map<string, ConferenceRow>; t: Translate }) {
  if (ids.length === 0) return <Typography.Text type="secondary">{t('compliance.drill.none')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={ids}
      renderItem={(id) => {
        const c = byId.get(id);
        return (
          <List.Item>
            <a href={routeHref({ page: 'conference', id })} data-testid="drill-conference">
              {c ? `${c.date} ${c.title}` : id}
            </a>
          </List.Item>
        );
      }}
    />
  );
}

function DrillDown({ drill, conferences, t }: { drill: Drill; conferences: ConferenceRow[]; t: Translate }) {
  const byId = new Map(conferences.map((c) => [c.id, c]));
  const q = drill.quarter;
  if (!q) {
    return (
      <div>
        <Space className="block">
          <span>{t('quota.head_attendance')}</span>
          <QuotaStatusTag status={drill.department.headStatus} />
        </Space>
        <Typography.Title level={5}>{t('compliance.drill.head')}</Typography.Title>
        <ConferenceLinks ids={drill.department.headConferenceIds} byId={byId} t={t} />
      </div>
    );
  }
  return (
    <div>
      <Card
        size="small"
        className="block"
        title={
          <Space>
            {t('compliance.drill.conferences')}
            <QuotaStatusTag status={q.conferenceStatus} />
          </Space>
        }
      >
        <ConferenceLinks ids={q.conferenceIds} byId={byId} t={t} />
      </Card>
      <Card
        size="small"
        className="block"
        title={
          <Space>
            {t('compliance.drill.responsible')}
            <QuotaStatusTag status={q.responsibleStatus} />
          </Space>
        }
      >
        <ConferenceLinks ids={q.responsibleConferenceIds} byId={byId} t={t} />
      </Card>
    </div>
  );
}
