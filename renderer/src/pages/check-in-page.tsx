// 签到 / 出席登记: who attended a conference. Every booked speaker is attended or absent; others from
// the participating departments can be added, e.g. a deputy standing in for the spokesperson
// (recorded as the deputy attending, substituteForPersonId = the spokesperson). Media present are
// ticked. Once the quarter has ended a change needs a reason (kept in the history).
import { Alert, App, Button, Card, Checkbox, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ConferenceDetail } from '../../../common/conference-types';
import type { Role } from '../../../common/schemas';
import { useCheckIn, useConference, useDepartmentDetails, useMedia, useToday } from '../api/conference-hooks';
import { apiErrorText } from '../api/error-text';
import { Loading, QueryError } from '../components/query-state';
import { useT } from '../i18n/use-t';
import { navigate, routeHref } from '../routing';

interface Row {
  personId: string;
  personName: string;
  departmentId: string;
  departmentName: string;
  role: Role;
  status: 'attended' | 'absent';
  substituteForPersonId: string | null;
  booked: boolean;
}

function initialRows(c: ConferenceDetail): Row[] {
  const rows: Row[] = c.attendance.map((a) => ({
    personId: a.personId,
    personName: a.personName,
    departmentId: a.departmentId,
    departmentName: a.departmentName,
    role: a.role,
    status: a.status,
    substituteForPersonId: a.substituteForPersonId,
    booked: c.speakers.some((s) => s.personId === a.personId),
  }));
  for (const s of c.speakers) {
    if (rows.some((r) => r.personId === s.personId)) continue;
    rows.push({ ...s, status: 'attended', substituteForPersonId: null, booked: true });
  }
  return rows;
}

export function CheckInPage({ id }: { id: string }) {
  const query = useConference(id);
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <CheckInForm conference={query.data} />;
}

