// Plan or edit a conference (新建 / 编辑发布会): when, where, who organizes, which departments release,
// topics, speakers from those departments, invited media. The shared schema checks it first; the
// server's problems land on their fields.
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  CONFERENCE_KINDS,
  type ConferenceFields,
  conferenceFields,
  DEFAULT_VENUE,
} from '../../../common/conference-schemas';
import type { ConferenceDetail, ConferenceKind, Organizer } from '../../../common/conference-types';
import { ROLES, type Role } from '../../../common/schemas';
import { LIMITS } from '../../../common/text';
import { ApiRequestError } from '../api/client';
import {
  useConference,
  useCreateConference,
  useDepartmentDetails,
  useMedia,
  useTopics,
  useUpdateConference,
} from '../api/conference-hooks';
import { useDepartments } from '../api/hooks';
import { DateField } from '../components/date-field';
import { Loading, QueryError } from '../components/query-state';
import { type FieldLabels, useFormErrors } from '../forms/use-form-errors';
import { useT } from '../i18n/use-t';
import { navigate, routeHref } from '../routing';

const LABELS: FieldLabels = {
  title: 'conference.field.title',
  date: 'conference.field.date',
  time: 'conference.field.time',
  venue: 'conference.field.venue',
  organizer: 'conference.field.organizer',
  hostDepartmentId: 'conference.field.hostDepartmentId',
  departmentIds: 'conference.field.departmentIds',
  topics: 'conference.field.topics',
  kind: 'conference.field.kind',
  speakers: 'conference.field.speakers',
  mediaIds: 'conference.field.mediaIds',
  notes: 'conference.field.notes',
  reason: 'conference.field.reason',
};

interface SpeakerValue {
  personId?: string;
  role?: Role;
}

interface Values {
  title: string;
  date: string | null;
  time: string;
  venue: string;
  organizer: Organizer;
  hostDepartmentId: string | null;
  departmentIds: string[];
  topics: string[];
  kind: ConferenceKind | null;
  speakers: SpeakerValue[];
  mediaIds: string[];
  notes: string;
  reason: string;
}

function toValues(c: ConferenceDetail | undefined, date: string | undefined): Values {
  if (!c) {
    return {
      title: '',
      date: date ?? null,
      time: '09:30',
      venue: DEFAULT_VENUE,
      organizer: 'city',
      hostDepartmentId: null,
      departmentIds: [],
      topics: [],
      kind: 'city_routine',
      speakers: [],
      mediaIds: [],
      notes: '',
      reason: '',
    };
  }
  return {
    title: c.title,
    date: c.date,
    time: c.time ?? '',
    venue: c.venue ?? '',
    organizer: c.organizer,
    hostDepartmentId: c.hostDepartmentId,
    departmentIds: c.departmentIds,
    topics: c.topics,
    kind: c.kind,
    speakers: c.speakers.map((s) => ({ personId: s.personId, role: s.role })),
    mediaIds: c.media.map((m) => m.mediaId),
    notes: c.notes ?? '',
    reason: '',
  };
}

function toInput(v: Values): ConferenceFields {
  return {
    title: v.title ?? '',
    date: v.date ?? '',
    time: v.time?.trim() ? v.time.trim() : null,
    venue: v.venue ?? null,
    organizer: v.organizer,
    hostDepartmentId: v.organizer === 'department' ? (v.hostDepartmentId ?? null) : null,
    departmentIds: v.departmentIds ?? [],
    topics: v.topics ?? [],
    kind: v.kind ?? null,
    speakers: (v.speakers ?? []).map((s) => ({ personId: s.personId ?? '', role: s.role ?? 'spokesperson' })),
    mediaIds: v.mediaIds ?? [],
    notes: v.notes ?? null,
  };
}

