// One department: its details, former names, merges, people and their trainings.
import { Alert, App, Button, Card, Descriptions, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../common/types';
import { ApiRequestError } from '../api/client';
import { apiErrorText } from '../api/error-text';
import { useArchiveDepartment, useDepartment, useRemoveDepartment, useRestoreDepartment } from '../api/hooks';
import { Loading, QueryError } from '../components/query-state';
import { useT } from '../i18n/use-t';
import { navigate, routeHref } from '../routing';
import { DepartmentFormModal } from './department-form';
import { MergeModal } from './merge-modal';
import { PeopleTable } from './people-table';
import { PersonFormModal } from './person-form';
import { listedText, StatusTag } from './register-page';
import { TrainingFormModal } from './training-form';

export function DepartmentPage({ id }: { id: string }) {
  const t = useT();
  const { message } = App.useApp();
  const query = useDepartment(id);
  const archive = useArchiveDepartment();
  const restore = useRestoreDepartment();
  const remove = useRemoveDepartment();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [personForm, setPersonForm] = useState<{ person?: Person } | null>(null);
  const [trainingFor, setTrainingFor] = useState<Person | null>(null);
  const onError = (err: unknown) => void message.error(apiErrorText(err, t));

  const back = (
    <a href={routeHref({ page: 'register' })} className="back-link" data-testid="back-to-register">
      ← {t('common.back')}
    </a>
  );

  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) {
    const notFound = query.error instanceof ApiRequestError && query.error.code === 'not_found';
    return (
      <div className="page">
        {back}
        {notFound ? (
          <Empty description={t('department.notFound')} />
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </div>
    );
  }

  const { department: d, formerNames, mergedInto, mergedFrom, people, recordCount } = query.data;
  const active = d.status === 'active';

  const doArchive = () =>
    archive.mutateAsync({ id: d.id }).then(() => void message.success(t('department.archive.done')), onError);

  return (
    <div className="page" data-testid="department-page">
      {back}
      <div className="page-header">
        <div>
          <Space align="baseline" size={12} wrap>
            <Typography.Title level={4} className="page-title" data-testid="department-title">
              {d.name}
            </Typography.Title>
            <StatusTag status={d.status} mergedIntoName={mergedInto?.name ?? null} />
            {d.listed ? <Tag color="green">{t('register.listed.yes')}</Tag> : null}
          </Space>
          <div>
            <Typography.Text type="secondary" data-testid="department-fullname">
              {d.fullName}
            </Typography.Text>
          </div>
        </div>
        <Space wrap>
          <Button type="primary" onClick={() => setEditing(true)} data-testid="edit-department">
            {t('common.edit')}
          </Button>
          {active ? (
            <Button onClick={() => setMerging(true)} data-testid="merge-department">
              {t('department.merge')}
            </Button>
          ) : null}
          {active ? (
            <Popconfirm
              title={t('department.archive.confirm', { name: d.name })}
              okText={t('department.archive')}
              cancelText={t('common.cancel')}
              onConfirm={doArchive}
            >
              <Button data-testid="archive-department">{t('department.archive')}</Button>
            </Popconfirm>
          ) : null}
          {d.status === 'archived' ? (
            <Button
              onClick={() =>
                restore.mutate(
                  { id: d.id },
                  { onSuccess: () => void message.success(t('department.restore.done')), onError },
                )
              }
              data-testid="restore-department"
            >
              {t('department.restore')}
            </Button>
          ) : null}
          {recordCount === 0 && mergedFrom.length === 0 ? (
            <Popconfirm
              title={t('department.remove.confirm', { name: d.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                remove.mutateAsync({ id: d.id }).then(() => {
                  message.success(t('department.remove.done', { name: d.name }));
                  navigate({ page: 'register' });
                }, onError)
              }
            >
              <Button danger data-testid="remove-department">
                {t('department.remove')}
              </Button>
            </Popconfirm>
          ) : (
            // Records exist: explain, and offer archiving instead of deleting.
            <Popconfirm
              title={t('department.remove.blocked', { count: recordCount })}
              okText={active ? t('department.archive') : t('common.ok')}
              showCancel={active}
              cancelText={t('common.cancel')}
              onConfirm={active ? doArchive : undefined}
            >
              <Button danger data-testid="remove-department">
                {t('department.remove')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>

      {mergedInto ? (
        <Alert
          type="info"
          showIcon
          className="block"
          title={
            <span>
              {t('department.mergedInto')}{' '}
              <a href={routeHref({ page: 'department', id: mergedInto.id })}>{mergedInto.name}</a>
            </span>
          }
        />
      ) : null}

      <div className="detail-grid">
        <Card size="small" title={t('department.info')}>
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'fullName', label: t('department.field.fullName'), children: d.fullName, span: 2 },
              { key: 'listed', label: t('department.field.listed'), children: listedText(d, t) },
              { key: 'order', label: t('department.field.sortOrder'), children: d.sortOrder },
              {
                key: 'contact',
                label: t('department.field.contactPerson'),
                children: d.contactPerson ?? t('common.none'),
              },
              {
                key: 'phone',
                label: t('department.field.contactPhone'),
                children: d.contactPhone ?? t('common.none'),
              },
              {
                key: 'notes',
                label: t('department.field.notes'),
                children: <span className="pre-wrap">{d.notes ?? t('common.none')}</span>,
                span: 2,
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('department.history')} data-testid="former-names">
          {formerNames.length === 0 ? (
            <Typography.Text type="secondary">{t('department.history.empty')}</Typography.Text>
          ) : (
            <ul className="plain-list">
              {formerNames.map((f) => (
                <li key={`${f.name}-${f.until}-${f.fullName}`}>
                  <Typography.Text>{f.name}</Typography.Text>
                  <Typography.Text type="secondary">（{f.fullName}）</Typography.Text>
                  <div className="muted small">{t('department.history.until', { date: f.until })}</div>
                </li>
              ))}
            </ul>
          )}
          {mergedFrom.length > 0 ? (
            <div className="merged-from">
              <Typography.Text type="secondary">{t('department.mergedFrom')}</Typography.Text>
              <ul className="plain-list">
                {mergedFrom.map((m) => (
                  <li key={m.id}>
                    <a href={routeHref({ page: 'department', id: m.id })}>{m.name}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      </div>

      <Card
        size="small"
        className="block"
        title={t('people.title')}
        extra={
          <Button
            type="primary"
            size="small"
            disabled={!active}
            onClick={() => setPersonForm({})}
            data-testid="add-person"
          >
            {t('people.add')}
          </Button>
        }
      >
        {!active ? <Alert type="info" title={t('department.inactive')} className="block-tight" /> : null}
        <PeopleTable
          people={people}
          onEdit={(person) => setPersonForm({ person })}
          onAddTraining={(person) => setTrainingFor(person)}
        />
      </Card>

      <DepartmentFormModal open={editing} department={d} onClose={() => setEditing(false)} />
      <MergeModal open={merging} department={d} onClose={() => setMerging(false)} />
      <PersonFormModal
        open={personForm !== null}
        departmentId={d.id}
        person={personForm?.person}
        onClose={() => setPersonForm(null)}
      />
      <TrainingFormModal person={trainingFor} onClose={() => setTrainingFor(null)} />
    </div>
  );
}
