// 编辑: the title and the body (text in the documented form, or structured talking points for a
// 答问口径), what the document links to, and a live preview of the body beside it. Saves name the
// version they edited, so a newer save by someone else is a refusal to reload, never an overwrite.
import { Alert, App, Button, Collapse, Input, Popconfirm, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseBody } from '../../../../common/document-body';
import type { DocumentDetail } from '../../../../common/document-types';
import { isEditable } from '../../../../common/domain/review';
import { talkingPointsBody } from '../../../../common/talking-points';
import { LIMITS } from '../../../../common/text';
import { useUpdateDocument } from '../../api/document-hooks';
import { apiErrorText } from '../../api/error-text';
import { useT } from '../../i18n/use-t';
import { DocumentSheet } from './document-sheet';
import { fieldsOf, prepareTalkingPoints, type TalkingPointsProblem } from './draft';
import { usePersonOptions } from './link-fields';
import { LinkFields } from './link-fields-form';
import { reopenLabel, useSimpleReviewSteps } from './review-panel';
import { type SaveRefusal, saveRefusal } from './save-error';
import { TalkingPointsEditor } from './talking-points-editor';
import type { DraftState } from './use-draft';

interface Props {
  /** The document as last loaded (its status decides whether editing is possible). */
  doc: DocumentDetail;
  state: DraftState;
  userName: string;
  /** Loads the saved document again and starts the draft from it. */
  onReload: () => Promise<void>;
}

