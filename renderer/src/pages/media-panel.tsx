// 媒体: the outlets invited to conferences, with their contacts; add, edit, archive.
import { App, Button, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { MEDIA_KINDS, mediaFields } from '../../../common/conference-schemas';
import type { MediaKind, MediaOutlet } from '../../../common/conference-types';
import { LIMITS } from '../../../common/text';
import { useCreateMedia, useMedia, useUpdateMedia } from '../api/conference-hooks';
import { apiErrorText } from '../api/error-text';
import { FormModal, ModalForm } from '../components/form-modal';
import { QueryError } from '../components/query-state';
import { type FieldLabels, useFormErrors } from '../forms/use-form-errors';
import { useT } from '../i18n/use-t';

const LABELS: FieldLabels = {
  name: 'media.field.name',
  kind: 'media.field.kind',
  contactPerson: 'media.field.contactPerson',
  phone: 'media.field.phone',
  email: 'media.field.email',
  notes: 'media.field.notes',
};

interface Values {
  name: string;
  kind: MediaKind;
  contactPerson: string;
  phone: string;
  email: string;
  notes: string;
}

export function MediaPanel() {
  const t = useT();
  const { message } = App.useApp();
  const query = useMedia();
  const update = useUpdateMedia();
  const [editing, setEditing] = useState<MediaOutlet | 'new' | null>(null);

  const toggleArchived = (m: MediaOutlet) =>
    update.mutate(
      {
        id: m.id,
        fields: {
          name: m.name,
          kind: m.kind,
          contactPerson: m.contactPerson,
          phone: m.phone,
          email: m.email,
          notes: m.notes,
        },
        archived: !m.archived,
      },
      { onError: (err) => void message.error(apiErrorText(err, t)) },
    );

  return (
    <div data-testid="media-panel">
      <div className="toolbar">
        <span className="toolbar-spacer" />
        <Button type="primary" onClick={() => setEditing('new')} data-testid="add-media-outlet">
          {t('media.add')}
        </Button>
      </div>
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<MediaOutlet>
          rowKey="id"
          size="small"
          pagination={false}
          loading={query.isLoading}
          dataSource={query.data ?? []}
          locale={{ emptyText: t('media.empty') }}
          rowClassName={(m) => (m.archived ? 'row-inactive' : '')}
          data-testid="media-table"
          columns={[
            {
              title: t('media.field.name'),
              dataIndex: 'name',
              render: (name: string, m) => (
                <span>
                  {name} {m.archived ? <Tag>{t('media.archived')}</Tag> : null}
                </span>
              ),
            },
            {
              title: t('media.field.kind'),
              dataIndex: 'kind',
              width: 110,
              render: (k: MediaKind) => t(`media.kind.${k}`),
            },
            { title: t('media.field.contactPerson'), dataIndex: 'contactPerson', width: 120 },
            { title: t('media.field.phone'), dataIndex: 'phone', width: 140 },
            { title: t('media.field.email'), dataIndex: 'email', width: 180, ellipsis: true },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 140,
              render: (_, m) => (
                <>
                  <Button type="link" size="small" onClick={() => setEditing(m)} data-testid="edit-media">
                    {t('common.edit')}
                  </Button>
                  <Button type="link" size="small" onClick={() => toggleArchived(m)}>
                    {t(m.archived ? 'media.restore' : 'media.archive')}
                  </Button>
                </>
              ),
            },
          ]}
        />
      )}
      <FormModal
        open={editing !== null}
        onClose={() => setEditing(null)}
        testId="media-form-modal"
        title={t(editing === 'new' ? 'media.form.createTitle' : 'media.form.editTitle')}
      >
        {editing ? (
          <MediaForm outlet={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
        ) : null}
      </FormModal>
    </div>
  );
}

function MediaForm({ outlet, onClose }: { outlet: MediaOutlet | undefined; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { formError, validate, showServerError } = useFormErrors(form, LABELS);
  const create = useCreateMedia();
  const update = useUpdateMedia();
  const [initialValues] = useState<Partial<Values>>(() =>
    outlet
      ? {
          name: outlet.name,
          kind: outlet.kind,
          contactPerson: outlet.contactPerson ?? '',
          phone: outlet.phone ?? '',
          email: outlet.email ?? '',
          notes: outlet.notes ?? '',
        }
      : { kind: 'newspaper' },
  );
  const submit = (v: Values) => {
    const input = {
      name: v.name ?? '',
      kind: v.kind,
      contactPerson: v.contactPerson ?? null,
      phone: v.phone ?? null,
      email: v.email ?? null,
      notes: v.notes ?? null,
    };
    if (!validate(mediaFields, input)) return;
    const done = (saved: MediaOutlet) => {
      message.success(t('media.saved', { name: saved.name }));
      onClose();
    };
    if (outlet) update.mutate({ id: outlet.id, fields: input }, { onSuccess: done, onError: showServerError });
    else create.mutate(input, { onSuccess: done, onError: showServerError });
  };
  return (
    <ModalForm<Values>
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      onCancel={onClose}
      submitting={create.isPending || update.isPending}
      formError={formError}
      testId="media-form"
    >
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="name" label={t('media.field.name')} required>
            <Input maxLength={LIMITS.name} autoFocus data-testid="media-name" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="kind" label={t('media.field.kind')} required>
            <Select options={MEDIA_KINDS.map((k) => ({ value: k, label: t(`media.kind.${k}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="contactPerson" label={t('media.field.contactPerson')}>
            <Input maxLength={LIMITS.name} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label={t('media.field.phone')}>
            <Input maxLength={LIMITS.phone} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="email" label={t('media.field.email')}>
            <Input maxLength={LIMITS.email} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('media.field.notes')}>
        <Input.TextArea maxLength={LIMITS.notes} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </ModalForm>
  );
}
