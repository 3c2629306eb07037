// 导入名册: people of the departments from an Excel roster (.xlsx, or .csv as Excel saves it, GBK
// included). The file is previewed first: every row with what importing it would do, and every
// problem with its line. Importing writes all rows or none, so it is offered only for a clean file.
import { Alert, Button, Modal, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RosterPreview, RosterPreviewRow } from '../../../common/roster-types';
import { apiErrorText } from '../api/error-text';
import { useRosterImport, useRosterPreview } from '../api/exchange-hooks';
import { type Translate, useT } from '../i18n/use-t';
import { FilePicker, type PickedFile } from './exchange/file-picker';
import { rosterFileText, rosterRowText } from './exchange/server-text';
import './exchange/exchange.css';

type Counts = { created: number; updated: number; unchanged: number };

const ACTION_COLOR: Record<RosterPreviewRow['action'], string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
};

export function rosterCounts(rows: readonly RosterPreviewRow[]): Counts {
  return {
    created: rows.filter((r) => r.action === 'create').length,
    updated: rows.filter((r) => r.action === 'update').length,
    unchanged: rows.filter((r) => r.action === 'unchanged').length,
  };
}

/** `第3行“部门”：…` — the line and column as the user sees them in Excel. */
export function rosterErrorText(e: RosterPreview['errors'][number], t: Translate): string {
  const message = rosterRowText(e.message, t);
  return e.column
    ? t('roster.error.lineColumn', { line: e.line, column: e.column, message })
    : t('roster.error.line', { line: e.line, message });
}

function rosterColumns(t: Translate): TableColumnsType<RosterPreviewRow> {
  return [
    { title: t('roster.col.line'), dataIndex: 'line', width: 60, align: 'right' },
    {
      title: t('roster.col.department'),
      key: 'department',
      width: 200,
      render: (_, r) =>
        r.departmentText === r.departmentName ? (
          r.departmentName
        ) : (
          <span title={t('roster.matched', { text: r.departmentText, name: r.departmentName })}>
            {r.departmentText} → <strong>{r.departmentName}</strong>
          </span>
        ),
    },
    { title: t('roster.col.name'), dataIndex: 'name', width: 110 },
    {
      title: t('roster.col.role'),
      dataIndex: 'role',
      width: 110,
      render: (v: RosterPreviewRow['role']) => (v ? t(`role.${v}`) : t('common.none')),
    },
    {
      title: t('roster.col.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('roster.col.phone'),
      dataIndex: 'phone',
      width: 130,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('roster.col.email'),
      dataIndex: 'email',
      width: 190,
      ellipsis: true,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('roster.col.action'),
      dataIndex: 'action',
      width: 80,
      render: (v: RosterPreviewRow['action']) => <Tag color={ACTION_COLOR[v]}>{t(`roster.action.${v}`)}</Tag>,
    },
  ];
}

export function RosterImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const previewing = useRosterPreview();
  const importing = useRosterImport();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [result, setResult] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const columns = rosterColumns(t);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const pick = (picked: PickedFile) => {
    reset();
    setFile(picked);
    previewing.mutate(picked, {
      onSuccess: setPreview,
      onError: (err) => setError(apiErrorText(err, t)),
    });
  };

  const submit = () => {
    if (!file) return;
    setError(null);
    importing.mutate(file, {
      onSuccess: setResult,
      // The file was fine at preview; a refusal now means the register changed meanwhile.
      onError: (err) => setError(apiErrorText(err, t)),
    });
  };

  const close = () => {
    reset();
    onClose();
  };

  const blocked = !preview || preview.fileError !== null || preview.errors.length > 0 || preview.rows.length === 0;
  const counts = preview ? rosterCounts(preview.rows) : null;

  return (
    <Modal
      open={open}
      title={t('roster.title')}
      width={1080}
      onCancel={close}
      destroyOnHidden
      data-testid="roster-modal"
      footer={
        result ? (
          <Button type="primary" onClick={close} data-testid="roster-close">
            {t('common.ok')}
          </Button>
        ) : (
          <div className="exchange-actions">
            {preview && blocked ? (
              <Typography.Text type="secondary" data-testid="roster-blocked">
                {t('roster.blocked')}
              </Typography.Text>
            ) : null}
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={blocked}
              loading={importing.isPending}
              onClick={submit}
              data-testid="roster-import-submit"
            >
              {counts && !blocked ? t('roster.importCount', { count: preview?.rows.length ?? 0 }) : t('roster.import')}
            </Button>
          </div>
        )
      }
    >
      {result ? (
        <Alert
          type="success"
          showIcon
          title={t('roster.done')}
          description={t('roster.counts', result)}
          data-testid="roster-result"
        />
      ) : (
        <>
          <Typography.Paragraph>{t('roster.intro')}</Typography.Paragraph>
          <ul className="roster-columns">
            <li>{t('roster.column.department')}</li>
            <li>{t('roster.column.name')}</li>
            <li>{t('roster.column.role')}</li>
            <li>{t('roster.column.contact')}</li>
          </ul>
          <Typography.Paragraph type="secondary">{t('roster.matching')}</Typography.Paragraph>
          <Space className="block">
            <FilePicker
              label={file ? t('roster.pickAgain') : t('roster.pick')}
              accept=".xlsx,.csv"
              primary={!file}
              testId="roster-upload"
              busy={previewing.isPending}
              onFile={pick}
            />
            {file ? <Typography.Text type="secondary">{file.fileName}</Typography.Text> : null}
          </Space>
          {error ? <Alert type="error" showIcon title={error} className="block" data-testid="roster-error" /> : null}
          {preview?.fileError ? (
            <Alert
              type="error"
              showIcon
              className="block"
              title={t('roster.fileError')}
              description={rosterFileText(preview.fileError, t)}
              data-testid="roster-file-error"
            />
          ) : null}
          {preview && preview.errors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              className="block"
              title={t('roster.errors', { count: preview.errors.length })}
              description={
                <ul className="roster-errors" data-testid="roster-errors">
                  {preview.errors.map((e) => (
                    <li
                      key={`${e.line}:${e.column ?? ''}:${e.message}`}
                      data-testid="roster-row-error"
                      data-line={e.line}
                    >
                      {rosterErrorText(e, t)}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {preview && !preview.fileError && counts ? (
            <>
              <Typography.Paragraph data-testid="roster-summary">
                {t('roster.summary', { count: preview.rows.length, ...counts })}
              </Typography.Paragraph>
              <Table<RosterPreviewRow>
                rowKey="line"
                size="small"
                columns={columns}
                dataSource={preview.rows}
                pagination={false}
                scroll={{ y: 300 }}
                locale={{ emptyText: t('roster.noRows') }}
                data-testid="roster-preview"
              />
            </>
          ) : null}
        </>
      )}
    </Modal>
  );
}
