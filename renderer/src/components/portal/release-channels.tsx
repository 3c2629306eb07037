// 发布渠道 of one document: where it went out (政府网站, 政府公报, 微博@日照发布 …) and on which day. An
// approved or released document's list can be edited: each channel once, each with its date. The
// portal export records 政府网站 itself; it is listed and editable like the others.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { DocumentStatus } from '../../../../common/document-schemas';
import type { ReleaseChannel } from '../../../../common/opinion-schemas';
import { useToday } from '../../api/conference-hooks';
import { useDocumentChannels, useSetDocumentChannels } from '../../api/portal-hooks';
import { useT } from '../../i18n/use-t';
import { DateField } from '../date-field';
import { Loading, QueryError } from '../query-state';
import {
  type ChannelDraft,
  channelChoices,
  channelInput,
  channelProblems,
  nextFreeChannel,
  toDrafts,
} from './channel-rows';
import { portalErrorText } from './portal-text';
import './portal.css';

export function ReleaseChannels({ documentId, status }: { documentId: string; status: DocumentStatus }) {
  const t = useT();
  const { message } = App.useApp();
  const channels = useDocumentChannels(documentId);
  const save = useSetDocumentChannels();
  const today = useToday();
  const [drafts, setDrafts] = useState<ChannelDraft[] | null>(null);
  const [nextKey, setNextKey] = useState(1000);
  const [error, setError] = useState<string | null>(null);
  const editable = status === 'approved' || status === 'released';
  const editing = editable && drafts !== null;

  const startEditing = () => {
    setError(null);
    setDrafts(toDrafts(channels.data ?? []));
  };

  const change = (index: number, patch: Partial<ChannelDraft>) =>
    setDrafts((rows) => (rows ?? []).map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const add = () => {
    const channel = nextFreeChannel(drafts ?? []);
    if (!channel) return;
    setDrafts([...(drafts ?? []), { key: nextKey, channel, date: today ?? dayjs().format('YYYY-MM-DD') }]);
    setNextKey(nextKey + 1);
  };

  const problems = channelProblems(drafts ?? []);

  const submit = () => {
    if (!drafts || problems.size > 0) return;
    setError(null);
    save.mutate(
      { id: documentId, channels: channelInput(drafts) },
      {
        onSuccess: () => {
          setDrafts(null);
          void message.success(t('channels.saved'));
        },
        onError: (err) => setError(portalErrorText(err, t)),
      },
    );
  };

  return (
    <Card
      size="small"
      title={t('channels.title')}
      data-testid="release-channels"
      extra={
        editable && !editing && channels.data ? (
          <Button size="small" icon={<EditOutlined />} onClick={startEditing} data-testid="channels-edit">
            {t('channels.edit')}
          </Button>
        ) : null
      }
    >
      {channels.error ? (
        <QueryError error={channels.error} onRetry={() => void channels.refetch()} />
      ) : !channels.data ? (
        <Loading />
      ) : editing ? (
        <div data-testid="channels-editor">
          {(drafts ?? []).map((row, index) => {
            const problem = problems.get(index);
            return (
              <div key={row.key} data-testid="channel-draft">
                <div className="channel-row">
                  <Select<ReleaseChannel>
                    value={row.channel ?? undefined}
                    placeholder={t('channels.col.channel')}
                    aria-label={t('channels.col.channel')}
                    status={problem === 'channel' || problem === 'twice' ? 'error' : undefined}
                    options={channelChoices(drafts ?? [], index).map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                    onChange={(channel) => change(index, { channel })}
                    data-testid="channel-select"
                  />
                  <DateField value={row.date} onChange={(date) => change(index, { date })} testId="channel-date" />
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('channels.remove')}
                    title={t('channels.remove')}
                    onClick={() => setDrafts((drafts ?? []).filter((_, i) => i !== index))}
                    data-testid="channel-remove"
                  />
                </div>
                {problem ? (
                  <Typography.Text type="danger" className="small" data-testid="channel-problem">
                    {t(`channels.problem.${problem}`)}
                  </Typography.Text>
                ) : null}
              </div>
            );
          })}
          {error ? <Alert type="error" showIcon title={error} className="block-tight" /> : null}
          <Space wrap>
            <Button
              icon={<PlusOutlined />}
              onClick={add}
              disabled={nextFreeChannel(drafts ?? []) === null}
              data-testid="channels-add"
            >
              {t('channels.add')}
            </Button>
            <Button onClick={() => setDrafts(null)}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              onClick={submit}
              loading={save.isPending}
              disabled={problems.size > 0}
              data-testid="channels-save"
            >
              {t('common.save')}
            </Button>
          </Space>
        </div>
      ) : (
        <>
          {channels.data.length === 0 ? (
            <Typography.Text type="secondary" data-testid="channels-empty">
              {t('channels.empty')}
            </Typography.Text>
          ) : (
            <ul className="channel-list">
              {channelInput(toDrafts(channels.data)).map((c) => (
                <li key={c.channel} data-testid="channel-item" data-channel={c.channel}>
                  <span>{t(`channel.${c.channel}`)}</span>
                  <span className="portal-num">{c.date}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="portal-note" style={{ marginTop: 8 }}>
            {editable ? t('channels.portalAuto') : t('channels.notFinal')}
          </div>
        </>
      )}
    </Card>
  );
}
