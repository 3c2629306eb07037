// 工作台: the landing page. What needs attention this quarter: 舆情 past their deadline or not
// reported up, departments still short of their quotas, the month's conferences, untrained
// spokespersons, conferences waiting for attendance, and how the year's quarters are going. Drawn with plain
// elements (components/plain.tsx): the first screen of every start does not wait for antd.
import type { ReactNode } from 'react';
import type { AtRiskDepartment, ConferenceRow, Dashboard } from '../../../common/conference-types';
import { useDashboard } from '../api/conference-hooks';
import { ConferenceStatusTag } from '../components/conference-tags';
import { ItemList } from '../components/item-list';
import { OpinionAlertsCard } from '../components/opinions/opinion-alerts';
import { PlainButtonLink, PlainCard, PlainEmpty, PlainRow, PlainTag, PlainText } from '../components/plain';
import { Loading, QueryError } from '../components/query-state';
import { type Translate, useT } from '../i18n/use-t';
import { routeHref } from '../routing';

/** The dashboard's lists of people and conferences show this many at first (the rest one click away). */
const LIST_LIMIT = 10;

function daysUntil(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The departments short of their quotas, as a plain table: the landing page is the first thing every start
 * shows, and antd's Table brings its filter, sort and pagination code (with Tree, Select and Dropdown) into
 * that first load for a list of a few dozen rows. The header stays in view while the rows scroll.
 */
function AtRiskTable({ rows, t }: { rows: AtRiskDepartment[]; t: Translate }) {
  return (
    <div className="plain-table-scroll" data-testid="at-risk">
      <table className="plain-table">
        <colgroup>
          <col style={{ width: 120 }} />
          <col />
          <col style={{ width: 80 }} />
          <col style={{ width: 92 }} />
          <col style={{ width: 104 }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.col.department')}</th>
            <th scope="col">{t('dashboard.col.pending')}</th>
            <th scope="col" className="number">
              {t('dashboard.col.daysLeft')}
            </th>
            <th scope="col" className="number">
              {t('dashboard.col.workingDaysLeft')}
            </th>
            <th scope="col">{t('dashboard.col.next')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5} className="plain-table-empty">
                {t('dashboard.atRisk.none')}
              </td>
            </tr>
          ) : (
            rows.map((d) => (
              <tr key={d.departmentId}>
                <td>
                  <a href={routeHref({ page: 'department', id: d.departmentId })}>{d.name}</a>
                </td>
                <td>
                  <PlainRow gap={2}>
                    {d.pending.map((q) => (
                      <PlainTag key={q} color={q === 'head_attendance' ? 'gold' : 'orange'}>
                        {t(`quota.${q}`)}
                      </PlainTag>
                    ))}
                  </PlainRow>
                </td>
                <td className="number">{t('dashboard.days', { days: d.daysLeft })}</td>
                <td className="number">{d.workingDaysLeft}</td>
                <td>{d.nextConferenceDate ?? <PlainText type="danger">{t('dashboard.noneBooked')}</PlainText>}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Met / total per quarter as SVG bars: a full bar is every quota of the quarter met. */
function CompletionChart({ data, t }: { data: Dashboard['quarterCompletion']; t: Translate }) {
  const width = 320;
  const height = 150;
  const barW = 48;
  const gap = (width - barW * 4) / 5;
  const top = 18;
  const bottom = 24;
  const plot = height - top - bottom;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      height={height}
      role="img"
      aria-label={t('dashboard.completion.hint')}
      data-testid="completion-chart"
    >
      <line x1={0} x2={width} y1={top + plot} y2={top + plot} stroke="#d9d9d9" />
      {data.map((q, i) => {
        const share = q.total > 0 ? q.met / q.total : 0;
        const x = gap + i * (barW + gap);
        const h = Math.round(plot * share);
        return (
          <g key={q.quarter} data-testid={`completion-q${q.quarter}`}>
            <rect x={x} y={top} width={barW} height={plot} fill="#f0f5ff" rx={2} />
            <rect x={x} y={top + plot - h} width={barW} height={h} fill="#52c41a" rx={2} />
            <text x={x + barW / 2} y={top - 5} textAnchor="middle" fontSize={11} fill="#595959">
              {t('dashboard.completion.value', { met: q.met, total: q.total })}
            </text>
            <text x={x + barW / 2} y={height - 7} textAnchor="middle" fontSize={12} fill="#262626">
              {t('dashboard.completion.quarter', { quarter: q.quarter })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function ConferenceLine({ c, extra }: { c: ConferenceRow; extra?: ReactNode }) {
  return (
    <div className="conference-line">
      <span className="conference-line-date">{c.date}</span>
      <a href={routeHref({ page: 'conference', id: c.id })}>{c.title}</a>
      {extra}
    </div>
  );
}

export function DashboardPage() {
  const t = useT();
  const query = useDashboard();

  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const awaiting = [
    ...d.pastPlanned.map((c) => ({ c, note: t('dashboard.awaiting.past') })),
    ...d.heldWithoutAttendance.map((c) => ({ c, note: t('dashboard.awaiting.noAttendance') })),
  ];

  return (
    <div className="page" data-testid="dashboard-page">
      <div className="page-header">
        <div>
          <h4 className="page-title">{t('dashboard.title')}</h4>
          <PlainText type="secondary" data-testid="dashboard-asof">
            {t('dashboard.subtitle', {
              year: d.year,
              quarter: d.quarter,
              asOf: d.asOf,
              days: daysUntil(d.asOf, d.quarterEnd),
            })}
          </PlainText>
        </div>
        <PlainButtonLink primary href={routeHref({ page: 'planner' })}>
          {t('dashboard.planQuarter')}
        </PlainButtonLink>
      </div>
      <div className="dashboard-grid">
        {/* Hours count for 舆情: their alerts come first, across the page. */}
        <OpinionAlertsCard
          overdue={d.overdueOpinions}
          overdueTotal={d.overdueOpinionTotal}
          unreported={d.unreportedSevere}
          unreportedTotal={d.unreportedSevereTotal}
        />
        <PlainCard
          title={t('dashboard.atRisk')}
          extra={<PlainText type="secondary">{t('dashboard.atRisk.count', { count: d.atRisk.length })}</PlainText>}
          className="dashboard-wide"
        >
          <AtRiskTable rows={d.atRisk} t={t} />
        </PlainCard>
        <PlainCard title={t('dashboard.completion', { year: d.year })}>
          <CompletionChart data={d.quarterCompletion} t={t} />
          <PlainText type="secondary" className="small">
            {t('dashboard.completion.hint')}
          </PlainText>
        </PlainCard>
        <PlainCard title={t('dashboard.upcoming')}>
          <ItemList
            items={d.upcoming}
            itemKey={(c) => c.id}
            empty={<PlainEmpty description={t('dashboard.upcoming.none')} />}
            renderItem={(c) => <ConferenceLine c={c} extra={<ConferenceStatusTag status={c.status} />} />}
            testId="upcoming"
          />
        </PlainCard>
        <PlainCard
          title={t('dashboard.awaiting')}
          extra={<PlainText type="secondary">{t('dashboard.awaiting.count', { count: awaiting.length })}</PlainText>}
        >
          <ItemList
            items={awaiting}
            limit={LIST_LIMIT}
            itemKey={({ c, note }) => `${c.id}:${note}`}
            empty={<PlainEmpty description={t('dashboard.awaiting.none')} />}
            renderItem={({ c, note }) => (
              <div className="awaiting-item">
                <ConferenceLine c={c} />
                <div className="awaiting-note">
                  <PlainText type="secondary" className="small">
                    {note}
                  </PlainText>
                  <a href={routeHref({ page: 'checkIn', id: c.id })} data-testid="awaiting-check-in">
                    {t('conference.checkIn')}
                  </a>
                </div>
              </div>
            )}
            testId="awaiting"
          />
        </PlainCard>
        <PlainCard
          title={t('dashboard.untrained')}
          extra={
            <PlainText type="secondary">
              {t('dashboard.untrained.count', { count: d.untrainedSpokespersons.length })}
            </PlainText>
          }
        >
          <ItemList
            items={d.untrainedSpokespersons}
            limit={LIST_LIMIT}
            itemKey={(p) => p.personId}
            empty={<PlainEmpty description={t('dashboard.untrained.none')} />}
            renderItem={(p) => (
              <PlainRow gap={8}>
                <span>{p.name}</span>
                <a href={routeHref({ page: 'department', id: p.departmentId })}>{p.departmentName}</a>
                {p.tenureStart ? (
                  <PlainText type="secondary" className="small">
                    {t('dashboard.untrained.since', { date: p.tenureStart })}
                  </PlainText>
                ) : null}
              </PlainRow>
            )}
            testId="untrained"
          />
        </PlainCard>
      </div>
    </div>
  );
}
