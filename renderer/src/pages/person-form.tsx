// Add or edit a person of a department: 主要负责同志, 新闻发言人 or 相关负责人.
import { App, Col, Form, Input, Radio, Row } from 'antd';
import { useState } from 'react';
import { type PersonFields, personFields, ROLES, type Role } from '../../../common/schemas';
import { LIMITS } from '../../../common/text';
import type { Person } from '../../../common/types';
import { useCreatePerson, useUpdatePerson } from '../api/hooks';
import { DateField } from '../components/date-field';
import { FormModal, ModalForm } from '../components/form-modal';
import { type FieldLabels, useFormErrors } from '../forms/use-form-errors';
import { useT } from '../i18n/use-t';

const LABELS: FieldLabels = {
  name: 'person.field.name',
  role: 'person.field.role',
  title: 'person.field.title',
  phone: 'person.field.phone',
  email: 'person.field.email',
  tenureStart: 'person.field.tenureStart',
  tenureEnd: 'person.field.tenureEnd',
  notes: 'person.field.notes',
};

interface Values {
  name: string;
  role: Role;
  title: string;
  phone: string;
  email: string;
  tenureStart: string | null;
  tenureEnd: string | null;
  notes: string;
}

function toValues(p: Person | undefined): Partial<Values> {
  if (!p) return { role: 'spokesperson' };
  return {
    name: p.name,
    role: p.role,
    title: p.title ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    tenureStart: p.tenureStart,
    tenureEnd: p.tenureEnd,
    notes: p.notes ?? '',
  };
}

function toInput(departmentId: string, v: Values): PersonFields {
  return {
    departmentId,
    name: v.name ?? '',
    role: v.role,
    title: v.title?.trim() ? v.title : null,
    phone: v.phone?.trim() ? v.phone : null,
    email: v.email?.trim() ? v.email.trim() : null,
    tenureStart: v.tenureStart ?? null,
    tenureEnd: v.tenureEnd ?? null,
    notes: v.notes?.trim() ? v.notes : null,
  };
}

interface Props {
  open: boolean;
  departmentId: string;
  person?: Person;
  onClose: () => void;
}

export function PersonFormModal({ open, departmentId, person, onClose }: Props) {
  const t = useT();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      testId="person-form-modal"
      title={t(person ? 'person.form.editTitle' : 'person.form.createTitle')}
    >
      <PersonForm departmentId={departmentId} person={person} onClose={onClose} />
    </FormModal>
  );
}

function PersonForm({ departmentId, person, onClose }: Omit<Props, 'open'>) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { formError, validate, showServerError } = useFormErrors(form, LABELS);
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const [initialValues] = useState(() => toValues(person));

  const submit = (values: Values) => {
    const input = toInput(departmentId, values);
    if (!validate(personFields, input)) return;
    const done = (saved: Person) => {
      message.success(t('person.saved', { name: saved.name }));
      onClose();
    };
    if (person) update.mutate({ id: person.id, fields: input }, { onSuccess: done, onError: showServerError });
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
      testId="person-form"
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="name" label={t('person.field.name')} required>
            <Input maxLength={LIMITS.name} autoFocus data-testid="person-name" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="role" label={t('person.field.role')} required>
            <Radio.Group
              optionType="button"
              data-testid="person-role"
              options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('person.field.title')}>
        <Input maxLength={LIMITS.title} showCount data-testid="person-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="phone" label={t('person.field.phone')}>
            <Input maxLength={LIMITS.phone} data-testid="person-phone" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="email" label={t('person.field.email')}>
            <Input maxLength={LIMITS.email} data-testid="person-email" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="tenureStart" label={t('person.field.tenureStart')}>
            <DateField testId="person-tenureStart" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="tenureEnd" label={t('person.field.tenureEnd')}>
            <DateField testId="person-tenureEnd" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('person.field.notes')}>
        <Input.TextArea maxLength={LIMITS.notes} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </ModalForm>
  );
}
