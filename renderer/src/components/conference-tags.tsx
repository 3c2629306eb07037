// Small shared pieces of the conference screens: status and kind tags, quota status colours.
import type { ConferenceKind, ConferenceStatus, QuotaStatus } from '../../../common/conference-types';
import { type Translate, useT } from '../i18n/use-t';
import { PlainTag, type TagColor, tagChipClass } from './plain';

const STATUS_COLOR: Record<ConferenceStatus, TagColor> = { planned: 'blue', held: 'green', cancelled: 'default' };

export function ConferenceStatusTag({ status }: { status: ConferenceStatus }) {
  const t = useT();
  return (
    <PlainTag color={STATUS_COLOR[status]} data-testid="conference-status">
      {t(`conference.status.${status}`)}
    </PlainTag>
  );
}

const KIND_COLOR: Record<ConferenceKind, TagColor> = {
  city_routine: 'geekblue',
  department_routine: 'cyan',
  ad_hoc: 'purple',
  emergency: 'red',
};

export function ConferenceKindTag({ kind }: { kind: ConferenceKind }) {
  const t = useT();
  return <PlainTag color={KIND_COLOR[kind]}>{t(`conference.kind.${kind}`)}</PlainTag>;
}

// The same tags as plain spans (styles.css `.tag-chip`, antd's filled preset colours), for the conference
// list: a row mounting two antd Tags (context, theme token and style hooks each) was most of the script time
// of a scroll frame that brings new rows into view.

export function conferenceStatusChip(status: ConferenceStatus, t: Translate) {
  return <span className={tagChipClass(STATUS_COLOR[status])}>{t(`conference.status.${status}`)}</span>;
}

export function conferenceKindChip(kind: ConferenceKind, t: Translate) {
  return <span className={tagChipClass(KIND_COLOR[kind])}>{t(`conference.kind.${kind}`)}</span>;
}

/** Worst first: the colour of a cell with several quotas is its worst status. */
export const STATUS_RANK: Record<QuotaStatus, number> = { missed: 4, pending: 3, upcoming: 2, met: 1, exempt: 0 };

export function worstStatus(statuses: readonly QuotaStatus[]): QuotaStatus {
  return statuses.reduce<QuotaStatus>((worst, s) => (STATUS_RANK[s] > STATUS_RANK[worst] ? s : worst), 'exempt');
}

export const QUOTA_STATUSES: readonly QuotaStatus[] = ['met', 'pending', 'missed', 'upcoming', 'exempt'];

export function QuotaStatusTag({ status }: { status: QuotaStatus }) {
  const t = useT();
  return <span className={`quota-chip quota-${status}`}>{t(`quotaStatus.${status}`)}</span>;
}
