// Merge a department into its successor (e.g. 市卫生局 + 市人口计生委 → 市卫生计生委).
import { Alert, App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import type { Department } from '../../../common/types';
import { apiErrorText } from '../api/error-text';
import { useDepartments, useMergeDepartment } from '../api/hooks';
import { useT } from '../i18n/use-t';

interface Props {
  department: Department;
  open: boolean;
  onClose: () => void;
}

export function MergeModal({ department, open, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [intoId, setIntoId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const candidates = useDepartments({});
  const merge = useMergeDepartment();
  const options = (candidates.data ?? [])
    .filter((d) => d.id !== department.id && d.status === 'active')
    .map((d) => ({ value: d.id, label: `${d.name}（${d.fullName}）` }));

  const submit = () => {
    if (!intoId) {
      setError(t('validation.choose', { field: t('department.merge.target') }));
      return;
    }
    merge.mutate(
      { id: department.id, intoId },
      {
        onSuccess: () => {
          const into = options.find((o) => o.value === intoId);
          message.success(t('department.merge.done', { name: department.name, into: into?.label ?? intoId }));
          onClose();
        },
        onError: (err) => setError(apiErrorText(err, t)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('department.merge.title', { name: department.name })}
      onCancel={onClose}
      onOk={submit}
      okText={t('department.merge.ok')}
      okButtonProps={{ danger: true, loading: merge.isPending, disabled: !intoId }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="merge-modal"
    >
      <Alert type="warning" showIcon title={t('department.merge.warning')} style={{ marginBottom: 16 }} />
      <Form layout="vertical">
        <Form.Item label={t('department.merge.target')} required validateStatus={error ? 'error' : ''} help={error}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            value={intoId}
            onChange={(v: string) => {
              setIntoId(v);
              setError(null);
            }}
            loading={candidates.isLoading}
            data-testid="merge-target"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
