// 发文设置: the office's particulars the documents use — 发布机构名称, the 发文字号 prefix, the
// signature (落款) and the folder exports go to.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { useEffect } from 'react';
import { type OfficeFields, officeFields } from '../../../common/document-schemas';
import { LIMITS } from '../../../common/text';
import { libraryKeys } from '../api/library-hooks';
import { useOffice, useUpdateOffice } from '../api/office-hooks';
import '../components/library/library.css';
import { Loading, QueryError } from '../components/query-state';
import { type FieldLabels, useFormErrors } from '../forms/use-form-errors';
import { useT } from '../i18n/use-t';

const LABELS: FieldLabels = {
  name: 'library.office.name',
  docPrefix: 'library.office.docPrefix',
  signature: 'library.office.signature',
  exportDir: 'library.office.exportDir',
};

interface Values {
  name: string;
  docPrefix: string;
  signature: string;
  exportDir: string;
}

export function OfficePanel() {
  const t = useT();
  const { message } = App.useApp();
  const office = useOffice();
  const update = useUpdateOffice();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { formError, validate, showServerError } = useFormErrors(form, LABELS);

  useEffect(() => {
    if (office.data) {
      form.setFieldsValue({
        name: office.data.name,
        docPrefix: office.data.docPrefix,
        signature: office.data.signature,
        exportDir: office.data.exportDir ?? '',
      });
    }
  }, [office.data, form]);

  if (office.isLoading) return <Loading />;
  if (office.error || !office.data) return <QueryError error={office.error} onRetry={() => void office.refetch()} />;
  const defaultDir = office.data.defaultExportDir;

  const submit = () => {
    const v = form.getFieldsValue(true) as Values;
    const input: OfficeFields = {
      name: v.name ?? '',
      docPrefix: v.docPrefix?.trim() ?? '',
      signature: v.signature ?? '',
      exportDir: v.exportDir?.trim() ? v.exportDir.trim() : null,
    };
    if (!validate(officeFields, input)) return;
    update.mutate(input, {
      onSuccess: () => {
        // Template previews show the office's name: they are filled again when next looked at.
        void client.invalidateQueries({ queryKey: libraryKeys.templates });
        message.success(t('library.office.saved'));
      },
      onError: showServerError,
    });
  };

  return (
    <div className="office-panel" data-testid="office-panel">
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '140px' }}
        labelAlign="left"
        colon={false}
        onFinish={submit}
        onValuesChange={(changed: object) =>
          form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))
        }
      >
        <Form.Item name="name" label={t('library.office.name')} required extra={t('library.office.nameHint')}>
          <Input maxLength={LIMITS.name} data-testid="office-name" />
        </Form.Item>
        <Form.Item name="docPrefix" label={t('library.office.docPrefix')} extra={t('library.office.docPrefixHint')}>
          <Input maxLength={50} style={{ width: 240 }} placeholder="日新办" data-testid="office-docPrefix" />
        </Form.Item>
        <Form.Item name="signature" label={t('library.office.signature')} extra={t('library.office.signatureHint')}>
          <Input maxLength={LIMITS.shortText} data-testid="office-signature" />
        </Form.Item>
        <Form.Item
          name="exportDir"
          label={t('library.office.exportDir')}
          extra={t('library.office.exportDirHint', { dir: defaultDir })}
        >
          <Input
            maxLength={1000}
            placeholder={t('library.office.exportDirDefault', { dir: defaultDir })}
            data-testid="office-exportDir"
          />
        </Form.Item>
        {formError ? (
          <Alert type="error" showIcon title={formError} className="block-tight" data-testid="form-error" />
        ) : null}
        <Form.Item label=" ">
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="office-save">
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}
