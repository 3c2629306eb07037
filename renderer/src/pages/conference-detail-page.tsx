// One conference: its details, speakers, attendance, media and history; cancel (with a reason),
// postpone (the old and the new conference link to each other), check-in and the print view.
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { ConferenceDetail } from '../../../common/conference-types';
import { useCancelConference, useConference, usePostponeConference, useToday } from '../api/conference-hooks';
import { apiErrorText } from '../api/error-text';
import { ConferenceKindTag, ConferenceStatusTag } from '../components/conference-tags';
import { DateField } from '../components/date-field';
import { Loading, QueryError } from '../components/query-state';
import { useT } from '../i18n/use-t';
import { navigate, routeHref } from '../routing';
import { organizerText } from './conference-list-page';

export function ConferenceDetailPage({ id }: { id: string }) {
  const t = useT();
  const query = useConference(id);
  const today = useToday();
  const [dialog, setDialog] = useState<'cancel' | 'postpone' | null>(null);

  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) {
    return (
      <div className="page">
        <a href={routeHref({ page: 'conferences' })} className="back-link">
          {t('conference.back')}
        </a>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  const c = query.data;
  const canCheckIn = c.status !== 'cancelled' && today !== null && c.date <= today;

  return (
    <div className="page" data-testid="conference-page">
      <a href={routeHref({ page: 'conferences' })} className="back-link">
        {t('conference.back')}
      </a>
      <div className="page-header">
        <div>
          <Space size={8} align="center" wrap>
            <Typography.Title level={4} className="page-title" data-testid="conference-title">
              {c.title}
            </Typography.Title>
            <ConferenceStatusTag status={c.status} />
            <ConferenceKindTag kind={c.kind} />
          </Space>
        </div>
        <Space wrap>
          {c.status !== 'cancelled' ? (
            <Button href={routeHref({ page: 'conferenceEdit', id: c.id })} data-testid="edit-conference">
              {t('conference.edit')}
            </Button>
          ) : null}
          {canCheckIn ? (
            <Button type="primary" href={routeHref({ page: 'checkIn', id: c.id })} data-testid="check-in">
              {t('conference.checkIn')}
            </Button>
          ) : null}
          {c.status === 'planned' ? (
            <>
              <Button onClick={() => setDialog('postpone')} data-testid="postpone-conference">
                {t('conference.postpone')}
              </Button>
              <Button danger onClick={() => setDialog('cancel')} data-testid="cancel-conference">
                {t('conference.cancel')}
              </Button>
            </>
          ) : null}
          <Button href={routeHref({ page: 'print', id: c.id })} data-testid="print-conference">
            {t('conference.print')}
          </Button>
          <Button href={routeHref({ page: 'documentNew', conferenceId: c.id })} data-testid="new-conference-document">
            {t('conference.newDocument')}
          </Button>
        </Space>
      </div>
      {c.status === 'cancelled' ? (
        <Alert
          type="warning"
          showIcon
          className="block"
          title={t('conference.cancelledNote')}
          description={c.cancelReason ? t('conference.history.reason', { reason: c.cancelReason }) : null}
          data-testid="cancel-note"
        />
      ) : null}
      {c.status === 'planned' && today !== null && c.date > today ? (
        <Typography.Paragraph type="secondary">{t('conference.notYet', { date: c.date })}</Typography.Paragraph>
      ) : null}
      <div className="detail-grid">
        <div>
          <Card size="small" title={t('conference.info')} className="block">
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'date', label: t('conference.field.date'), children: `${c.date}${c.time ? ` ${c.time}` : ''}` },
                { key: 'venue', label: t('conference.field.venue'), children: c.venue ?? t('common.none') },
                { key: 'organizer', label: t('conference.field.organizer'), children: organizerText(c, t) },
                {
                  key: 'departments',
                  label: t('conference.field.departmentIds'),
                  children: c.departmentNames.join('、') || t('common.none'),
                },
                {
                  key: 'topics',
                  label: t('conference.field.topics'),
                  span: 2,
                  children: c.topics.length ? c.topics.map((x) => <Tag key={x}>{x}</Tag>) : t('common.none'),
                },
                ...(c.notes
                  ? [
                      {
                        key: 'notes',
                        label: t('conference.field.notes'),
                        span: 2,
                        children: <span className="pre-wrap">{c.notes}</span>,
                      },
                    ]
                  : []),
                ...(c.postponedToId
                  ? [
                      {
                        key: 'to',
                        label: t('conference.postponedTo'),
                        span: 2,
                        children: (
                          <a href={routeHref({ page: 'conference', id: c.postponedToId })} data-testid="postponed-to">
                            {t('conference.postponedTo')}
                          </a>
                        ),
                      },
                    ]
                  : []),
                ...(c.postponedFromId
                  ? [
                      {
                        key: 'from',
                        label: t('conference.postponedFrom'),
                        span: 2,
                        children: (
                          <a
                            href={routeHref({ page: 'conference', id: c.postponedFromId })}
                            data-testid="postponed-from"
                          >
                            {t('conference.postponedFrom')}
                          </a>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card size="small" title={t('conference.speakers')} className="block">
            <Table
              size="small"
              rowKey="personId"
              pagination={false}
              dataSource={c.speakers}
              locale={{ emptyText: t('common.none') }}
              columns={[
                { title: t('checkIn.col.person'), dataIndex: 'personName' },
                { title: t('checkIn.col.department'), dataIndex: 'departmentName' },
                {
                  title: t('checkIn.col.role'),
                  dataIndex: 'role',
                  render: (r: ConferenceDetail['speakers'][number]['role']) => t(`role.${r}`),
                },
              ]}
              data-testid="speakers-table"
            />
          </Card>
          <Card size="small" title={t('conference.attendance')} className="block">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.attendance}
              locale={{ emptyText: t('conference.attendance.none') }}
              columns={[
                { title: t('checkIn.col.person'), dataIndex: 'personName' },
                { title: t('checkIn.col.department'), dataIndex: 'departmentName' },
                {
                  title: t('checkIn.col.role'),
                  dataIndex: 'role',
                  render: (r: ConferenceDetail['speakers'][number]['role']) => t(`role.${r}`),
                },
                {
                  title: t('checkIn.col.status'),
                  dataIndex: 'status',
                  render: (s: 'attended' | 'absent') => (
                    <Tag color={s === 'attended' ? 'green' : 'default'}>
                      {t(s === 'attended' ? 'checkIn.attended' : 'checkIn.absent')}
                    </Tag>
                  ),
                },
                {
                  title: t('checkIn.col.substitute'),
                  dataIndex: 'substituteForName',
                  render: (name: string | null) => name ?? '',
                },
              ]}
              data-testid="attendance-table"
            />
          </Card>
        </div>
        <div>
          <Card size="small" title={t('conference.media')} className="block">
            <List
              size="small"
              dataSource={c.media}
              locale={{ emptyText: t('conference.media.none') }}
              renderItem={(m) => (
                <List.Item
                  extra={
                    m.attended === null ? (
                      <Typography.Text type="secondary">{t('conference.media.unknown')}</Typography.Text>
                    ) : (
                      <Tag color={m.attended ? 'green' : 'default'}>
                        {t(m.attended ? 'conference.media.attended' : 'conference.media.absent')}
                      </Tag>
                    )
                  }
                >
                  <span>{m.name}</span>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('conference.history')} className="block">
            {c.history.length === 0 ? (
              <Typography.Text type="secondary">{t('conference.history.none')}</Typography.Text>
            ) : (
              <Timeline
                data-testid="conference-history"
                items={c.history.map((h, i) => ({
                  key: `${h.at}-${i}`,
                  content: (
                    <div className="history-entry">
                      <div>
                        <strong>{actionText(h.action, t)}</strong>{' '}
                        <span className="muted small">
                          {h.at.slice(0, 16).replace('T', ' ')} · {h.actor}
                        </span>
                      </div>
                      {h.reason ? (
                        <div data-testid="history-reason">{t('conference.history.reason', { reason: h.reason })}</div>
                      ) : null}
                      {h.changed.length > 0 ? (
                        <div className="muted small">
                          {t('conference.history.changed', { fields: h.changed.join('、') })}
                        </div>
                      ) : null}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </div>
      </div>
      <CancelDialog open={dialog === 'cancel'} conference={c} onClose={() => setDialog(null)} />
      <PostponeDialog open={dialog === 'postpone'} conference={c} onClose={() => setDialog(null)} />
    </div>
  );
}

const ACTIONS = ['create', 'update', 'cancel', 'postpone', 'check_in'] as const;

function actionText(action: string, t: ReturnType<typeof useT>): string {
  const known = ACTIONS.find((a) => a === action);
  return known ? t(`conference.action.${known}`) : action;
}

interface DialogProps {
  open: boolean;
  conference: ConferenceDetail;
  onClose: () => void;
}

function CancelDialog({ open, conference, onClose }: DialogProps) {
  const t = useT();
  const { message } = App.useApp();
  const cancel = useCancelConference();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!reason.trim()) {
      setError(t('validation.required', { field: t('conference.cancelReason') }));
      return;
    }
    cancel.mutate(
      { id: conference.id, reason: reason.trim() },
      {
        onSuccess: () => {
          message.success(t('conference.cancel.done'));
          onClose();
        },
        onError: (err) => setError(apiErrorText(err, t)),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('conference.cancel.title', { title: conference.title })}
      onCancel={onClose}
      onOk={submit}
      okText={t('conference.cancel')}
      okButtonProps={{ danger: true, loading: cancel.isPending, ...{ 'data-testid': 'cancel-submit' } }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="cancel-dialog"
    >
      <Form layout="vertical">
        <Form.Item
          label={t('conference.cancelReason')}
          required
          extra={t('conference.cancel.reasonHint')}
          validateStatus={error ? 'error' : ''}
          help={error}
        >
          <Input
            autoFocus
            maxLength={1000}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            onPressEnter={submit}
            data-testid="cancel-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PostponeDialog({ open, conference, onClose }: DialogProps) {
  const t = useT();
  const { message } = App.useApp();
  const postpone = usePostponeConference();
  const [date, setDate] = useState<string | null>(null);
  const [time, setTime] = useState(conference.time ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!date) {
      setError(t('validation.required', { field: t('conference.postpone.newDate') }));
      return;
    }
    postpone.mutate(
      { id: conference.id, date, time: time.trim() ? time.trim() : null, reason: reason.trim() ? reason.trim() : null },
      {
        onSuccess: (created) => {
          message.success(t('conference.postpone.done', { date: created.date }));
          onClose();
          navigate({ page: 'conference', id: created.id });
        },
        onError: (err) => setError(apiErrorText(err, t)),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('conference.postpone.title', { title: conference.title })}
      onCancel={onClose}
      onOk={submit}
      okText={t('conference.postpone')}
      okButtonProps={{ loading: postpone.isPending, ...{ 'data-testid': 'postpone-submit' } }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="postpone-dialog"
    >
      <Typography.Paragraph type="secondary">{t('conference.postpone.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Space align="start">
          <Form.Item
            label={t('conference.postpone.newDate')}
            required
            validateStatus={error ? 'error' : ''}
            help={error}
          >
            <DateField value={date} onChange={setDate} testId="postpone-date" />
          </Form.Item>
          <Form.Item label={t('conference.postpone.newTime')}>
            <Input
              value={time}
              onChange={(e) => setTime(e.target.value)}
              placeholder="09:30"
              maxLength={5}
              style={{ width: 100 }}
            />
          </Form.Item>
        </Space>
        <Form.Item label={t('conference.field.reason')}>
          <Input value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} onPressEnter={submit} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
