// 年度考核: per listed department for a year, conferences held and attended, releases by channel,
// policy interpretations (and how many went out with their policy) and public-opinion items answered
// in time; exported as the 考核情况表 (.xlsx or .docx).
import { DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useToday } from '../api/conference-hooks';
import { useAssessment } from '../api/portal-hooks';
import { DateField } from '../components/date-field';
import { AssessmentExport } from '../components/portal/assessment-export';
import { AssessmentTable } from '../components/portal/assessment-table';
import { Loading, QueryError } from '../components/query-state';
import { useT } from '../i18n/use-t';
import '../components/portal/portal.css';

export function AssessmentPage() {
  const t = useT();
  const today = useToday();
  const [year, setYear] = useState<number | null>(null);
  const [asOf, setAsOf] = useState<string | null>(null);
  const shownYear = year ?? (today ? Number(today.slice(0, 4)) : null);
  const query = useAssessment({ year: shownYear ?? 2026, asOf }, shownYear !== null);
  const report = query.data;

  if (shownYear === null || (query.isLoading && !report)) return <Loading />;
  if (query.error && !report) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <div className="page" data-testid="assessment-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('assessment.title')}
          </Typography.Title>
          <Typography.Text type="secondary" className="small">
            {t('assessment.subtitle')}
          </Typography.Text>
        </div>
        {report ? <AssessmentExport year={report.year} asOf={asOf} /> : null}
      </div>
      <div className="toolbar">
        <Space>
          <span>{t('assessment.year')}</span>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${shownYear}-01-01`)}
            onChange={(d) => {
              if (d) setYear(d.year());
            }}
            style={{ width: 110 }}
            data-testid="assessment-year"
          />
        </Space>
        <Space>
          <span>{t('assessment.asOf')}</span>
          <div style={{ width: 150 }}>
            <DateField value={asOf ?? report?.asOf ?? null} onChange={setAsOf} testId="assessment-asof" />
          </div>
        </Space>
        <span className="toolbar-spacer" />
        {report ? (
          <Typography.Text type="secondary" data-testid="assessment-count">
            {t('assessment.count', { count: report.rows.length })}
          </Typography.Text>
        ) : null}
      </div>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <AssessmentTable rows={report?.rows ?? []} loading={query.isFetching && !query.isLoading} />
      <Typography.Paragraph type="secondary" className="small" style={{ marginTop: 8 }}>
        {t('assessment.note')}
      </Typography.Paragraph>
    </div>
  );
}
