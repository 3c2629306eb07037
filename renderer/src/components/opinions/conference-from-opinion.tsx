// 召开新闻发布会回应: plans a press conference on the item's topic (opinions.conference), then offers
// the way to it. The server links the item and records the response as 新闻发布会.
import { Alert, App, Button, Col, Form, type FormInstance, Input, Row, Space } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import type { OpinionView } from '../../../../common/opinion-types';
import { date } from '../../../../common/schemas';
import { LIMITS, optionalText } from '../../../../common/text';
import { useOpinionConference } from '../../api/opinion-hooks';
import { type FieldLabels, useFormErrors } from '../../forms/use-form-errors';
import { useT } from '../../i18n/use-t';
import { navigate, routeHref } from '../../routing';
import { DateField } from '../date-field';
import { FormModal } from '../form-modal';

const conferenceFromOpinion = z.object({
  date,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:MM' })
    .nullable(),
  title: optionalText(LIMITS.title),
});

const LABELS: FieldLabels = {
  date: 'opinions.conference.date',
  time: 'opinions.conference.time',
  title: 'opinions.conference.name',
};

interface Values {
  date: string | null;
  time: string;
  title: string;
}

/** What the conference is about: the item's topic, or the start of its summary (as the server does). */
export function conferenceTopic(item: Pick<OpinionView, 'topic' | 'summary'>): string {
  return item.topic ?? Array.from(item.summary).slice(0, 30).join('');
}

interface Props {
  item: OpinionView;
  open: boolean;
  /** The office's today, the first date offered. */
  today: string | null;
  onClose: () => void;
  onPlanned: (item: OpinionView) => void;
}

export function ConferenceFromOpinionModal({ item, open, today, onClose, onPlanned }: Props) {
  const t = useT();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      width={560}
      testId="opinion-conference-modal"
      title={t('opinions.conference.title')}
    >
      <ConferenceForm item={item} today={today} onClose={onClose} onPlanned={onPlanned} />
    </FormModal>
  );
}

function ConferenceForm({ item, today, onClose, onPlanned }: Omit<Props, 'open'>) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { formError, validate, showServerError } = useFormErrors(form, LABELS);
  const plan = useOpinionConference();
  const [initialValues] = useState<Values>(() => ({
    date: today,
    time: '',
    title: t('opinions.conference.defaultTitle', { topic: conferenceTopic(item) }),
  }));

  const submit = (values: Values) => {
    const input = validate(conferenceFromOpinion, {
      date: values.date ?? '',
      time: values.time?.trim() ? values.time.trim() : null,
      title: values.title?.trim() ?? null,
    });
    if (!input) return;
    plan.mutate(
      { id: item.id, ...input },
      {
        onSuccess: (saved) => {
          onPlanned(saved);
          onClose();
          const conferenceId = saved.conferenceId;
          if (!conferenceId) return;
          const key = `opinion-conference-${conferenceId}`;
          void message.success({
            key,
            duration: 8,
            content: (
              <span data-testid="opinion-conference-done">
                {t('opinions.conference.done', { title: saved.conferenceTitle ?? '' })}{' '}
                <a
                  href={routeHref({ page: 'conference', id: conferenceId })}
                  onClick={(e) => {
                    e.preventDefault();
                    message.destroy(key);
                    navigate({ page: 'conference', id: conferenceId });
                  }}
                  data-testid="opinion-conference-open"
                >
                  {t('opinions.conference.open')}
                </a>
              </span>
            ),
          });
        },
        onError: showServerError,
      },
    );
  };

  // The shared ModalForm's button says 保存; this one says what it does.
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={() => submit(form.getFieldsValue(true) as Values)}
      onValuesChange={(changed: object) =>
        (form as FormInstance).setFields(Object.keys(changed).map((name) => ({ name, errors: [] })))
      }
      requiredMark
      className="modal-form"
      data-testid="opinion-conference-form"
    >
      <Alert type="info" showIcon title={t('opinions.conference.hint')} style={{ marginBottom: 16 }} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="date" label={t('opinions.conference.date')} required>
            <DateField testId="opinion-conference-date" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="time" label={t('opinions.conference.time')}>
            <Input placeholder="09:30" maxLength={5} data-testid="opinion-conference-time" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('opinions.conference.name')}>
        <Input maxLength={LIMITS.title} autoFocus data-testid="opinion-conference-title" />
      </Form.Item>
      {formError ? (
        <Alert type="error" showIcon title={formError} data-testid="form-error" style={{ marginBottom: 12 }} />
      ) : null}
      <div className="modal-form-footer">
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={plan.isPending} data-testid="opinion-conference-submit">
            {t('opinions.conference.submit')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}
