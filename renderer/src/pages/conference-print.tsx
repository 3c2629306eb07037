// The print view of a conference: the agenda (议程) and the sign-in sheet (签到表) of speakers and
// invited media, on A4 pages (see the print rules in styles.css). Everything comes from the record.
import { Button, Space, Typography } from 'antd';
import { useConference } from '../api/conference-hooks';
import { Loading, QueryError } from '../components/query-state';
import { useT } from '../i18n/use-t';
import { routeHref } from '../routing';
import { organizerText } from './conference-list-page';

const MIN_SIGN_ROWS = 8;

/** Numbers of the empty rows after `filled` rows, for walk-in attendees to sign. */
const rowNumbers = (filled: number, blank: number) => Array.from({ length: blank }, (_, i) => filled + i + 1);

export function ConferencePrintPage({ id }: { id: string }) {
  const t = useT();
  const query = useConference(id);
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const host = organizerText(c, t);
  const topics = c.topics.join('、');
  // People booked to speak first, then anyone else recorded as attending.
  const people = [
    ...c.speakers.map((s) => ({ id: s.personId, name: s.personName, unit: s.departmentName, role: s.role })),
    ...c.attendance
      .filter((a) => !c.speakers.some((s) => s.personId === a.personId))
      .map((a) => ({ id: a.personId, name: a.personName, unit: a.departmentName, role: a.role })),
  ];
  const blankPeople = Math.max(0, MIN_SIGN_ROWS - people.length);
  const blankMedia = Math.max(0, MIN_SIGN_ROWS - c.media.length);

  return (
    <div className="print-view" data-testid="print-view">
      <div className="no-print print-toolbar">
        <Space>
          <a href={routeHref({ page: 'conference', id: c.id })}>{t('print.back')}</a>
          <Button type="primary" onClick={() => window.print()} data-testid="print-button">
            {t('print.print')}
          </Button>
          <Typography.Text type="secondary">{t('print.hint')}</Typography.Text>
        </Space>
      </div>
      <section className="sheet" data-testid="print-agenda">
        <h1 className="sheet-title">{c.title}</h1>
        <h2 className="sheet-subtitle">{t('print.agenda')}</h2>
        <div className="sheet-meta">
          <div>{t('print.meta.time', { date: c.date, time: c.time ?? '' })}</div>
          <div>{t('print.meta.venue', { venue: c.venue ?? '' })}</div>
          <div>{t('print.meta.host', { host })}</div>
          {topics ? <div>{t('print.meta.topics', { topics })}</div> : null}
        </div>
        <ol className="agenda">
          <li>{t('print.item.open')}</li>
          {c.speakers.map((s) => (
            <li key={s.personId}>
              {t('print.item.release', {
                department: s.departmentName,
                role: t(`role.${s.role}`),
                name: s.personName,
                topics: topics || c.title,
              })}
            </li>
          ))}
          <li>{t('print.item.questions')}</li>
          <li>{t('print.item.close')}</li>
        </ol>
      </section>
      <section className="sheet" data-testid="print-sign-in">
        <h1 className="sheet-title">{c.title}</h1>
        <h2 className="sheet-subtitle">{t('print.signIn')}</h2>
        <div className="sheet-meta">
          <div>{t('print.meta.time', { date: c.date, time: c.time ?? '' })}</div>
          <div>{t('print.meta.venue', { venue: c.venue ?? '' })}</div>
        </div>
        <h3>{t('print.signIn.speakers')}</h3>
        <table className="sign-table">
          <thead>
            <tr>
              <th style={{ width: '8%' }}>{t('print.col.no')}</th>
              <th style={{ width: '30%' }}>{t('print.col.unit')}</th>
              <th style={{ width: '16%' }}>{t('print.col.name')}</th>
              <th style={{ width: '18%' }}>{t('print.col.role')}</th>
              <th>{t('print.col.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p, i) => (
              <tr key={p.id}>
                <td>{i + 1}</td>
                <td>{p.unit}</td>
                <td>{p.name}</td>
                <td>{t(`role.${p.role}`)}</td>
                <td />
              </tr>
            ))}
            {rowNumbers(people.length, blankPeople).map((n) => (
              <tr key={n}>
                <td>{n}</td>
                <td />
                <td />
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('print.signIn.media')}</h3>
        <table className="sign-table">
          <thead>
            <tr>
              <th style={{ width: '8%' }}>{t('print.col.no')}</th>
              <th style={{ width: '30%' }}>{t('print.col.media')}</th>
              <th style={{ width: '16%' }}>{t('print.col.reporter')}</th>
              <th style={{ width: '18%' }}>{t('print.col.phone')}</th>
              <th>{t('print.col.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {c.media.map((m, i) => (
              <tr key={m.mediaId}>
                <td>{i + 1}</td>
                <td>{m.name}</td>
                <td />
                <td />
                <td />
              </tr>
            ))}
            {rowNumbers(c.media.length, blankMedia).map((n) => (
              <tr key={n}>
                <td>{n}</td>
                <td />
                <td />
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