/** `speakers[2].personId` → `speakers`: the problem shows on the list it belongs to. */
function topLevelIssues(err: unknown): unknown {
  if (!(err instanceof ApiRequestError) || err.issues.length === 0) return err;
  return new ApiRequestError(err.method, {
    code: err.code,
    message: err.message,
    issues: err.issues.map((i) => ({ ...i, path: i.path.replace(/^(\w+)\[\d+\].*$/, '$1') })),
  });
}

export function ConferenceEditorPage({ id, date }: { id?: string; date?: string | undefined }) {
  if (!id) return <ConferenceEditor date={date} />;
  return <EditExisting id={id} />;
}

function EditExisting({ id }: { id: string }) {
  const query = useConference(id);
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <ConferenceEditor conference={query.data} />;
}

function ConferenceEditor({ conference, date }: { conference?: ConferenceDetail; date?: string | undefined }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { formError, validate, showServerError } = useFormErrors(form, LABELS);
  const [initialValues] = useState(() => toValues(conference, date));
  const create = useCreateConference();
  const update = useUpdateConference();
  const departments = useDepartments({});
  const topics = useTopics();
  const media = useMedia();

  const organizer = Form.useWatch('organizer', form) ?? initialValues.organizer;
  const hostId = Form.useWatch('hostDepartmentId', form) ?? null;
  const departmentIds = Form.useWatch('departmentIds', form) ?? initialValues.departmentIds;
  const participating = useMemo(
    () => [...new Set([...(organizer === 'department' && hostId ? [hostId] : []), ...departmentIds])],
    [organizer, hostId, departmentIds],
  );
  const details = useDepartmentDetails(participating);
  const people = details.flatMap((q) =>
    q.data
      ? q.data.people.filter((p) => !p.archived).map((p) => ({ ...p, departmentName: q.data.department.name }))
      : [],
  );
  const personOptions = participating.flatMap((depId) => {
    const own = people.filter((p) => p.departmentId === depId);
    if (own.length === 0) return [];
    return [
      {
        label: own[0]?.departmentName ?? depId,
        options: own.map((p) => ({ value: p.id, label: `${p.name}（${t(`role.${p.role}`)}）` })),
      },
    ];
  });
  // Keep the current speakers selectable while their departments' people load.
  for (const s of conference?.speakers ?? []) {
    if (!people.some((p) => p.id === s.personId) && participating.includes(s.departmentId)) {
      personOptions.push({ label: s.departmentName, options: [{ value: s.personId, label: s.personName }] });
    }
  }

  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const needsReason = Boolean(conference?.quarterEnded && conference.status === 'held');

  const submit = (values: Values) => {
    const input = toInput(values);
    if (!validate(conferenceFields, input)) return;
    const onError = (err: unknown) => showServerError(topLevelIssues(err));
    if (conference) {
      update.mutate(
        { id: conference.id, fields: input, reason: values.reason?.trim() ? values.reason.trim() : null },
        {
          onSuccess: (saved) => {
            message.success(t('common.saved'));
            navigate({ page: 'conference', id: saved.id });
          },
          onError,
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: (saved) => {
          message.success(t('conference.created', { title: saved.title }));
          navigate({ page: 'conference', id: saved.id });
        },
        onError,
      });
    }
  };

  const back = conference ? routeHref({ page: 'conference', id: conference.id }) : routeHref({ page: 'conferences' });

  return (
    <div className="page" data-testid="conference-editor">
      <a href={back} className="back-link">
        {conference ? conference.title : t('conference.back')}
      </a>
      <div className="page-header">
        <Typography.Title level={4} className="page-title">
          {conference ? t('conference.editTitle') : t('conference.new')}
        </Typography.Title>
      </div>
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={() => submit(form.getFieldsValue(true) as Values)}
          onValuesChange={(changed: object) =>
            form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))
          }
          requiredMark
          className="conference-form"
          data-testid="conference-form"
        >
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="title" label={t('conference.field.title')} required>
                <Input maxLength={LIMITS.title} autoFocus data-testid="conference-title" />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name="date" label={t('conference.field.date')} required>
                <DateField testId="conference-date" />
              </Form.Item>
            </Col>
            <Col span={3}>
              <Form.Item name="time" label={t('conference.field.time')}>
                <Input placeholder="09:30" maxLength={5} data-testid="conference-time" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="kind" label={t('conference.field.kind')}>
                <Select
                  options={CONFERENCE_KINDS.map((k) => ({ value: k, label: t(`conference.kind.${k}`) }))}
                  data-testid="conference-kind"
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="venue" label={t('conference.field.venue')}>
                <Input maxLength={LIMITS.shortText} data-testid="conference-venue" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="organizer" label={t('conference.field.organizer')} required>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'city', label: t('conference.organizer.city') },
                    { value: 'department', label: t('conference.organizer.department') },
                  ]}
                  data-testid="conference-organizer"
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              {organizer === 'department' ? (
                <Form.Item name="hostDepartmentId" label={t('conference.field.hostDepartmentId')} required>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={departmentOptions}
                    data-testid="conference-host"
                  />
                </Form.Item>
              ) : null}
            </Col>
          </Row>
          <Form.Item name="departmentIds" label={t('conference.field.departmentIds')}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={departmentOptions}
              data-testid="conference-departments"
            />
          </Form.Item>
          <Form.Item
            label={t('conference.field.speakers')}
            extra={participating.length === 0 ? t('conference.speaker.pickDepartments') : null}
          >
            <Form.List name="speakers">
              {(fields, { add, remove }, { errors }) => (
                <div className="speaker-list" data-testid="conference-speakers">
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" className="speaker-row">
                      <Form.Item name={[field.name, 'personId']} noStyle>
                        <Select
                          style={{ width: 300 }}
                          placeholder={t('conference.speaker.person')}
                          options={personOptions}
                          showSearch={{ optionFilterProp: 'label' }}
                          onChange={(personId: string) => {
                            const p = people.find((x) => x.id === personId);
                            if (p) form.setFieldValue(['speakers', field.name, 'role'], p.role);
                          }}
                          data-testid="speaker-person"
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'role']} noStyle>
                        <Select
                          style={{ width: 160 }}
                          placeholder={t('conference.speaker.role')}
                          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                          data-testid="speaker-role"
                        />
                      </Form.Item>
                      <Button type="link" onClick={() => remove(field.name)}>
                        {t('common.delete')}
                      </Button>
                    </Space>
                  ))}
                  <Button
                    onClick={() => add({ role: 'spokesperson' })}
                    disabled={participating.length === 0}
                    data-testid="add-speaker"
                  >
                    {t('conference.speaker.add')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </div>
              )}
            </Form.List>
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="topics" label={t('conference.field.topics')} extra={t('conference.topics.hint')}>
                <Select
                  mode="tags"
                  options={(topics.data ?? []).map((x) => ({ value: x, label: x }))}
                  data-testid="conference-topics"
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="mediaIds" label={t('conference.field.mediaIds')}>
                <Select
                  mode="multiple"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(media.data ?? [])
                    .filter((m) => !m.archived || initialValues.mediaIds.includes(m.id))
                    .map((m) => ({ value: m.id, label: m.name }))}
                  data-testid="conference-media"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="notes" label={t('conference.field.notes')}>
            <Input.TextArea maxLength={LIMITS.notes} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          {needsReason ? (
            <Form.Item name="reason" label={t('conference.editReason')} extra={t('conference.editReasonHint')}>
              <Input maxLength={1000} data-testid="conference-reason" />
            </Form.Item>
          ) : null}
          {formError ? (
            <Alert type="error" showIcon title={formError} data-testid="form-error" style={{ marginBottom: 12 }} />
          ) : null}
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={create.isPending || update.isPending}
              data-testid="form-submit"
            >
              {t('common.save')}
            </Button>
            <Button href={back}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