function CheckInForm({ conference: c }: { conference: ConferenceDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const today = useToday();
  const save = useCheckIn();
  const media = useMedia();
  const [rows, setRows] = useState<Row[]>(() => initialRows(c));
  const [mediaPresent, setMediaPresent] = useState<Set<string>>(
    () => new Set(c.media.filter((m) => m.attended).map((m) => m.mediaId)),
  );
  const [mediaListed, setMediaListed] = useState<string[]>(() => c.media.map((m) => m.mediaId));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const departmentIds = useMemo(
    () => [...new Set([...(c.hostDepartmentId ? [c.hostDepartmentId] : []), ...c.departmentIds])],
    [c.hostDepartmentId, c.departmentIds],
  );
  const details = useDepartmentDetails(departmentIds);
  const candidates = details.flatMap((q) =>
    q.data
      ? q.data.people
          .filter((p) => !p.archived && !rows.some((r) => r.personId === p.id))
          .map((p) => ({ ...p, departmentName: q.data.department.name }))
      : [],
  );

  const update = (personId: string, patch: Partial<Row>) =>
    setRows((current) => current.map((r) => (r.personId === personId ? { ...r, ...patch } : r)));

  const addPerson = (personId: string) => {
    const p = candidates.find((x) => x.id === personId);
    if (!p) return;
    // The usual case: someone stands in for a booked speaker of the same department who is absent.
    const standIn = rows.find((r) => r.booked && r.departmentId === p.departmentId && r.status === 'absent');
    setRows((current) => [
      ...current,
      {
        personId: p.id,
        personName: p.name,
        departmentId: p.departmentId,
        departmentName: p.departmentName,
        role: p.role,
        status: 'attended',
        substituteForPersonId: standIn?.personId ?? null,
        booked: false,
      },
    ]);
  };

  const notYet = today !== null && c.date > today;
  const submit = () => {
    setError(null);
    if (c.quarterEnded && !reason.trim()) {
      setReasonError(t('checkIn.reasonRequired'));
      return;
    }
    save.mutate(
      {
        id: c.id,
        attendance: rows.map((r) => ({
          personId: r.personId,
          role: r.role,
          departmentId: r.departmentId,
          status: r.status,
          substituteForPersonId: r.substituteForPersonId,
        })),
        media: mediaListed.map((mediaId) => ({ mediaId, attended: mediaPresent.has(mediaId) })),
        reason: reason.trim() ? reason.trim() : null,
      },
      {
        onSuccess: () => {
          message.success(t('checkIn.saved'));
          navigate({ page: 'conference', id: c.id });
        },
        onError: (err) => setError(apiErrorText(err, t)),
      },
    );
  };

  const substituteOptions = (r: Row) => [
    { value: '', label: t('checkIn.noSubstitute') },
    ...rows
      .filter((o) => o.personId !== r.personId && o.departmentId === r.departmentId)
      .map((o) => ({ value: o.personId, label: `${o.personName}（${t(`role.${o.role}`)}）` })),
  ];

  const mediaName = (mediaId: string) =>
    c.media.find((m) => m.mediaId === mediaId)?.name ?? media.data?.find((m) => m.id === mediaId)?.name ?? mediaId;

  return (
    <div className="page" data-testid="check-in-page">
      <a href={routeHref({ page: 'conference', id: c.id })} className="back-link">
        {c.title}
      </a>
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('checkIn.title', { title: c.title })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('checkIn.subtitle', { date: `${c.date}${c.time ? ` ${c.time}` : ''}`, venue: c.venue ?? '' })}
          </Typography.Text>
        </div>
      </div>
      {c.status === 'cancelled' ? (
        <Alert type="warning" showIcon className="block" title={t('conference.cancelledNote')} />
      ) : null}
      {notYet ? (
        <Alert type="info" showIcon className="block" title={t('conference.notYet', { date: c.date })} />
      ) : null}
      {c.quarterEnded ? (
        <Alert
          type="warning"
          showIcon
          className="block"
          title={t('conference.quarterEnded')}
          data-testid="quarter-ended"
        />
      ) : null}
      <Card size="small" title={t('checkIn.speakers')} className="block">
        <Table<Row>
          rowKey="personId"
          size="small"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('checkIn.empty') }}
          data-testid="check-in-table"
          columns={[
            {
              title: t('checkIn.col.person'),
              key: 'person',
              render: (_, r) => (
                <Space size={6}>
                  <span>{r.personName}</span>
                  <Tag color={r.booked ? 'blue' : 'default'}>{t(r.booked ? 'checkIn.booked' : 'checkIn.added')}</Tag>
                </Space>
              ),
            },
            { title: t('checkIn.col.department'), dataIndex: 'departmentName', width: 150 },
            {
              title: t('checkIn.col.role'),
              key: 'role',
              width: 150,
              render: (_, r) => (
                <Select<Role>
                  size="small"
                  value={r.role}
                  style={{ width: 130 }}
                  onChange={(role) => update(r.personId, { role })}
                  options={(['head', 'spokesperson', 'deputy'] as const).map((x) => ({
                    value: x,
                    label: t(`role.${x}`),
                  }))}
                />
              ),
            },
            {
              title: t('checkIn.col.status'),
              key: 'status',
              width: 150,
              render: (_, r) => (
                <Radio.Group
                  size="small"
                  optionType="button"
                  value={r.status}
                  onChange={(e) => update(r.personId, { status: e.target.value as Row['status'] })}
                  options={[
                    { value: 'attended', label: <span data-testid="mark-attended">{t('checkIn.attended')}</span> },
                    { value: 'absent', label: <span data-testid="mark-absent">{t('checkIn.absent')}</span> },
                  ]}
                />
              ),
            },
            {
              title: t('checkIn.col.substitute'),
              key: 'substitute',
              width: 200,
              render: (_, r) => (
                <Select<string>
                  size="small"
                  style={{ width: 180 }}
                  value={r.substituteForPersonId ?? ''}
                  onChange={(v) => update(r.personId, { substituteForPersonId: v || null })}
                  options={substituteOptions(r)}
                  data-testid="substitute-for"
                />
              ),
            },
            {
              title: '',
              key: 'remove',
              width: 64,
              render: (_, r) =>
                r.booked ? null : (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setRows((current) => current.filter((x) => x.personId !== r.personId))}
                  >
                    {t('checkIn.remove')}
                  </Button>
                ),
            },
          ]}
        />
        <Space className="check-in-add" wrap>
          <Select<string>
            style={{ width: 320 }}
            value={null}
            placeholder={t('checkIn.addPerson')}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={addPerson}
            options={candidates.map((p) => ({
              value: p.id,
              label: `${p.name}（${p.departmentName} ${t(`role.${p.role}`)}）`,
            }))}
            data-testid="add-attendee"
          />
          <Typography.Text type="secondary" className="small">
            {t('checkIn.addPersonHint')}
          </Typography.Text>
        </Space>
      </Card>
      <Card size="small" title={t('checkIn.media')} className="block">
        <Space wrap size={[16, 8]} data-testid="check-in-media">
          {mediaListed.map((mediaId) => (
            <Checkbox
              key={mediaId}
              checked={mediaPresent.has(mediaId)}
              onChange={(e) =>
                setMediaPresent((current) => {
                  const next = new Set(current);
                  if (e.target.checked) next.add(mediaId);
                  else next.delete(mediaId);
                  return next;
                })
              }
            >
              {mediaName(mediaId)}
            </Checkbox>
          ))}
          <Select<string>
            style={{ width: 220 }}
            value={null}
            placeholder={t('checkIn.addMedia')}
            onChange={(mediaId) => {
              setMediaListed((current) => [...current, mediaId]);
              setMediaPresent((current) => new Set([...current, mediaId]));
            }}
            options={(media.data ?? [])
              .filter((m) => !m.archived && !mediaListed.includes(m.id))
              .map((m) => ({ value: m.id, label: m.name }))}
            data-testid="add-media"
          />
        </Space>
      </Card>
      {c.quarterEnded ? (
        <Card size="small" className="block">
          <Typography.Text strong>{t('checkIn.reason')}</Typography.Text>
          <Input
            value={reason}
            maxLength={1000}
            status={reasonError ? 'error' : ''}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(null);
            }}
            onPressEnter={submit}
            style={{ marginTop: 6 }}
            data-testid="check-in-reason"
          />
          {reasonError ? (
            <Typography.Text type="danger" data-testid="reason-error">
              {reasonError}
            </Typography.Text>
          ) : null}
        </Card>
      ) : null}
      {error ? <Alert type="error" showIcon className="block" title={error} data-testid="form-error" /> : null}
      <Space>
        <Button
          type="primary"
          onClick={submit}
          loading={save.isPending}
          disabled={c.status === 'cancelled' || notYet}
          data-testid="check-in-save"
        >
          {t('checkIn.save')}
        </Button>
        <Button href={routeHref({ page: 'conference', id: c.id })}>{t('common.cancel')}</Button>
      </Space>
    </div>
  );
}
