// Saving a file the app makes (.docx, .xlsx, packs): the folder (remembered, defaulting to the
// office's export folder) and the file name, both editable; an existing file is replaced only after
// the user confirms. The app writes the file itself, atomically; the dialog shows where it went.
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../api/client';
import { apiErrorText } from '../api/error-text';
import { useOffice } from '../api/office-hooks';
import { useT } from '../i18n/use-t';

export interface ExportTarget {
  dir: string;
  fileName: string;
  overwrite: boolean;
}

interface ExportDialogProps {
  open: boolean;
  title: string;
  /** The suggested file name, extension included. */
  fileName: string;
  testId?: string;
  onClose: () => void;
  /** Writes the file; resolves to the paths written. */
  write: (target: ExportTarget) => Promise<string[]>;
}

const LAST_DIR = 'press-office.exportDir';

export function ExportDialog({ open, title, fileName, testId = 'export-dialog', onClose, write }: ExportDialogProps) {
  const t = useT();
  const office = useOffice();
  const [dir, setDir] = useState('');
  const [name, setName] = useState(fileName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<string[] | null>(null);
  const [confirmOverwrite, setConfirmOverwrite] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName(fileName);
    setError(null);
    setWritten(null);
    setConfirmOverwrite(false);
    setDir(localStorage.getItem(LAST_DIR) || office.data?.defaultExportDir || '');
  }, [open, fileName, office.data?.defaultExportDir]);

  const run = async (overwrite: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const paths = await write({ dir: dir.trim(), fileName: name.trim(), overwrite });
      localStorage.setItem(LAST_DIR, dir.trim());
      setWritten(paths);
      setConfirmOverwrite(false);
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'file_exists') setConfirmOverwrite(true);
      else setError(apiErrorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden data-testid={testId}>
      {written ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon message={t('export.done')} />
          {written.map((p) => (
            <Typography.Text key={p} copyable code data-testid="export-path">
              {p}
            </Typography.Text>
          ))}
          <div style={{ textAlign: 'right' }}>
            <Button type="primary" onClick={onClose} data-testid="export-close">
              {t('common.ok')}
            </Button>
          </div>
        </Space>
      ) : (
        <Form layout="vertical" onFinish={() => void run(false)}>
          <Form.Item label={t('export.dir')} extra={t('export.dirHint')} required>
            <Input value={dir} onChange={(e) => setDir(e.target.value)} data-testid="export-dir" />
          </Form.Item>
          <Form.Item label={t('export.fileName')} required>
            <Input value={name} onChange={(e) => setName(e.target.value)} data-testid="export-file-name" />
          </Form.Item>
          {confirmOverwrite ? (
            <Alert
              type="warning"
              showIcon
              message={t('export.exists', { name })}
              action={
                <Space>
                  <Button
                    size="small"
                    danger
                    onClick={() => void run(true)}
                    loading={busy}
                    data-testid="export-overwrite"
                  >
                    {t('export.overwrite')}
                  </Button>
                  <Button size="small" onClick={() => setConfirmOverwrite(false)}>
                    {t('export.rename')}
                  </Button>
                </Space>
              }
              style={{ marginBottom: 16 }}
            />
          ) : null}
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
          <div style={{ textAlign: 'right' }}>
            <Space>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button
                type="primary"
                htmlType="submit"
                loading={busy}
                disabled={!dir.trim() || !name.trim() || confirmOverwrite}
                data-testid="export-save"
              >
                {busy ? t('export.writing') : t('export.save')}
              </Button>
            </Space>
          </div>
        </Form>
      )}
    </Modal>
  );
}
