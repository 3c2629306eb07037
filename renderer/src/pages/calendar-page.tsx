// 日历: a month or a quarter of days with their kind (workday, weekend, 法定节假日, 调休 make-up day)
// and the conferences on them. Right-click a day (or use its menu) to enter or clear an office
// override; a banner warns when the year's holidays are not known.
import { Alert, App, Button, Dropdown, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ConferenceRow } from '../../../common/conference-types';
import type { DayInfo } from '../../../common/domain/calendar';
import { useCalendarDays, useConferences, useSetOverride, useToday } from '../api/conference-hooks';
import { apiErrorText } from '../api/error-text';
import { QueryError } from '../components/query-state';
import { type Translate, useT } from '../i18n/use-t';
import { navigate, routeHref } from '../routing';
import { useSessionState } from '../use-session-state';

type View = 'month' | 'quarter';

interface Position {
  view: View;
  year: number;
  /** 1–12; in quarter view, the quarter's first month. */
  month: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** 1 = Monday … 7 = Sunday. */
const weekday = (y: number, m: number, d: number) => ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;

function shift(p: Position, step: number): Position {
  const months = p.view === 'month' ? step : step * 3;
  const index = p.year * 12 + (p.month - 1) + months;
  return { ...p, year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function monthsOf(p: Position): { year: number; month: number }[] {
  if (p.view === 'month') return [{ year: p.year, month: p.month }];
  const first = Math.floor((p.month - 1) / 3) * 3 + 1;
  return [0, 1, 2].map((i) => ({ year: p.year, month: first + i }));
}

function dayClass(day: DayInfo | undefined): string {
  if (!day) return 'cal-day';
  return `cal-day cal-${day.kind}${day.overridden ? ' cal-overridden' : ''}`;
}

interface OverrideDraft {
  date: string;
  kind: 'holiday' | 'workday';
}

export function CalendarPage() {
  const t = useT();
  const today = useToday();
  const [stored, setPosition] = useSessionState<Position | { view: View; year: 0; month: 0 }>('calendar.position', {
    view: 'month',
    year: 0,
    month: 0,
  });
  const fallback = today
    ? { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }
    : { year: 2026, month: 1 };
  const position: Position = stored.year ? (stored as Position) : { view: stored.view, ...fallback };
  const months = monthsOf(position);
  const first = months[0] ?? { year: position.year, month: position.month };
  const last = months[months.length - 1] ?? first;
  const from = iso(first.year, first.month, 1);
  const to = iso(last.year, last.month, daysInMonth(last.year, last.month));
  const days = useCalendarDays(from, to);
  const conferences = useConferences({ from, to });
  const [draft, setDraft] = useState<OverrideDraft | null>(null);
  const setOverride = useSetOverride();
  const { message } = App.useApp();

  const dayMap = useMemo(() => new Map((days.data?.days ?? []).map((d) => [d.date, d])), [days.data]);
  const byDate = useMemo(() => {
    const map = new Map<string, ConferenceRow[]>();
    for (const c of conferences.data ?? []) map.set(c.date, [...(map.get(c.date) ?? []), c]);
    return map;
  }, [conferences.data]);
  const unknownYears = [...new Set(months.map((m) => m.year))].filter(
    (y) => days.data && !days.data.coveredYears.includes(y),
  );

  const clear = (date: string) =>
    setOverride.mutate(
      { date, kind: null, name: null },
      {
        onSuccess: () => void message.success(t('calendar.override.cleared', { date })),
        onError: (err) => void message.error(apiErrorText(err, t)),
      },
    );

  const title =
    position.view === 'month'
      ? t('calendar.monthTitle', { year: position.year, month: position.month })
      : t('calendar.quarterTitle', { year: position.year, quarter: Math.floor((position.month - 1) / 3) + 1 });

  return (
    <div className="page" data-testid="calendar-page">
      <div className="page-header">
        <Space size={12} align="center">
          <Typography.Title level={4} className="page-title" data-testid="calendar-title">
            {title}
          </Typography.Title>
          <Button onClick={() => setPosition(shift(position, -1))} data-testid="calendar-prev">
            {t('calendar.prev')}
          </Button>
          <Button onClick={() => setPosition({ view: position.view, ...fallback })}>{t('calendar.today')}</Button>
          <Button onClick={() => setPosition(shift(position, 1))} data-testid="calendar-next">
            {t('calendar.next')}
          </Button>
        </Space>
        <Radio.Group
          optionType="button"
          value={position.view}
          onChange={(e) => setPosition({ ...position, view: e.target.value as View })}
          options={[
            { value: 'month', label: <span data-testid="calendar-view-month">{t('calendar.month')}</span> },
            { value: 'quarter', label: <span data-testid="calendar-view-quarter">{t('calendar.quarter')}</span> },
          ]}
        />
      </div>
      {unknownYears.map((y) => (
        <Alert
          key={y}
          type="warning"
          showIcon
          className="block"
          title={t('calendar.unknownYear', { year: y })}
          data-testid="holidays-unknown"
        />
      ))}
      <Legend t={t} />
      {days.error ? <QueryError error={days.error} onRetry={() => void days.refetch()} /> : null}
      <div className={position.view === 'quarter' ? 'cal-quarter' : ''}>
        {months.map((m) => (
          <MonthGrid
            key={`${m.year}-${m.month}`}
            year={m.year}
            month={m.month}
            compact={position.view === 'quarter'}
            showTitle={position.view === 'quarter'}
            today={today}
            dayMap={dayMap}
            byDate={byDate}
            t={t}
            onOverride={(date, kind) => setDraft({ date, kind })}
            onClear={clear}
          />
        ))}
      </div>
      <OverrideDialog draft={draft} onClose={() => setDraft(null)} />
    </div>
  );
}

function Legend({ t }: { t: Translate }) {
  return (
    <div className="cal-legend">
      <span className="cal-legend-item">
        <span className="cal-swatch cal-holiday" />
        {t('calendar.legend.holiday')}
      </span>
      <span className="cal-legend-item">
        <span className="cal-swatch cal-makeup" />
        {t('calendar.legend.makeup')}
      </span>
      <span className="cal-legend-item">
        <span className="cal-swatch cal-weekend" />
        {t('calendar.legend.weekend')}
      </span>
      <span className="cal-legend-item">
        <span className="cal-swatch cal-overridden-swatch" />
        {t('calendar.legend.overridden')}
      </span>
    </div>
  );
}

interface MonthGridProps {
  year: number;
  month: number;
  compact: boolean;
  showTitle: boolean;
  today: string | null;
  dayMap: Map<string, DayInfo>;
  byDate: Map<string, ConferenceRow[]>;
  t: Translate;
  onOverride: (date: string, kind: 'holiday' | 'workday') => void;
  onClear: (date: string) => void;
}

function MonthGrid({ year, month, compact, showTitle, today, dayMap, byDate, t, onOverride, onClear }: MonthGridProps) {
  const lead = weekday(year, month, 1) - 1;
  const count = daysInMonth(year, month);
  // Blank cells carry negative numbers so every cell has a stable key.
  const cells: number[] = [
    ...Array.from({ length: lead }, (_, i) => -1 - i),
    ...Array.from({ length: count }, (_, i) => i + 1),
  ];
  while (cells.length % 7 !== 0) cells.push(-100 - cells.length);
  const shown = compact ? 2 : 3;
  return (
    <div className={compact ? 'cal-month cal-compact' : 'cal-month'}>
      {showTitle ? <div className="cal-month-title">{t('calendar.monthTitle', { year, month })}</div> : null}
      <div className="cal-grid" data-testid={`calendar-${year}-${pad(month)}`}>
        {[1, 2, 3, 4, 5, 6, 7].map((w) => (
          <div key={`h${w}`} className="cal-head">
            {t(`calendar.weekday.${w as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)}
          </div>
        ))}
        {cells.map((d) => {
          if (d < 0) return <div key={d} className="cal-empty" />;
          const date = iso(year, month, d);
          const info = dayMap.get(date);
          const list = byDate.get(date) ?? [];
          const menu = {
            items: [
              { key: 'new', label: t('conference.newOn') },
              { type: 'divider' as const },
              { key: 'holiday', label: t('calendar.menu.holiday') },
              { key: 'workday', label: t('calendar.menu.workday') },
              ...(info?.overridden ? [{ key: 'clear', label: t('calendar.menu.clear') }] : []),
            ],
            onClick: ({ key }: { key: string }) => {
              if (key === 'new') navigate({ page: 'conferenceNew', date });
              else if (key === 'holiday' || key === 'workday') onOverride(date, key);
              else if (key === 'clear') onClear(date);
            },
          };
          return (
            <Dropdown key={date} menu={menu} trigger={['contextMenu']}>
              <div
                className={`${dayClass(info)}${date === today ? ' cal-today' : ''}`}
                data-testid={`day-${date}`}
                data-kind={info?.kind ?? ''}
                title={info?.name ?? undefined}
              >
                <div className="cal-day-head">
                  <span className="cal-day-number">{d}</span>
                  {info?.kind === 'holiday' ? (
                    <span className="cal-badge cal-badge-holiday">{t('calendar.holiday')}</span>
                  ) : null}
                  {info?.kind === 'makeup' ? (
                    <span className="cal-badge cal-badge-makeup">{t('calendar.makeup')}</span>
                  ) : null}
                </div>
                {info?.name && !compact ? (
                  <div className="cal-day-name" data-testid="day-name">
                    {info.kind === 'makeup' ? t('calendar.makeupName', { name: info.name }) : info.name}
                  </div>
                ) : null}
                {list.slice(0, shown).map((c) => (
                  <a
                    key={c.id}
                    href={routeHref({ page: 'conference', id: c.id })}
                    className={`cal-event cal-event-${c.status}`}
                    title={c.title}
                    data-testid="calendar-conference"
                  >
                    {c.time && !compact ? `${c.time} ` : ''}
                    {c.title}
                  </a>
                ))}
                {list.length > shown ? (
                  <span className="cal-more">{t('calendar.more', { count: list.length - shown })}</span>
                ) : null}
              </div>
            </Dropdown>
          );
        })}
      </div>
    </div>
  );
}

function OverrideDialog({ draft, onClose }: { draft: OverrideDraft | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const setOverride = useSetOverride();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!draft) return;
    setOverride.mutate(
      { date: draft.date, kind: draft.kind, name: name.trim() ? name.trim() : null },
      {
        onSuccess: () => {
          message.success(t('calendar.override.saved', { date: draft.date }));
          setName('');
          onClose();
        },
        onError: (err) => setError(apiErrorText(err, t)),
      },
    );
  };
  return (
    <Modal
      open={draft !== null}
      title={draft ? t('calendar.override.title', { date: draft.date }) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: setOverride.isPending }}
      destroyOnHidden
      data-testid="override-dialog"
    >
      <Form layout="vertical">
        <Form.Item label={t('calendar.override.kind')}>
          {draft ? t(draft.kind === 'holiday' ? 'overrides.kind.holiday' : 'overrides.kind.workday') : ''}
        </Form.Item>
        <Form.Item label={t('calendar.override.name')} validateStatus={error ? 'error' : ''} help={error}>
          <Input
            autoFocus
            value={name}
            maxLength={100}
            placeholder={t('calendar.override.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={submit}
            data-testid="override-name"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
