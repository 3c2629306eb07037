// Add or edit an entry of the answer library (口径库). Changing the question or the answer makes a
// new version server-side; the department, topic and tags are filed with the entry.
import { App, AutoComplete, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { type AnswerFields, answerFields } from '../../../../common/document-schemas';
import type { AnswerView } from '../../../../common/document-types';
import { LIMITS } from '../../../../common/text';
import { useTopics } from '../../api/conference-hooks';
import { useDepartments } from '../../api/hooks';
import { useCreateAnswer, useUpdateAnswer } from '../../api/library-hooks';
import { type FieldLabels, useFormErrors } from '../../forms/use-form-errors';
import { useT } from '../../i18n/use-t';
import { FormModal, ModalForm } from '../form-modal';

const LABELS: FieldLabels = {
  question: 'library.answer.field.question',
  answer: 'library.answer.field.answer',
  departmentId: 'library.answer.field.department',
  topic: 'library.answer.field.topic',
  tags: 'library.answer.field.tags',
};

interface Values {
  question: string;
  answer: string;
  departmentId: string | null;
  topic: string;
  tags: string[];
}

function toValues(a: AnswerView | null): Partial<Values> {
  if (!a) return { question: '', answer: '', departmentId: null, topic: '', tags: [] };
  return { question: a.question, answer: a.answer, departmentId: a.departmentId, topic: a.topic ?? '', tags: a.tags };
}

function toInput(v: Values): AnswerFields {
  return {
    question: v.question ?? '',
    answer: v.answer ?? '',
    departmentId: v.departmentId ?? null,
    topic: v.topic?.trim() ?? null,
    // Tags are typed freely: the same tag twice, or one of spaces, is one slip too many.
    tags: [...new Set((v.tags ?? []).map((tag) => tag.trim()).filter(Boolean))],
  };
}

interface Props {
  open: boolean;
  /** null: a new entry. */
  answer: AnswerView | null;
  onClose: () => void;
}

export function AnswerFormModal({ open, answer, onClose }: Props) {
  const t = useT();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      width={720}
      testId="answer-form-modal"
      title={t(answer ? 'library.answer.form.editTitle' : 'library.answer.form.createTitle')}
    >
      <AnswerForm answer={answer} onClose={onClose} />
    </FormModal>
  );
}

function AnswerForm({ answer, onClose }: Omit<Props, 'open'>) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { formError, validate, showServerError } = useFormErrors(form, LABELS);
  const create = useCreateAnswer();
  const update = useUpdateAnswer();
  const departments = useDepartments({});
  const topics = useTopics();
  const [initialValues] = useState(() => toValues(answer));

  const submit = (values: Values) => {
    const input = toInput(values);
    if (!validate(answerFields, input)) return;
    const done = () => {
      message.success(t(answer ? 'library.answer.saved' : 'library.answer.created'));
      onClose();
    };
    if (answer) update.mutate({ id: answer.id, fields: input }, { onSuccess: done, onError: showServerError });
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
      testId="answer-form"
    >
      <Form.Item name="question" label={t('library.answer.field.question')} required>
        <Input.TextArea
          maxLength={LIMITS.notes}
          autoSize={{ minRows: 2, maxRows: 4 }}
          autoFocus
          data-testid="answer-question"
        />
      </Form.Item>
      <Form.Item
        name="answer"
        label={t('library.answer.field.answer')}
        required
        extra={answer ? t('library.answer.form.versionHint', { version: answer.version }) : null}
      >
        <Input.TextArea
          maxLength={LIMITS.notes}
          showCount
          autoSize={{ minRows: 5, maxRows: 12 }}
          data-testid="answer-answer"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="departmentId" label={t('library.answer.field.department')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('library.answer.form.noDepartment')}
              loading={departments.isLoading}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              data-testid="answer-department"
            />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="topic" label={t('library.answer.field.topic')}>
            <AutoComplete
              allowClear
              maxLength={100}
              options={(topics.data ?? []).map((topic) => ({ value: topic }))}
              showSearch={{
                filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()),
              }}
              placeholder={t('library.answer.form.topicPlaceholder')}
              data-testid="answer-topic"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="tags" label={t('library.answer.field.tags')} extra={t('library.answer.form.tagsHint')}>
        <Select
          mode="tags"
          tokenSeparators={[',', '，', '、']}
          notFoundContent={null}
          suffixIcon={null}
          data-testid="answer-tags"
        />
      </Form.Item>
    </ModalForm>
  );
}
