// 舆情预警 on the dashboard: items past their deadline and not answered, most overdue first, and 重大
// items not yet reported up, each with how many there are in all. Each opens its editor.
import type { DashboardOpinion } from '../../../../common/conference-types';
import { useT } from '../../i18n/use-t';
import { routeHref } from '../../routing';
import { ItemList } from '../item-list';
import { PlainCard, PlainText } from '../plain';
import { DeadlineLeft, GradeTag, useNow } from './opinion-tags';
import './opinions.css';

function AlertLine({ o, now, testId }: { o: DashboardOpinion; now: number; testId: string }) {
  const t = useT();
  return (
    <div className="opinion-alert-line" data-testid={testId}>
      <GradeTag grade={o.grade} />
      <a href={routeHref({ page: 'opinion', id: o.id })} title={o.summary}>
        {o.summary}
      </a>
      <PlainText type="secondary" className="small opinion-alert-meta">
        {o.departmentName ?? t('opinions.editor.none')}
      </PlainText>
      <span className="opinion-alert-meta">
        <DeadlineLeft item={{ deadlineAt: o.deadlineAt, answeredAt: null }} now={now} />
      </span>
    </div>
  );
}

function AlertList({
  title,
  items,
  total,
  now,
  testId,
}: {
  title: string;
  items: DashboardOpinion[];
  /** How many there are in all: the list holds the first ones. */
  total: number;
  now: number;
  testId: string;
}) {
  const t = useT();
  return (
    <div data-testid={testId}>
      <div className="opinion-alerts-head">
        {title}
        <PlainText type={total ? 'danger' : 'secondary'} data-testid={`${testId}-total`}>
          {' '}
          {total}
        </PlainText>
        {total > items.length && (
          <PlainText type="secondary" className="small">
            {' '}
            {t('opinions.alerts.first', { shown: items.length })}
          </PlainText>
        )}
      </div>
      <ItemList
        items={items}
        itemKey={(o) => o.id}
        empty={<PlainText type="secondary">{t('common.none')}</PlainText>}
        renderItem={(o) => <AlertLine o={o} now={now} testId={`${testId}-item`} />}
      />
    </div>
  );
}

export function OpinionAlertsCard({
  overdue,
  overdueTotal,
  unreported,
  unreportedTotal,
}: {
  overdue: DashboardOpinion[];
  overdueTotal: number;
  unreported: DashboardOpinion[];
  unreportedTotal: number;
}) {
  const t = useT();
  const now = useNow();
  const none = overdue.length === 0 && unreported.length === 0;
  return (
    <PlainCard
      title={t('opinions.alerts.title')}
      extra={<a href={routeHref({ page: 'opinions' })}>{t('opinions.alerts.all')}</a>}
      className="dashboard-opinions"
      testId="opinion-alerts"
    >
      {none ? (
        <PlainText type="secondary" data-testid="opinion-alerts-none">
          {t('opinions.alerts.none')}
        </PlainText>
      ) : (
        <div className="opinion-alerts">
          <AlertList
            title={t('opinions.alerts.overdue')}
            items={overdue}
            total={overdueTotal}
            now={now}
            testId="opinion-alerts-overdue"
          />
          <AlertList
            title={t('opinions.alerts.unreported')}
            items={unreported}
            total={unreportedTotal}
            now={now}
            testId="opinion-alerts-unreported"
          />
        </div>
      )}
    </PlainCard>
  );
}
