// The frame shared by the register's forms: a modal whose form submits on Enter and closes on Esc,
// with an alert for problems that belong to no single field.
import { Alert, Button, Form, type FormInstance, Modal, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';

interface FormModalProps {
  open: boolean;
  title: string;
  testId: string;
  width?: number;
  onClose: () => void;
  children: ReactNode;
}

export function FormModal({ open, title, testId, width = 640, onClose, children }: FormModalProps) {
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      footer={null}
      width={width}
      destroyOnHidden
      data-testid={testId}
    >
      {open ? children : null}
    </Modal>
  );
}

interface ModalFormProps<T> {
  form: FormInstance<T>;
  initialValues: Partial<T>;
  onSubmit: (values: T) => void;
  onCancel: () => void;
  submitting: boolean;
  formError: string | null;
  testId: string;
  children: ReactNode;
}

export function ModalForm<T>({
  form,
  initialValues,
  onSubmit,
  onCancel,
  submitting,
  formError,
  testId,
  children,
}: ModalFormProps<T>) {
  const t = useT();
  return (
    <Form<T>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={() => onSubmit(form.getFieldsValue(true) as T)}
      // Errors come from the schema, not from field rules, so a field's error goes when it is edited.
      onValuesChange={(changed: object) =>
        (form as FormInstance).setFields(Object.keys(changed).map((name) => ({ name, errors: [] })))
      }
      data-testid={testId}
      requiredMark
      className="modal-form"
    >
      {children}
      {formError ? (
        <Alert type="error" showIcon title={formError} data-testid="form-error" style={{ marginBottom: 12 }} />
      ) : null}
      <div className="modal-form-footer">
        <Space>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="form-submit">
            {t('common.save')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}
