// Add a training record (培训记录) for a person.
import { App, Col, Form, Input, InputNumber, Row } from 'antd';
import { type TrainingFields, trainingFields } from '../../../common/schemas';
import { LIMITS } from '../../../common/text';
import type { Person } from '../../../common/types';
import { useCreateTraining } from '../api/hooks';
import { DateField } from '../components/date-field';
import { FormModal, ModalForm } from '../components/form-modal';
import { type FieldLabels, useFormErrors } from '../forms/use-form-errors';
import { useT } from '../i18n/use-t';

const LABELS: FieldLabels = {
  date: 'training.field.date',
  course: 'training.field.course',
  hours: 'training.field.hours',
};

interface Values {
  date: string | null;
  course: string;
  hours: number | null;
}

interface Props {
  person: Person | null;
  onClose: () => void;
}

export function TrainingFormModal({ person, onClose }: Props) {
  const t = useT();
  return (
    <FormModal
      open={person !== null}
      onClose={onClose}
      testId="training-form-modal"
      width={520}
      title={t('training.form.title', { name: person?.name ?? '' })}
    >
      {person ? <TrainingForm person={person} onClose={onClose} /> : null}
    </FormModal>
  );
}

function TrainingForm({ person, onClose }: { person: Person; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { formError, validate, showServerError } = useFormErrors(form, LABELS);
  const create = useCreateTraining();

  const submit = (values: Values) => {
    const input: TrainingFields = {
      personId: person.id,
      date: values.date ?? '',
      course: values.course ?? '',
      hours: typeof values.hours === 'number' ? values.hours : null,
    };
    // A missing date reads as "required", not as "invalid date".
    if (!validate(trainingFields, { ...input, date: values.date ?? undefined })) return;
    create.mutate(input, {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: showServerError,
    });
  };

  return (
    <ModalForm<Values>
      form={form}
      initialValues={{}}
      onSubmit={submit}
      onCancel={onClose}
      submitting={create.isPending}
      formError={formError}
      testId="training-form"
    >
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="date" label={t('training.field.date')} required>
            <DateField testId="training-date" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="hours" label={t('training.field.hours')}>
            <InputNumber min={0} max={10_000} style={{ width: '100%' }} data-testid="training-hours" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="course" label={t('training.field.course')} required>
        <Input maxLength={LIMITS.title} showCount data-testid="training-course" />
      </Form.Item>
    </ModalForm>
  );
}
