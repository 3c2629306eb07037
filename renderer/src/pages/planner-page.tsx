// 季度计划: proposes the city's conferences for a year or a quarter so every listed department meets
// its quotas, lists what cannot be met and why, and turns the chosen proposals into planned conferences.
import { Alert, App, Button, Card, Empty, Form, InputNumber, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PlanView } from '../../../common/conference-types';
import { useAcceptPlan, usePropose, useToday } from '../api/conference-hooks';
import { apiErrorText } from '../api/error-text';
import { useDepartments } from '../api/hooks';
import { type Translate, useT } from '../i18n/use-t';
import { routeHref } from '../routing';

type Proposal = PlanView['proposals'][number];
type ProposedSpeaker = Proposal['speakers'][number] & { personName: string };
type Problem = PlanView['problems'][number];

export function problemText(p: Problem, t: Translate): string {
  return t(`planner.problem.${p.kind}`, { quarter: p.quarter ?? '', detail: p.detail ?? '' });
}

export function PlannerPage() {
  const t = useT();
  const { message } = App.useApp();
  const today = useToday();
  const departments = useDepartments({ listed: true });
  const propose = usePropose();
  const accept = useAcceptPlan();
  const [year, setYear] = useState<number | null>(null);
  const [quarter, setQuarter] = useState<number | null>(null);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [capacity, setCapacity] = useState(4);
  const [selected, setSelected] = useState<string[]>([]);
  const [accepted, setAccepted] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const thisYear = today ? Number(today.slice(0, 4)) : null;
  const shownYear = year ?? thisYear ?? 2026;
  const plan = propose.data;

  const run = () => {
    setError(null);
    setAccepted(null);
    propose.mutate(
      {
        year: shownYear,
        quarter: (quarter ?? null) as 1 | 2 | 3 | 4 | null,
        departmentIds: departmentIds.length ? departmentIds : null,
        capacity,
      },
      {
        onSuccess: (p) => setSelected(p.proposals.map((x) => x.key)),
        onError: (err) => setError(apiErrorText(err, t)),
      },
    );
  };

  const acceptSelected = () => {
    if (!plan) return;
    const chosen = plan.proposals.filter((p) => selected.includes(p.key));
    if (chosen.length === 0) return;
    accept.mutate(
      {
        proposals: chosen.map((p) => ({
          date: p.date,
          time: null,
          title: p.title,
          departmentIds: p.departmentIds,
          speakers: p.speakers.map((s) => ({ personId: s.personId, role: s.role, departmentId: s.departmentId })),
        })),
      },
      {
        onSuccess: ({ ids }) => {
          message.success(t('planner.accepted', { count: ids.length }));
          setAccepted(ids.length);
          propose.reset();
          setSelected([]);
        },
        onError: (err) => setError(apiErrorText(err, t)),
      },
    );
  };

  const blocking = plan?.problems.filter((p) => p.severity === 'blocking') ?? [];
  const warnings = plan?.problems.filter((p) => p.severity === 'warning') ?? [];

  return (
    <div className="page" data-testid="planner-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('planner.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('planner.subtitle')}</Typography.Text>
        </div>
      </div>
      <Card size="small" className="block">
        <Form layout="inline" onFinish={run} className="planner-form">
          <Form.Item label={t('planner.year')}>
            <InputNumber
              min={2000}
              max={2100}
              precision={0}
              value={shownYear}
              onChange={(v) => setYear(typeof v === 'number' ? v : null)}
              data-testid="planner-year"
            />
          </Form.Item>
          <Form.Item label={t('planner.quarter')}>
            <Select<number | 'all'>
              style={{ width: 140 }}
              value={quarter ?? 'all'}
              onChange={(v) => setQuarter(v === 'all' ? null : v)}
              options={[
                { value: 'all', label: t('planner.quarter.all') },
                ...[1, 2, 3, 4].map((q) => ({ value: q, label: t('planner.quarter.n', { quarter: q }) })),
              ]}
              data-testid="planner-quarter"
            />
          </Form.Item>
          <Form.Item label={t('planner.departments')}>
            <Select<string[]>
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              style={{ width: 300 }}
              placeholder={t('planner.departments.all')}
              value={departmentIds}
              onChange={setDepartmentIds}
              showSearch={{ optionFilterProp: 'label' }}
              options={(departments.data ?? [])
                .filter((d) => d.status === 'active')
                .map((d) => ({ value: d.id, label: d.name }))}
              data-testid="planner-departments"
            />
          </Form.Item>
          <Form.Item label={t('planner.capacity')}>
            <InputNumber min={1} max={50} precision={0} value={capacity} onChange={(v) => setCapacity(v ?? 4)} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="planner-propose">
              {t('planner.propose')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon className="block" title={error} data-testid="planner-error" /> : null}
      {accepted !== null ? (
        <Alert
          type="success"
          showIcon
          className="block"
          title={t('planner.accepted', { count: accepted })}
          action={<Button href={routeHref({ page: 'conferences' })}>{t('planner.viewConferences')}</Button>}
          data-testid="planner-accepted"
        />
      ) : null}
      {!plan && accepted === null ? (
        <Typography.Paragraph type="secondary">{t('planner.hint')}</Typography.Paragraph>
      ) : null}
      {plan ? (
        <>
          {!plan.holidaysKnown ? (
            <Alert
              type="warning"
              showIcon
              className="block"
              title={t('planner.holidaysUnknown', { year: plan.year })}
              data-testid="planner-holidays-unknown"
            />
          ) : null}
          <Card
            size="small"
            className="block"
            title={t('planner.proposals', { count: plan.proposals.length })}
            extra={
              <Button
                type="primary"
                disabled={selected.length === 0}
                loading={accept.isPending}
                onClick={acceptSelected}
                data-testid="planner-accept"
              >
                {t('planner.accept', { count: selected.length })}
              </Button>
            }
          >
            <Table<Proposal>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={plan.proposals}
              locale={{ emptyText: t('planner.proposals.none') }}
              rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
              data-testid="planner-proposals"
              columns={[
                { title: t('planner.col.date'), dataIndex: 'date', width: 110 },
                { title: t('planner.col.title'), dataIndex: 'title', width: 300 },
                {
                  title: t('planner.col.departments'),
                  key: 'departments',
                  render: (_, p) => p.departmentNames.join('、'),
                },
                {
                  title: t('planner.col.speakers'),
                  key: 'speakers',
                  render: (_, p) => (
                    <Space size={[4, 4]} wrap>
                      {(p.speakers as ProposedSpeaker[]).map((s) => (
                        <Tag key={s.personId} color={s.role === 'head' ? 'gold' : 'blue'}>
                          {s.personName}（{t(`role.${s.role}`)}）
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" className="block" title={t('planner.problems', { count: plan.problems.length })}>
            {plan.problems.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('planner.problems.none')} />
            ) : (
              <List
                size="small"
                dataSource={[...blocking, ...warnings]}
                data-testid="planner-problems"
                renderItem={(p) => (
                  <List.Item data-testid={`problem-${p.kind}`} data-severity={p.severity}>
                    <Space size={8} wrap>
                      <Tag color={p.severity === 'blocking' ? 'red' : 'orange'}>
                        {t(p.severity === 'blocking' ? 'planner.blocking' : 'planner.warning')}
                      </Tag>
                      {p.departmentId ? (
                        <a href={routeHref({ page: 'department', id: p.departmentId })} className="problem-department">
                          {p.departmentName ?? p.departmentId}
                        </a>
                      ) : (
                        <Typography.Text strong>{t('planner.problem.general')}</Typography.Text>
                      )}
                      {p.quota ? <Tag>{t(`quota.${p.quota}`)}</Tag> : null}
                      <span>{problemText(p, t)}</span>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}
