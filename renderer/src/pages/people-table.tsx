// The people of a department (主要负责同志, 新闻发言人, 相关负责人) with their training records.
import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { Person, PersonWithTrainings } from '../../../common/types';
import { apiErrorText } from '../api/error-text';
import { useArchivePerson, useRemovePerson, useRemoveTraining } from '../api/hooks';
import { type Translate, useT } from '../i18n/use-t';

const ROLE_COLOR = { head: 'blue', spokesperson: 'geekblue', deputy: 'cyan' } as const;

function tenureText(p: Person, t: Translate): string {
  if (p.tenureStart && p.tenureEnd) return t('person.tenure.period', { start: p.tenureStart, end: p.tenureEnd });
  if (p.tenureStart) return t('person.tenure.from', { start: p.tenureStart });
  if (p.tenureEnd) return t('person.tenure.until', { end: p.tenureEnd });
  return t('common.none');
}

interface Props {
  people: PersonWithTrainings[];
  onEdit: (person: Person) => void;
  onAddTraining: (person: Person) => void;
}

export function PeopleTable({ people, onEdit, onAddTraining }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const archive = useArchivePerson();
  const remove = useRemovePerson();
  const removeTraining = useRemoveTraining();
  const onError = (err: unknown) => void message.error(apiErrorText(err, t));

  const columns: TableColumnsType<PersonWithTrainings> = [
    {
      title: t('people.col.person'),
      key: 'person',
      render: (_, p) => (
        <div className="person-cell">
          <Space size={6} wrap>
            <Typography.Text strong data-testid="person-name-cell">
              {p.name}
            </Typography.Text>
            <Tag color={ROLE_COLOR[p.role]}>{t(`role.${p.role}`)}</Tag>
            {p.untrained ? (
              <Tooltip title={t('person.untrainedHint')}>
                <Tag color="warning" data-testid="untrained-tag">
                  {t('person.untrained')}
                </Tag>
              </Tooltip>
            ) : null}
            {p.archived ? <Tag>{t('person.archived')}</Tag> : null}
          </Space>
          {p.title ? (
            <Typography.Text type="secondary" className="person-title" data-testid="person-title-cell">
              {p.title}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('people.col.contact'),
      key: 'contact',
      width: 170,
      render: (_, p) => (
        <div className="stack">
          {p.phone ? <span>{p.phone}</span> : null}
          {p.email ? <span className="muted">{p.email}</span> : null}
          {!p.phone && !p.email ? <span className="muted">{t('common.none')}</span> : null}
        </div>
      ),
    },
    { title: t('people.col.tenure'), key: 'tenure', width: 170, render: (_, p) => tenureText(p, t) },
    {
      title: t('people.col.trainings'),
      key: 'trainings',
      width: 300,
      render: (_, p) => (
        <div className="stack" data-testid="trainings">
          {p.trainings.length === 0 ? <span className="muted">{t('training.none')}</span> : null}
          {p.trainings.map((tr) => (
            <span key={tr.id} className="training-line">
              <span>
                {tr.date} {tr.course}
                {tr.hours !== null ? (
                  <span className="muted">（{t('training.hours', { hours: tr.hours })}）</span>
                ) : null}
              </span>
              <Popconfirm
                title={t('training.remove.confirm')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => removeTraining.mutateAsync({ id: tr.id }).catch(onError)}
              >
                <Button type="link" size="small" danger className="inline-action">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </span>
          ))}
          <Button
            type="link"
            size="small"
            className="inline-action"
            onClick={() => onAddTraining(p)}
            data-testid="add-training"
          >
            + {t('training.add')}
          </Button>
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, p) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => onEdit(p)} data-testid="edit-person">
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => archive.mutate({ id: p.id, archived: !p.archived }, { onError })}
            data-testid="archive-person"
          >
            {p.archived ? t('person.restore') : t('person.archive')}
          </Button>
          {p.recordCount === 0 ? (
            <Popconfirm
              title={t('person.remove.confirm', { name: p.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutateAsync({ id: p.id }).catch(onError)}
            >
              <Button type="link" size="small" danger data-testid="remove-person">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          ) : (
            <Tooltip title={t('person.remove.blocked')}>
              <Button type="link" size="small" disabled data-testid="remove-person">
                {t('common.delete')}
              </Button>
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<PersonWithTrainings>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={people}
      pagination={false}
      locale={{ emptyText: t('people.empty') }}
      rowClassName={(p) => (p.archived ? 'row-inactive' : '')}
      data-testid="people-table"
    />
  );
}
