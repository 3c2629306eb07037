// 预览: the template being edited, filled from a conference (and optionally a department and a person)
// by the server, as a document drafted from it would start. What has no value shows as 【待填：…】.
import { Alert, Card, Select, Space, Tag, Typography } from 'antd';
import { parseBody } from '../../../../common/document-body';
import { apiErrorText } from '../../api/error-text';
import { useDepartments } from '../../api/hooks';
import { useDepartmentPeople, useTemplatePreview } from '../../api/library-hooks';
import { useLanguage, useT } from '../../i18n/use-t';
import { useDebounced } from '../../use-debounced';
import { useSessionState } from '../../use-session-state';
import { ConferencePicker } from '../conference-picker';
import { placeholderLabel, placeholderText, splitMissingMarks } from './template-text';

interface Records {
  conferenceId: string | null;
  departmentId: string | null;
  personId: string | null;
}

const NONE: Records = { conferenceId: null, departmentId: null, personId: null };

function Marked({ text }: { text: string }) {
  return (
    <>
      {splitMissingMarks(text).map((part, i) =>
        part.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order
          <mark key={i} className="template-missing" data-testid="preview-missing-mark">
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

export function TemplatePreview({ title, body }: { title: string; body: string }) {
  const t = useT();
  const language = useLanguage();
  const [records, setRecords] = useSessionState<Records>('templates.preview', NONE);
  const departments = useDepartments({});
  const department = useDepartmentPeople(records.departmentId);
  const debouncedTitle = useDebounced(title, 300);
  const debouncedBody = useDebounced(body, 300);
  const preview = useTemplatePreview({
    title: debouncedTitle,
    body: debouncedBody,
    conferenceId: records.conferenceId,
    departmentId: records.departmentId,
    personId: records.personId,
  });

  const people = records.departmentId ? (department.data?.people ?? []).filter((p) => !p.archived) : [];
  const filled = preview.data;
  const blocks = filled ? parseBody(filled.body) : [];

  return (
    <Card size="small" title={t('library.preview.title')} className="template-preview" data-testid="template-preview">
      <div className="template-preview-controls">
        <ConferencePicker
          className="span-2"
          value={records.conferenceId}
          onChange={(conferenceId) => setRecords({ ...records, conferenceId })}
          placeholder={t('library.preview.conference')}
          notFoundContent={t('library.preview.noConferences')}
          testId="preview-conference"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={records.departmentId}
          onChange={(departmentId) => setRecords({ ...records, departmentId: departmentId ?? null, personId: null })}
          placeholder={t('library.preview.department')}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          data-testid="preview-department"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={records.personId}
          disabled={!records.departmentId}
          onChange={(personId) => setRecords({ ...records, personId: personId ?? null })}
          placeholder={t(records.departmentId ? 'library.preview.person' : 'library.preview.personFirst')}
          options={people.map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }))}
          data-testid="preview-person"
        />
      </div>
      {preview.error ? <Alert type="error" showIcon title={apiErrorText(preview.error, t)} /> : null}
      <div
        className="template-preview-paper"
        data-testid="preview-paper"
        aria-busy={preview.isFetching}
        style={{ opacity: preview.isPlaceholderData ? 0.6 : 1 }}
      >
        {filled ? (
          <>
            <div className="template-preview-title" data-testid="preview-title">
              <Marked text={filled.title} />
            </div>
            <div data-testid="preview-body">
              {blocks.map((block, i) => (
                <p
                  // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of one text, in order
                  key={i}
                  className={block.type === 'heading1' ? 'h1' : block.type === 'heading2' ? 'h2' : undefined}
                >
                  {'text' in block ? <Marked text={block.text} /> : null}
                </p>
              ))}
            </div>
          </>
        ) : (
          <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
        )}
      </div>
      {filled && filled.missing.length > 0 ? (
        <div className="template-missing-list" data-testid="preview-missing">
          <Typography.Text type="secondary" className="small">
            {t('library.preview.missing', { count: filled.missing.length })}
          </Typography.Text>
          {filled.missing.map((key) => (
            <Tag key={key} color="orange" title={placeholderText(key)}>
              {placeholderLabel(key, language)}
            </Tag>
          ))}
        </div>
      ) : filled ? (
        <Space className="template-missing-list">
          <Typography.Text type="secondary" className="small" data-testid="preview-complete">
            {t('library.preview.complete')}
          </Typography.Text>
        </Space>
      ) : null}
    </Card>
  );
}
