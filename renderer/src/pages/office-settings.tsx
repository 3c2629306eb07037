// Settings of the quota engine and the calendar: quota rules (with what they mean), the usual topics,
// and holiday overrides for days the built-in data does not cover or gets wrong.
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { QUOTA_KINDS } from '../../../common/conference-schemas';
import type { QuotaRuleView } from '../../../common/conference-types';
import type { QuotaKind } from '../../../common/domain/quota';
import {
  useCreateRule,
  useOverrides,
  useRemoveRule,
  useRules,
  useSetOverride,
  useSetTopics,
  useTopics,
} from '../api/conference-hooks';
import { apiErrorText } from '../api/error-text';
import { DateField } from '../components/date-field';
import { QueryError } from '../components/query-state';
import { useT } from '../i18n/use-t';

export function RulesPanel() {
  const t = useT();
  const { message } = App.useApp();
  const rules = useRules();
  const create = useCreateRule();
  const remove = useRemoveRule();
  const [kind, setKind] = useState<QuotaKind>('department_conferences');
  const [minimum, setMinimum] = useState<number>(1);
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(null);
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    if (!effectiveFrom) {
      setError(t('validation.required', { field: t('rules.field.effectiveFrom') }));
      return;
    }
    create.mutate(
      { kind, minimum, effectiveFrom, source: source.trim() ? source.trim() : null },
      {
        onSuccess: () => {
          setError(null);
          setSource('');
          message.success(t('rules.saved'));
        },
        onError: (err) => setError(apiErrorText(err, t)),
      },
    );
  };

  return (
    <div data-testid="rules-panel">
      <Alert type="info" showIcon className="block" title={t('rules.explain')} />
      {rules.error ? <QueryError error={rules.error} onRetry={() => void rules.refetch()} /> : null}
      <Table<QuotaRuleView>
        rowKey="id"
        size="small"
        pagination={false}
        className="block"
        loading={rules.isLoading}
        dataSource={rules.data ?? []}
        locale={{ emptyText: t('rules.empty') }}
        data-testid="rules-table"
        columns={[
          { title: t('rules.field.kind'), dataIndex: 'kind', render: (k: QuotaKind) => t(`quota.${k}`) },
          {
            title: t('rules.field.minimum'),
            key: 'minimum',
            render: (_, r) => t('rules.minimum', { count: r.minimum, per: t(`rules.minimum.per.${r.kind}`) }),
          },
          { title: t('rules.field.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120 },
          { title: t('rules.field.source'), dataIndex: 'source', ellipsis: true },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_, r) => (
              <Popconfirm
                title={t('rules.remove.confirm')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutate({ id: r.id }, { onError: (err) => void message.error(apiErrorText(err, t)) })
                }
              >
                <Button type="link" size="small" danger>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('rules.add')}</Typography.Title>
      <Form layout="inline" onFinish={add}>
        <Form.Item label={t('rules.field.kind')}>
          <Select<QuotaKind>
            style={{ width: 180 }}
            value={kind}
            onChange={setKind}
            options={QUOTA_KINDS.map((k) => ({ value: k, label: t(`quota.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('rules.field.minimum')}>
          <InputNumber min={0} max={100} precision={0} value={minimum} onChange={(v) => setMinimum(v ?? 0)} />
        </Form.Item>
        <Form.Item label={t('rules.field.effectiveFrom')} validateStatus={error ? 'error' : ''}>
          <div style={{ width: 140 }}>
            <DateField value={effectiveFrom} onChange={setEffectiveFrom} />
          </div>
        </Form.Item>
        <Form.Item label={t('rules.field.source')}>
          <Input value={source} onChange={(e) => setSource(e.target.value)} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('common.add')}
          </Button>
        </Form.Item>
      </Form>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </div>
  );
}

export function TopicsPanel() {
  const t = useT();
  const { message } = App.useApp();
  const topics = useTopics();
  const save = useSetTopics();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (topics.data) setText(topics.data.join('\n'));
  }, [topics.data]);
  const submit = () => {
    const list = [
      ...new Set(
        text
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ];
    if (list.length === 0) {
      setError(t('validation.required', { field: t('topics.title') }));
      return;
    }
    save.mutate(
      { topics: list },
      {
        onSuccess: () => {
          setError(null);
          message.success(t('topics.saved'));
        },
        onError: (err) => setError(apiErrorText(err, t)),
      },
    );
  };
  return (
    <div data-testid="topics-panel">
      <Typography.Paragraph type="secondary">{t('topics.hint')}</Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 14 }}
        style={{ maxWidth: 480 }}
        status={error ? 'error' : ''}
        data-testid="topics-text"
      />
      {error ? (
        <div>
          <Typography.Text type="danger">{error}</Typography.Text>
        </div>
      ) : null}
      <div style={{ marginTop: 8 }}>
        <Button type="primary" onClick={submit} loading={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </div>
  );
}

export function OverridesPanel() {
  const t = useT();
  const { message } = App.useApp();
  const setOverride = useSetOverride();
  const overrides = useOverrides();
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<'holiday' | 'workday' | 'clear'>('holiday');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!date) {
      setError(t('validation.required', { field: t('overrides.date') }));
      return;
    }
    setOverride.mutate(
      { date, kind: kind === 'clear' ? null : kind, name: name.trim() ? name.trim() : null },
      {
        onSuccess: () => {
          setError(null);
          message.success(t(kind === 'clear' ? 'calendar.override.cleared' : 'calendar.override.saved', { date }));
        },
        onError: (err) => setError(apiErrorText(err, t)),
      },
    );
  };
  return (
    <div data-testid="overrides-panel">
      <Alert type="info" showIcon className="block" title={t('overrides.hint')} />
      <Form layout="vertical" onFinish={submit} style={{ maxWidth: 480 }}>
        <Form.Item label={t('overrides.date')} required validateStatus={error ? 'error' : ''} help={error}>
          <DateField value={date} onChange={setDate} testId="override-date" />
        </Form.Item>
        <Form.Item label={t('calendar.override.kind')}>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as typeof kind)}
            options={[
              { value: 'holiday', label: t('overrides.kind.holiday') },
              { value: 'workday', label: t('overrides.kind.workday') },
              { value: 'clear', label: t('overrides.kind.clear') },
            ]}
          />
        </Form.Item>
        {kind !== 'clear' ? (
          <Form.Item label={t('calendar.override.name')}>
            <Input
              value={name}
              maxLength={100}
              placeholder={t('calendar.override.namePlaceholder')}
              onChange={(e) => setName(e.target.value)}
            />
          </Form.Item>
        ) : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={setOverride.isPending}>
            {t('overrides.apply')}
          </Button>
        </Space>
      </Form>
      <Typography.Title level={5}>{t('overrides.list')}</Typography.Title>
      <Table
        size="small"
        rowKey="date"
        data-testid="overrides-table"
        loading={overrides.isLoading}
        dataSource={overrides.data ?? []}
        pagination={false}
        locale={{ emptyText: t('overrides.none') }}
        columns={[
          { title: t('overrides.date'), dataIndex: 'date', width: 140 },
          {
            title: t('calendar.override.kind'),
            dataIndex: 'kind',
            width: 180,
            render: (k: 'holiday' | 'workday') => t(`overrides.kind.${k}`),
          },
          { title: t('calendar.override.name'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
          {
            title: '',
            key: 'clear',
            width: 120,
            render: (_: unknown, row: { date: string }) => (
              <Popconfirm
                title={t('overrides.clearConfirm', { date: row.date })}
                onConfirm={() =>
                  setOverride.mutate(
                    { date: row.date, kind: null, name: null },
                    { onSuccess: () => message.success(t('calendar.override.cleared', { date: row.date })) },
                  )
                }
              >
                <Button type="link" size="small">
                  {t('overrides.kind.clear')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </div>
  );
}
