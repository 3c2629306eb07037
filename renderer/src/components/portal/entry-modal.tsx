// 编辑公开信息: the disclosure metadata of one item on the portal (主题分类, 公开属性, 摘要). Saving the
// first time gives the item its 索引号, which never changes after.
import { Alert, App, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { usePortalEntry, useUpdatePortalEntry } from '../../api/portal-hooks';
import { useT } from '../../i18n/use-t';
import { Loading } from '../query-state';
import { SUMMARY_MAX, summaryLength } from './portal-logic';
import { DISCLOSURES, disclosureKey, portalErrorText } from './portal-text';

type Disclosure = (typeof DISCLOSURES)[number];

interface EntryForm {
  topicCategory: string;
  disclosure: Disclosure;
  summary: string;
}

export function EntryModal({ documentId, onClose }: { documentId: string | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const entry = usePortalEntry(documentId);
  const update = useUpdatePortalEntry();
  const [form, setForm] = useState<EntryForm>({ topicCategory: '', disclosure: '主动公开', summary: '' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    const e = entry.data;
    if (!e) return;
    setForm({
      topicCategory: e.topicCategory ?? '',
      disclosure: (DISCLOSURES as readonly string[]).includes(e.disclosure) ? (e.disclosure as Disclosure) : '主动公开',
      summary: e.summary ?? '',
    });
  }, [entry.data]);

  const length = summaryLength(form.summary);
  const tooLong = length > SUMMARY_MAX;

  const save = () => {
    if (!documentId || tooLong) return;
    setError(null);
    update.mutate(
      {
        documentId,
        fields: {
          topicCategory: form.topicCategory.trim() || null,
          disclosure: form.disclosure,
          summary: form.summary.trim() || null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('portal.entry.saved'));
          onClose();
        },
        onError: (err) => setError(portalErrorText(err, t)),
      },
    );
  };

  const e = entry.data;
  return (
    <Modal
      open={documentId !== null}
      title={t('portal.entry.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={600}
      data-testid="portal-entry-modal"
    >
      {entry.error ? (
        <Alert type="error" showIcon title={portalErrorText(entry.error, t)} />
      ) : !e ? (
        <Loading />
      ) : (
        <Form layout="vertical" onFinish={save}>
          <Form.Item label={t('portal.entry.document')}>
            <Typography.Text strong>{e.title}</Typography.Text>
          </Form.Item>
          <Form.Item
            label={t('portal.entry.indexNo')}
            extra={e.indexNo ? t('portal.entry.indexNoFixed') : t('portal.entry.indexNoPending')}
          >
            <Typography.Text
              code={Boolean(e.indexNo)}
              type={e.indexNo ? undefined : 'secondary'}
              data-testid="entry-index-no"
            >
              {e.indexNo || t('portal.indexNo.pending')}
            </Typography.Text>
          </Form.Item>
          <Form.Item label={t('portal.entry.topicCategory')} extra={t('portal.entry.topicCategoryHint')}>
            <Input
              value={form.topicCategory}
              maxLength={100}
              onChange={(ev) => setForm({ ...form, topicCategory: ev.target.value })}
              data-testid="entry-topic"
            />
          </Form.Item>
          <Form.Item label={t('portal.entry.disclosure')}>
            <Radio.Group
              value={form.disclosure}
              onChange={(ev) => setForm({ ...form, disclosure: ev.target.value as Disclosure })}
              data-testid="entry-disclosure"
            >
              {DISCLOSURES.map((d) => (
                <Radio key={d} value={d}>
                  {t(disclosureKey(d))}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            label={t('portal.entry.summary')}
            extra={tooLong ? undefined : t('portal.entry.summaryHint')}
            validateStatus={tooLong ? 'error' : undefined}
            help={tooLong ? t('portal.entry.summaryTooLong', { count: length }) : undefined}
          >
            <Input.TextArea
              value={form.summary}
              autoSize={{ minRows: 3, maxRows: 6 }}
              count={{ show: true, max: SUMMARY_MAX, strategy: summaryLength }}
              onChange={(ev) => setForm({ ...form, summary: ev.target.value })}
              data-testid="entry-summary"
            />
          </Form.Item>
          {e.exportedSequence !== null ? (
            <Typography.Paragraph type="secondary" className="small">
              {t('portal.entry.exported', { sequence: e.exportedSequence })}
            </Typography.Paragraph>
          ) : null}
          {error ? <Alert type="error" showIcon title={error} className="block" data-testid="entry-error" /> : null}
          <div style={{ textAlign: 'right' }}>
            <Space>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button
                type="primary"
                htmlType="submit"
                loading={update.isPending}
                disabled={tooLong}
                data-testid="entry-save"
              >
                {t('common.save')}
              </Button>
            </Space>
          </div>
        </Form>
      )}
    </Modal>
  );
}
