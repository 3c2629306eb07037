// One 舆情 item in a drawer beside the list: register a new one or work on a saved one. Enter saves
// (Ctrl+Enter inside a text box), Esc or the close button asks first when something is unsaved.
import { Alert, App, Button, Drawer, Form, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { opinionFields } from '../../../../common/opinion-schemas';
import type { OpinionView } from '../../../../common/opinion-types';
import { ApiRequestError } from '../../api/client';
import { useToday, useTopics } from '../../api/conference-hooks';
import { useDocuments } from '../../api/document-hooks';
import { useDepartments } from '../../api/hooks';
import {
  useCreateOpinion,
  useOpinion,
  useOpinionGrades,
  useRemoveOpinion,
  useUpdateOpinion,
} from '../../api/opinion-hooks';
import { type FieldLabels, useFormErrors } from '../../forms/use-form-errors';
import { useT } from '../../i18n/use-t';
import { useLeaveGuard } from '../documents/use-leave-guard';
import { QueryError } from '../query-state';
import { ConferenceFromOpinionModal } from './conference-from-opinion';
import { type Choice, OpinionFields } from './opinion-fields';
import { rewordOpinionIssues } from './opinion-issues';
import { DeadlineLeft, GradeTag, OpinionStatusTag, useNow } from './opinion-tags';
import { toInstant } from './opinion-time';
import { newOpinionValues, type OpinionValues, opinionInput, opinionSnapshot, opinionValues } from './opinion-values';
import './opinions.css';

const LABELS: FieldLabels = {
  source: 'opinions.field.source',
  channel: 'opinions.field.channel',
  summary: 'opinions.field.summary',
  topic: 'opinions.field.topic',
  link: 'opinions.field.link',
  detectedAt: 'opinions.field.detectedAt',
  grade: 'opinions.field.grade',
  judgement: 'opinions.field.judgement',
  reaction: 'opinions.field.reaction',
  mediaInvolvement: 'opinions.field.mediaInvolvement',
  departmentId: 'opinions.field.department',
  response: 'opinions.field.response',
  answeredAt: 'opinions.field.answeredAt',
  documentId: 'opinions.field.document',
  conferenceId: 'opinions.field.conference',
  status: 'opinions.field.status',
  reportedTo: 'opinions.field.reportedTo',
  reportedAt: 'opinions.field.reportedAt',
  notes: 'opinions.field.notes',
};

// Wide enough for three fields a row beside the list at 1280 × 800.
const DRAWER_WIDTH = 800;

interface Props {
  /** The saved item to open; null registers a new one. */
  id: string | null;
  onClose: () => void;
  /** After a new item is saved. */
  onCreated?: (item: OpinionView) => void;
}

export function OpinionEditor({ id, onClose, onCreated }: Props) {
  const t = useT();
  const query = useOpinion(id);
  if (id !== null && !query.data) {
    return (
      <Drawer
        open
        size={DRAWER_WIDTH}
        title={t('opinions.editor.editTitle')}
        loading={query.isLoading}
        onClose={onClose}
        data-testid="opinion-editor"
      >
        {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      </Drawer>
    );
  }
  return <EditorDrawer saved={query.data ?? null} onClose={onClose} onCreated={onCreated} />;
}

function EditorDrawer({
  saved,
  onClose,
  onCreated,
}: {
  saved: OpinionView | null;
  onClose: () => void;
  onCreated: ((item: OpinionView) => void) | undefined;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<OpinionValues>();
  const { formError, setFormError, validate, showServerError } = useFormErrors(form, LABELS);
  const create = useCreateOpinion();
  const update = useUpdateOpinion();
  const remove = useRemoveOpinion();
  const grades = useOpinionGrades();
  const departments = useDepartments({});
  const documents = useDocuments({});
  const topics = useTopics();
  const today = useToday();
  const now = useNow();
  const [initialValues] = useState<OpinionValues>(() =>
    saved ? opinionValues(saved) : newOpinionValues(toInstant(dayjs())),
  );
  const baseline = useRef(opinionSnapshot(initialValues));
  const [dirty, setDirty] = useState(false);
  const [planning, setPlanning] = useState(false);
  const asking = useRef(false);
  useLeaveGuard(dirty);

  const choices = useMemo(
    () => ({
      departments: (departments.data ?? []).map((d): Choice => ({ value: d.id, label: d.name })),
      documents: (documents.data ?? []).map((d): Choice => ({ value: d.id, label: d.title })),
    }),
    [departments.data, documents.data],
  );

  const markClean = (values: OpinionValues) => {
    baseline.current = opinionSnapshot(values);
    setDirty(false);
  };

  const close = () => {
    if (!dirty) {
      onClose();
      return;
    }
    if (asking.current) return;
    asking.current = true;
    modal.confirm({
      title: t('opinions.editor.leaveTitle'),
      content: t('opinions.editor.leaveConfirm'),
      okText: t('opinions.editor.leave'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'opinion-leave-confirm' } },
      cancelText: t('opinions.editor.stay'),
      onOk: onClose,
      afterClose: () => {
        asking.current = false;
      },
    });
  };

  const refuse = (err: unknown) => {
    // A department, release or conference deleted meanwhile (on another screen or by an import).
    if (
      err instanceof ApiRequestError &&
      err.code === 'not_found' &&
      /^(department|document|conference) /.test(err.message)
    ) {
      setFormError(t('opinions.issue.unknownLink'));
      return;
    }
    showServerError(err);
    if (err instanceof ApiRequestError) rewordOpinionIssues(form, err.issues, t);
  };

  const submit = () => {
    const values = form.getFieldsValue(true) as OpinionValues;
    const input = opinionInput(values);
    if (!validate(opinionFields, input)) {
      rewordOpinionIssues(form, opinionFields.safeParse(input).error?.issues ?? [], t);
      return;
    }
    if (saved) {
      update.mutate(
        { id: saved.id, fields: input },
        {
          onSuccess: () => {
            markClean(values);
            void message.success(t('opinions.editor.saved'));
            onClose();
          },
          onError: refuse,
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: (item) => {
          markClean(values);
          void message.success(t('opinions.editor.created'));
          onCreated?.(item);
          onClose();
        },
        onError: refuse,
      });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    // Enter in a one-line field submits by itself; in a text box it is a new line, so Ctrl+Enter.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };

  const planBlocked = !saved
    ? t('opinions.editor.planConferenceSaveFirst')
    : dirty
      ? t('opinions.editor.planConferenceDirty')
      : saved.conferenceId
        ? t('opinions.conference.already')
        : null;

  // The conference dialog sits beside the drawer, not in it, so its Esc does not reach the drawer.
  return (
    <>
      <Drawer
        open
        size={DRAWER_WIDTH}
        title={
          saved ? (
            <Space size={8} wrap>
              <span>{t('opinions.editor.editTitle')}</span>
              <GradeTag grade={saved.grade} />
              <OpinionStatusTag status={saved.status} />
              <DeadlineLeft item={saved} now={now} />
              {saved.unreported ? <Tag color="red">{t('opinions.report.unreported')}</Tag> : null}
            </Space>
          ) : (
            t('opinions.editor.createTitle')
          )
        }
        onClose={close}
        maskClosable
        destroyOnHidden
        data-testid="opinion-editor"
        className="opinion-drawer"
      >
        <Form<OpinionValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={submit}
          onKeyDown={onKeyDown}
          onValuesChange={(changed: object, all: OpinionValues) => {
            form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof OpinionValues, errors: [] })));
            setDirty(opinionSnapshot(all) !== baseline.current);
          }}
          requiredMark
          className="opinion-form"
          data-testid="opinion-form"
        >
          <OpinionFields
            saved={saved}
            grades={grades.data ?? []}
            departments={choices.departments}
            documents={choices.documents}
            topics={topics.data ?? []}
            now={now}
            planBlocked={planBlocked}
            onPlanConference={() => setPlanning(true)}
          />
          {formError ? (
            <Alert type="error" showIcon title={formError} data-testid="form-error" style={{ marginBottom: 12 }} />
          ) : null}
          <div className="opinion-form-footer">
            {saved ? (
              <Popconfirm
                title={t('opinions.editor.delete.confirm')}
                description={t('opinions.editor.delete.hint')}
                okText={t('common.delete')}
                okButtonProps={{ danger: true, ...{ 'data-testid': 'opinion-delete-confirm' } }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutate(
                    { id: saved.id },
                    {
                      onSuccess: () => {
                        void message.success(t('opinions.editor.deleted'));
                        onClose();
                      },
                      onError: refuse,
                    },
                  )
                }
              >
                <Button danger loading={remove.isPending} data-testid="opinion-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ) : null}
            <Typography.Text type="secondary" className="small opinion-keys">
              {t('opinions.editor.keys')}
            </Typography.Text>
            <Space>
              <Button onClick={close} data-testid="opinion-cancel">
                {t('common.cancel')}
              </Button>
              <Button
                type="primary"
                htmlType="submit"
                loading={create.isPending || update.isPending}
                data-testid="opinion-save"
              >
                {t('common.save')}
              </Button>
            </Space>
          </div>
        </Form>
      </Drawer>
      {saved ? (
        <ConferenceFromOpinionModal
          item={saved}
          open={planning}
          today={today}
          onClose={() => setPlanning(false)}
          onPlanned={(item) => {
            const values = opinionValues(item);
            form.setFieldsValue(values);
            markClean(values);
          }}
        />
      ) : null}
    </>
  );
}