export function DocumentEditor({ doc, state, userName, onReload }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const update = useUpdateDocument();
  const steps = useSimpleReviewSteps(doc, userName);
  const { draft, base, change, dirty } = state;
  const editable = isEditable(doc.status);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<TalkingPointsProblem[]>([]);
  const [titleMissing, setTitleMissing] = useState(false);
  const [refusal, setRefusal] = useState<SaveRefusal>(null);
  const [error, setError] = useState<string | null>(null);
  const answererIds = (draft.talkingPoints?.questions ?? []).map((q) => q.answererId);
  const people = usePersonOptions(draft.departmentId, answererIds);

  const liveBody = useMemo(
    () => (draft.talkingPoints ? talkingPointsBody(draft.talkingPoints, people.names) : draft.body),
    [draft.talkingPoints, draft.body, people.names],
  );

  const save = () => {
    if (!editable || !dirty || update.isPending) return;
    setError(null);
    let talkingPoints = draft.talkingPoints;
    if (talkingPoints) {
      const prepared = prepareTalkingPoints(talkingPoints);
      setProblems(prepared.problems);
      if (prepared.problems.length > 0) return;
      talkingPoints = prepared.value;
    }
    if (!draft.title.trim()) {
      setTitleMissing(true);
      return;
    }
    update.mutate(
      {
        id: base.id,
        fields: fieldsOf(base.kind, { ...draft, talkingPoints }, base.templateId),
        expectedVersion: base.version,
        note: note.trim() || null,
      },
      {
        onSuccess: (saved) => {
          state.adopt(saved);
          setNote('');
          setRefusal(null);
          message.success(
            saved.version > base.version ? t('document.edit.saved', { version: saved.version }) : t('common.saved'),
          );
        },
        onError: (err) => {
          const why = saveRefusal(err);
          if (why) setRefusal(why);
          else setError(apiErrorText(err, t));
        },
      },
    );
  };

  // Ctrl+S (⌘S) saves from anywhere on the page.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const reload = async () => {
    await onReload();
    setRefusal(null);
    setProblems([]);
    setError(null);
  };

  const lastReturn = doc.reviews.findLast((r) => r.action === 'return');
  const problemText = problems.map((p) => t(`document.edit.problem.${p.section}`, { n: p.index + 1 })).join('；');

  return (
    <div className="doc-edit" data-testid="document-editor">
      {!editable ? (
        <Alert
          type="info"
          showIcon
          className="block"
          title={t(`document.edit.locked.${doc.status as 'submitted' | 'approved' | 'released'}`)}
          action={
            doc.allowed.includes('reopen') ? (
              <Button size="small" onClick={steps.reopen} data-testid="editor-reopen">
                {t(reopenLabel(doc.status))}
              </Button>
            ) : null
          }
          data-testid="editor-locked"
        />
      ) : null}
      {doc.status === 'returned' && lastReturn ? (
        <Alert
          type="warning"
          showIcon
          className="block"
          title={t('document.edit.returned', { name: lastReturn.actor })}
          description={<span className="pre-wrap">{lastReturn.comment}</span>}
          data-testid="editor-returned"
        />
      ) : null}
      {refusal ? (
        <Alert
          type="error"
          showIcon
          className="block"
          title={
            refusal.kind === 'newerVersion'
              ? t('document.edit.newerVersion', {
                  version: refusal.version ? t('document.edit.newerVersionNumber', { version: refusal.version }) : '',
                })
              : t('document.edit.notEditable')
          }
          action={
            <Button size="small" danger onClick={() => void reload()} data-testid="editor-reload">
              {t('document.edit.reload')}
            </Button>
          }
          data-testid="save-conflict"
        />
      ) : state.newerVersion ? (
        <Alert
          type="warning"
          showIcon
          className="block"
          title={t('document.edit.remoteChanged', { version: state.newerVersion, base: base.version })}
          action={
            <Button size="small" onClick={() => void reload()}>
              {t('document.edit.reload')}
            </Button>
          }
          data-testid="remote-changed"
        />
      ) : null}

      <div className="doc-savebar" data-testid="save-bar">
        <Input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onPressEnter={save}
          placeholder={`${t('document.edit.note')}：${t('document.edit.notePlaceholder')}`}
          maxLength={LIMITS.shortText}
          disabled={!editable}
          className="doc-note-input"
          data-testid="save-note"
        />
        <Button
          type="primary"
          onClick={save}
          disabled={!editable || !dirty}
          loading={update.isPending}
          title={t('document.edit.saveHint')}
          data-testid="save-document"
        >
          {t('document.edit.save')}
        </Button>
        <Popconfirm
          title={t('document.edit.discardConfirm')}
          okText={t('document.edit.discard')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, ...{ 'data-testid': 'discard-confirm' } }}
          onConfirm={() => {
            state.adopt(doc);
            setProblems([]);
            setTitleMissing(false);
          }}
          disabled={!dirty}
        >
          <Button disabled={!dirty} data-testid="discard-changes">
            {t('document.edit.discard')}
          </Button>
        </Popconfirm>
        <Typography.Text type={dirty ? 'warning' : 'secondary'} className="small" data-testid="dirty-state">
          {dirty ? t('document.edit.dirty') : t('document.edit.saveHint')}
        </Typography.Text>
      </div>
      {error ? <Alert type="error" showIcon className="block" title={error} data-testid="save-error" /> : null}
      {problemText ? (
        <Alert
          type="error"
          showIcon
          className="block"
          title={t('document.edit.problems', { list: problemText })}
          data-testid="save-problems"
        />
      ) : null}

      <div className="doc-edit-grid">
        <div className="doc-edit-main">
          <Collapse
            size="small"
            className="block"
            items={[
              {
                key: 'links',
                label: t('document.edit.links'),
                children: <LinkFields doc={doc} state={state} disabled={!editable} />,
              },
            ]}
          />
          <div className="doc-field">
            <label className="doc-label" htmlFor="document-title">
              {t('document.field.title')}
            </label>
            <Input
              id="document-title"
              value={draft.title}
              onChange={(e) => {
                change({ title: e.target.value });
                setTitleMissing(false);
              }}
              maxLength={LIMITS.title}
              disabled={!editable}
              status={titleMissing ? 'error' : undefined}
              data-testid="document-title-input"
            />
            {titleMissing ? <div className="doc-field-error">{t('document.edit.titleRequired')}</div> : null}
          </div>
          {draft.talkingPoints ? (
            <TalkingPointsEditor
              value={draft.talkingPoints}
              onChange={(talkingPoints) => {
                change({ talkingPoints });
                if (problems.length) setProblems([]);
              }}
              disabled={!editable}
              personOptions={people.options}
              departmentId={draft.departmentId}
              problems={problems}
            />
          ) : (
            <div className="doc-field">
              <label className="doc-label" htmlFor="document-body">
                {t('document.field.body')}
              </label>
              {doc.kind === 'qa' ? (
                <Typography.Paragraph type="secondary" className="small doc-hint">
                  {t('document.edit.textFromTemplate')}
                </Typography.Paragraph>
              ) : null}
              <Typography.Paragraph type="secondary" className="small doc-hint" data-testid="body-hint">
                {t('document.edit.bodyHint')}
              </Typography.Paragraph>
              <Input.TextArea
                id="document-body"
                value={draft.body}
                onChange={(e) => change({ body: e.target.value })}
                autoSize={{ minRows: 18 }}
                maxLength={LIMITS.body}
                disabled={!editable}
                className="doc-body-input"
                data-testid="document-body-input"
              />
            </div>
          )}
        </div>
        <aside className="doc-edit-side">
          <div className="doc-live-head">
            <Typography.Text strong>{t('document.edit.livePreview')}</Typography.Text>
            <Typography.Text type="secondary" className="small">
              {t('document.edit.liveHint')}
            </Typography.Text>
          </div>
          <DocumentSheet
            compact
            testId="live-preview"
            doc={{ title: draft.title, docNumber: draft.docNumber, blocks: parseBody(liveBody), draft: true }}
          />
        </aside>
      </div>
    </div>
  );
}
