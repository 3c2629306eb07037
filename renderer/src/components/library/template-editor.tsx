// The template editor: name, title and body with the placeholder menu, checked as staff type (errors
// in red with their line, warnings in amber), saved only when no error is left, and previewed beside.
// A built-in opens read-only here, with the button that copies it into an editable office template.
import {
  Alert,
  App,
  Button,
  Col,
  Form,
  Input,
  type InputRef,
  Popconfirm,
  type RefSelectProps,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { TemplateView } from '../../../../common/document-types';
import { type TemplateIssue, validateTemplate } from '../../../../common/templates/engine';
import { LIMITS } from '../../../../common/text';
import { ApiRequestError } from '../../api/client';
import { apiErrorText } from '../../api/error-text';
import { useCopyTemplate, useRemoveTemplate, useUpdateTemplate } from '../../api/library-hooks';
import { useT } from '../../i18n/use-t';
import { IssueList } from './issue-list';
import { serverIssueTexts } from './issue-text';
import { PlaceholderMenu } from './placeholder-menu';
import { TemplatePreview } from './template-preview';
import { insertAtSelection, offsetAt, placeholderText } from './template-text';

type Field = 'title' | 'body';

interface Props {
  template: TemplateView;
  onBack: () => void;
  /** Opens another template in the editor (the copy just made of a built-in). */
  onOpen: (id: string) => void;
}

export function TemplateEditor({ template, onBack, onOpen }: Props) {
  const t = useT();
  const { message, modal } = App.useApp();
  const readOnly = template.builtin;
  const [saved, setSaved] = useState({ name: template.name, title: template.title, body: template.body });
  const [name, setName] = useState(template.name);
  const [title, setTitle] = useState(template.title);
  const [body, setBody] = useState(template.body);
  const [nameError, setNameError] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const update = useUpdateTemplate();
  const copy = useCopyTemplate();
  const remove = useRemoveTemplate();
  const titleRef = useRef<InputRef>(null);
  const bodyRef = useRef<TextAreaRef>(null);
  const menuRef = useRef<RefSelectProps>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const lastField = useRef<Field>('body');
  const pendingCaret = useRef<{ field: Field; start: number; end: number } | null>(null);

  // Checking is linear in the text; deferring keeps typing smooth in a very long body.
  const checked = useDeferredValue(useMemo(() => ({ title, body }), [title, body]));
  const issues = useMemo(() => validateTemplate(checked), [checked]);
  const errors = issues.filter((i) => i.severity === 'error');
  const dirty = name !== saved.name || title !== saved.title || body !== saved.body;

  const element = useCallback(
    (field: Field): HTMLInputElement | HTMLTextAreaElement | null =>
      field === 'title' ? (titleRef.current?.input ?? null) : (bodyRef.current?.resizableTextArea?.textArea ?? null),
    [],
  );

  // Puts the cursor where an edit or a jump asked, once the new text is rendered.
  useEffect(() => {
    const pending = pendingCaret.current;
    if (!pending) return;
    pendingCaret.current = null;
    const el = element(pending.field);
    if (!el) return;
    el.focus();
    el.setSelectionRange(pending.start, pending.end);
  });

  const insert = (key: string) => {
    const field = lastField.current;
    const el = element(field);
    const current = field === 'title' ? title : body;
    const edited = insertAtSelection(
      current,
      el?.selectionStart ?? current.length,
      el?.selectionEnd ?? current.length,
      placeholderText(key),
    );
    (field === 'title' ? setTitle : setBody)(edited.value);
    pendingCaret.current = { field, start: edited.caret, end: edited.caret };
    setServerProblems([]);
  };

  const jumpTo = (issue: TemplateIssue) => {
    const text = issue.field === 'title' ? title : body;
    const start = offsetAt(text, issue.line, issue.column);
    const length = issue.text.endsWith('…') ? issue.text.length - 1 : issue.text.length;
    const el = element(issue.field);
    el?.focus();
    el?.setSelectionRange(start, Math.min(start + length, text.length));
  };

  const save = () => {
    if (readOnly) return;
    if (!name.trim()) {
      setNameError(t('validation.required', { field: t('library.template.field.name') }));
      return;
    }
    if (errors.length > 0) {
      void message.error(t('library.template.fixFirst', { count: errors.length }));
      return;
    }
    update.mutate(
      {
        id: template.id,
        fields: { kind: template.kind, name, title, body, basedOn: template.basedOn },
      },
      {
        onSuccess: (view) => {
          setSaved({ name: view.name, title: view.title, body: view.body });
          setServerProblems([]);
          void message.success(t('library.template.saved'));
        },
        onError: (err) => {
          if (err instanceof ApiRequestError && err.issues.length > 0) {
            setServerProblems(serverIssueTexts(err.issues, t));
          } else {
            setServerProblems([apiErrorText(err, t)]);
          }
        },
      },
    );
  };

  const copyBuiltin = () =>
    copy.mutate(
      { id: template.id },
      {
        onSuccess: (view) => {
          void message.success(t('library.template.copied', { name: view.name }));
          onOpen(view.id);
        },
        onError: (err) => void message.error(apiErrorText(err, t)),
      },
    );

  const leave = () => {
    if (!dirty || readOnly) {
      onBack();
      return;
    }
    modal.confirm({
      title: t('library.template.leave.title'),
      content: t('library.template.leave.content'),
      okText: t('library.template.leave.ok'),
      cancelText: t('library.template.leave.cancel'),
      onOk: onBack,
    });
  };

  // Ctrl+S saves; Ctrl+K opens the placeholder menu.
  const keys = useRef({ save, openMenu: () => {} });
  keys.current = {
    save,
    openMenu: () => {
      menuRef.current?.focus();
      setMenuOpen(true);
    },
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        keys.current.save();
      } else if (key === 'k' && !readOnly) {
        e.preventDefault();
        keys.current.openMenu();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly]);

  const fieldIssues = (field: Field) => issues.filter((i) => i.field === field);
  const status = (field: Field) => {
    const own = fieldIssues(field);
    if (own.some((i) => i.severity === 'error')) return 'error' as const;
    return own.length > 0 ? ('warning' as const) : undefined;
  };

  return (
    <div className={readOnly ? 'template-editor-readonly' : undefined} data-testid="template-editor">
      <div className="template-editor-head">
        <div className="template-editor-title">
          <Button onClick={leave} data-testid="template-back">
            {t('library.template.back')}
          </Button>
          <Typography.Title level={4} className="page-title" ellipsis>
            {t(readOnly ? 'library.template.viewTitle' : 'library.template.editTitle', { name: saved.name })}
          </Typography.Title>
          <Tag color={readOnly ? 'default' : 'blue'}>
            {t(readOnly ? 'library.template.builtin' : 'library.template.own')}
          </Tag>
          <Tag>{t(`library.kind.${template.kind}`)}</Tag>
          {dirty && !readOnly ? (
            <Typography.Text type="warning" data-testid="template-dirty">
              {t('library.template.unsaved')}
            </Typography.Text>
          ) : null}
        </div>
        <Space>
          {readOnly ? (
            <Button type="primary" onClick={copyBuiltin} loading={copy.isPending} data-testid="template-copy">
              {t('library.template.copy')}
            </Button>
          ) : (
            <>
              <Popconfirm
                title={t('library.template.remove.confirm', { name: saved.name })}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutate(
                    { id: template.id },
                    {
                      onSuccess: () => {
                        void message.success(t('library.template.removed', { name: saved.name }));
                        onBack();
                      },
                      onError: (err) => void message.error(apiErrorText(err, t)),
                    },
                  )
                }
              >
                <Button danger data-testid="template-remove">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
              <Button
                type="primary"
                onClick={save}
                loading={update.isPending}
                disabled={errors.length > 0}
                title={
                  errors.length > 0
                    ? t('library.template.fixFirst', { count: errors.length })
                    : t('library.template.saveHint')
                }
                data-testid="template-save"
              >
                {t('common.save')}
              </Button>
            </>
          )}
        </Space>
      </div>
      {readOnly ? (
        <Alert
          type="info"
          showIcon
          className="block-tight"
          title={t('library.template.readOnlyHint')}
          description={template.description}
        />
      ) : null}
      {serverProblems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          className="block-tight"
          title={t('library.template.serverRefused')}
          description={
            <ul className="template-issues">
              {serverProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          data-testid="template-server-issues"
        />
      ) : null}
      <div className="template-editor-grid">
        <Form layout="vertical" component="div">
          <Row gutter={12}>
            <Col span={9}>
              <Form.Item
                label={t('library.template.field.name')}
                required={!readOnly}
                validateStatus={nameError ? 'error' : undefined}
                help={nameError}
              >
                <Input
                  value={name}
                  readOnly={readOnly}
                  maxLength={LIMITS.name}
                  onChange={(e) => {
                    setName(e.target.value);
                    setNameError(null);
                  }}
                  data-testid="template-name"
                />
              </Form.Item>
            </Col>
            <Col span={15}>
              <Form.Item
                label={t('library.template.field.title')}
                validateStatus={status('title')}
                help={
                  fieldIssues('title').length > 0 ? (
                    <IssueList issues={fieldIssues('title')} onPick={jumpTo} testId="template-title-issues" />
                  ) : undefined
                }
              >
                <Input
                  ref={titleRef}
                  value={title}
                  readOnly={readOnly}
                  maxLength={LIMITS.title}
                  onFocus={() => {
                    lastField.current = 'title';
                  }}
                  onChange={(e) => {
                    setTitle(e.target.value);
                    setServerProblems([]);
                  }}
                  data-testid="template-title"
                />
              </Form.Item>
            </Col>
          </Row>
          <div className="template-body-bar">
            <label htmlFor="template-body" className="template-body-label">
              {t('library.template.field.body')}
            </label>
            {readOnly ? null : (
              <PlaceholderMenu ref={menuRef} open={menuOpen} onOpenChange={setMenuOpen} onInsert={insert} />
            )}
          </div>
          <Input.TextArea
            id="template-body"
            ref={bodyRef}
            className="template-body-input"
            value={body}
            readOnly={readOnly}
            status={status('body')}
            // Sized to the window, so that the problems and the help below it stay in view at 1280×800.
            style={{
              height: readOnly ? 'calc(100vh - 440px)' : 'calc(100vh - 390px)',
              minHeight: 220,
              resize: 'vertical',
            }}
            spellCheck={false}
            onFocus={() => {
              lastField.current = 'body';
            }}
            onChange={(e) => {
              setBody(e.target.value);
              setServerProblems([]);
            }}
            data-testid="template-body"
          />
          <IssueList issues={fieldIssues('body')} onPick={jumpTo} testId="template-body-issues" />
          <p className="template-help" data-testid="template-help">
            {t('library.template.help')}
          </p>
        </Form>
        <TemplatePreview title={title} body={body} />
      </div>
    </div>
  );
}
