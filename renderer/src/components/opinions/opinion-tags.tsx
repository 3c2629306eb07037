// Small shared pieces of the 舆情 screens: grade and status tags, the deadline with its time left or
// overdue by, and the 上报 flag. The dashboard uses them too.
import { useEffect, useState } from 'react';
import type { OpinionGrade, OpinionStatus } from '../../../../common/opinion-schemas';
import type { OpinionView } from '../../../../common/opinion-types';
import { useT } from '../../i18n/use-t';
import { PlainTag, PlainText, type TagColor } from '../plain';
import { deadlinePhrase, deadlineState, formatInstant } from './opinion-time';

const GRADE_COLOR: Record<OpinionGrade, TagColor | undefined> = { general: undefined, major: 'orange', severe: 'red' };
const STATUS_COLOR: Record<OpinionStatus, TagColor | undefined> = {
  open: 'blue',
  answering: 'gold',
  answered: 'green',
  closed: undefined,
};

export function GradeTag({ grade }: { grade: OpinionGrade }) {
  const t = useT();
  return (
    <PlainTag color={GRADE_COLOR[grade]} data-testid="opinion-grade" data-grade={grade}>
      {t(`opinions.grade.${grade}`)}
    </PlainTag>
  );
}

export function OpinionStatusTag({ status }: { status: OpinionStatus }) {
  const t = useT();
  return (
    <PlainTag color={STATUS_COLOR[status]} data-testid="opinion-status">
      {t(`opinions.status.${status}`)}
    </PlainTag>
  );
}

/** The clock, ticking each minute, so "剩余 N 小时" moves while the screen is open. */
export function useNow(stepMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), stepMs);
    return () => window.clearInterval(timer);
  }, [stepMs]);
  return now;
}

type Timed = Pick<OpinionView, 'deadlineAt' | 'answeredAt'> & { overdue?: boolean };

/** "剩余 N 小时" in grey, "已超时 N 小时" in red, or how the answer went against the deadline. */
export function DeadlineLeft({ item, now }: { item: Timed; now: number }) {
  const t = useT();
  const state = deadlineState(item, now);
  const phrase = deadlinePhrase(state);
  const type = state.kind === 'overdue' || state.kind === 'late' ? 'danger' : 'secondary';
  return (
    <PlainText type={type} className="small" data-testid="opinion-time-left" data-state={state.kind}>
      {t(phrase.key, phrase.params)}
    </PlainText>
  );
}

export function DeadlineCell({ item, now }: { item: Timed; now: number }) {
  return (
    <div className="opinion-deadline" data-testid="opinion-deadline">
      <span className="opinion-instant">{formatInstant(item.deadlineAt)}</span>
      <DeadlineLeft item={item} now={now} />
    </div>
  );
}

/** 重大 items not reported up carry a red 未上报 until the report is recorded. */
export function ReportCell({
  item,
}: {
  item: Pick<OpinionView, 'grade' | 'unreported' | 'reportedTo' | 'reportedAt'>;
}) {
  const t = useT();
  if (item.unreported) {
    return (
      <PlainTag color="red" data-testid="opinion-unreported">
        {t('opinions.report.unreported')}
      </PlainTag>
    );
  }
  if (!item.reportedAt) return <span className="muted">{t('common.none')}</span>;
  return (
    <PlainTag
      color="green"
      data-testid="opinion-reported"
      title={t('opinions.report.detail', { at: formatInstant(item.reportedAt), to: item.reportedTo ?? '' })}
    >
      {t('opinions.report.reported')}
    </PlainTag>
  );
}
