// Add or edit a department (部门). A rename keeps the old name in the history server-side.
import { App, Checkbox, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useState } from 'react';
import { type DepartmentFields, departmentFields } from '../../../common/schemas';
import { LIMITS } from '../../../common/text';
import type { Department } from '../../../common/types';
import { useCreateDepartment, useUpdateDepartment } from '../api/hooks';
import { DateField } from '../components/date-field';
import { FormModal, ModalForm } from '../components/form-modal';
import { type FieldLabels, useFormErrors } from '../forms/use-form-errors';
import { useT } from '../i18n/use-t';

const LABELS: FieldLabels = {
  name: 'department.field.name',
  fullName: 'department.field.fullName',
  listed: 'department.field.listed',
  listedFrom: 'department.field.listedFrom',
  listedUntil: 'department.field.listedUntil',
  contactPerson: 'department.field.contactPerson',
  contactPhone: 'department.field.contactPhone',
  sortOrder: 'department.field.sortOrder',
  notes: 'department.field.notes',
};

interface Values {
  name: string;
  fullName: string;
  listed: boolean;
  listedFrom: string | null;
  listedUntil: string | null;
  contactPerson: string;
  contactPhone: string;
  sortOrder: number | null;
  notes: string;
}

function toValues(d: Department | undefined): Partial<Values> {
  if (!d) return { listed: true };
  return {
    name: d.name,
    fullName: d.fullName,
    listed: d.listed,
    listedFrom: d.listedFrom,
    listedUntil: d.listedUntil,
    contactPerson: d.contactPerson ?? '',
    contactPhone: d.contactPhone ?? '',
    sortOrder: d.sortOrder,
    notes: d.notes ?? '',
  };
}

function toInput(v: Values): DepartmentFields {
  return {
    name: v.name ?? '',
    fullName: v.fullName ?? '',
    listed: v.listed ?? false,
    listedFrom: v.listedFrom ?? null,
    listedUntil: v.listedUntil ?? null,
    contactPerson: v.contactPerson ?? null,
    contactPhone: v.contactPhone ?? null,
    ...(typeof v.sortOrder === 'number' ? { sortOrder: v.sortOrder } : {}),
    notes: v.notes ?? null,
  };
}

interface Props {
  open: boolean;
  department?: Department;
  onClose: () => void;
  onSaved?: (department: Department) => void;
}

export function DepartmentFormModal({ open, department, onClose, onSaved }: Props) {
  const t = useT();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      testId="department-form-modal"
      title={t(department ? 'department.form.editTitle' : 'department.form.createTitle')}
    >
      <DepartmentForm department={department} onClose={onClose} onSaved={onSaved} />
    </FormModal>
  );
}

function DepartmentForm({ department, onClose, onSaved }: Omit<Props, 'open'>) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { formError, validate, showServerError } = useFormErrors(form, LABELS);
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const [initialValues] = useState(() => toValues(department));

  const submit = (values: Values) => {
    const input = toInput(values);
    if (!validate(departmentFields, input)) return;
    const done = (saved: Department) => {
      message.success(department ? t('common.saved') : t('register.created', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    };
    if (department) update.mutate({ id: department.id, fields: input }, { onSuccess: done, onError: showServerError });
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
      testId="department-form"
    >
      {department ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('department.form.renameHint')}
        </Typography.Paragraph>
      ) : null}
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="name" label={t('department.field.name')} required>
            <Input maxLength={LIMITS.name} showCount autoFocus data-testid="department-name" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="fullName" label={t('department.field.fullName')} required>
            <Input maxLength={LIMITS.name} showCount data-testid="department-fullName" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="listed" label={t('department.field.listed')} valuePropName="checked">
            <Checkbox data-testid="department-listed">{t('register.listed.yes')}</Checkbox>
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="listedFrom" label={t('department.field.listedFrom')}>
            <DateField testId="department-listedFrom" />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="listedUntil" label={t('department.field.listedUntil')}>
            <DateField testId="department-listedUntil" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={9}>
          <Form.Item name="contactPerson" label={t('department.field.contactPerson')}>
            <Input maxLength={LIMITS.name} />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="contactPhone" label={t('department.field.contactPhone')}>
            <Input maxLength={LIMITS.phone} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="sortOrder"
            label={t('department.field.sortOrder')}
            tooltip={t('department.form.sortOrderHint')}
          >
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('department.field.notes')}>
        <Input.TextArea maxLength={LIMITS.notes} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </ModalForm>
  );
}
