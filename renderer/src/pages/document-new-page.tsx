// 新建文稿: the kind, a template of that kind (or none: a 答问口径 then starts as structured talking
// points), what it links to, and the policy it interprets. The server fills the title and body from
// the template and the linked records; the new document opens at once.
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../common/document-model';
import type { DocumentFields } from '../../../common/document-schemas';
import type { TemplateView } from '../../../common/document-types';
import { emptyTalkingPoints } from '../../../common/talking-points';
import { LIMITS } from '../../../common/text';
import { ApiRequestError } from '../api/client';
import { useConferenceIfAny } from '../api/conference-hooks';
import { useCreateDocument, useDocumentTemplates } from '../api/document-hooks';
import { useOffice } from '../api/office-hooks';
import { DateField } from '../components/date-field';
import '../components/documents/documents.css';
import {
  ConferenceSelect,
  DepartmentSelect,
  PersonSelect,
  PortalColumnSelect,
} from '../components/documents/link-fields';
import { defaultTemplate, NO_TEMPLATE, templatesFor } from '../components/documents/template-choice';
import { type FieldLabels, useFormErrors } from '../forms/use-form-errors';
import { type Translate, useT } from '../i18n/use-t';
import { navigate, routeHref } from '../routing';

interface Values {
  kind: DocumentKind;
  templateId: string;
  conferenceId: string | null;
  departmentId: string | null;
  personId: string | null;
  title: string;
  portalColumn: string | null;
  docNumber: string;
  policyTitle: string;
  policyNumber: string;
  policyDate: string | null;
}

const LABELS: FieldLabels = {
  kind: 'document.field.kind',
  templateId: 'document.field.template',
  title: 'document.field.title',
  conferenceId: 'document.field.conference',
  departmentId: 'document.field.department',
  personId: 'document.field.person',
  portalColumn: 'document.field.portalColumn',
  docNumber: 'document.field.docNumber',
  policyTitle: 'document.field.policyTitle',
  policyNumber: 'document.field.policyNumber',
  policyDate: 'document.field.policyDate',
};

/** Where a kind is usually published on the portal (门户网站栏目). */
const DEFAULT_COLUMN: Partial<Record<DocumentKind, string>> = {
  release: '新闻发布',
  transcript: '新闻发布',
  interpretation: '政策解读',
};

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function toFields(v: Values): DocumentFields {
  const structured = v.kind === 'qa' && v.templateId === NO_TEMPLATE;
  return {
    kind: v.kind,
    title: v.title?.trim() ?? '',
    conferenceId: v.conferenceId ?? null,
    departmentId: v.departmentId ?? null,
    personId: v.personId ?? null,
    body: '',
    talkingPoints: structured ? emptyTalkingPoints() : null,
    portalColumn: v.portalColumn ?? null,
    docNumber: blankToNull(v.docNumber),
    policyTitle: v.kind === 'interpretation' ? blankToNull(v.policyTitle) : null,
    policyNumber: v.kind === 'interpretation' ? blankToNull(v.policyNumber) : null,
    policyDate: v.kind === 'interpretation' ? (v.policyDate ?? null) : null,
  };
}

/** `fields.title` → `title`: the server names the field inside `fields`. */
function formIssues(err: unknown): unknown {
  if (!(err instanceof ApiRequestError) || err.issues.length === 0) return err;
  return new ApiRequestError(err.method, {
    code: err.code,
    message: err.message,
    issues: err.issues.map((i) => ({ ...i, path: i.path.replace(/^fields\./, '') })),
  });
}

function templateHint(kind: DocumentKind, id: string, templates: readonly TemplateView[], t: Translate): string | null {
  if (id === NO_TEMPLATE) return t(kind === 'qa' ? 'document.template.noneQa' : 'document.template.noneText');
  return templates.find((tpl) => tpl.id === id)?.description ?? null;
}

export function DocumentNewPage({ conferenceId }: { conferenceId?: string | undefined }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { formError, showServerError, setFormError } = useFormErrors(form, LABELS);
  const templates = useDocumentTemplates();
  const office = useOffice();
  const create = useCreateDocument();

  const kind = Form.useWatch('kind', form) ?? 'qa';
  const templateId = Form.useWatch('templateId', form) ?? NO_TEMPLATE;
  const chosenConference = Form.useWatch('conferenceId', form) ?? null;
  const departmentId = Form.useWatch('departmentId', form) ?? null;
  const conference = useConferenceIfAny(chosenConference);
  const all = templates.data ?? [];

  const templateOptions = useMemo(
    () => [
      { value: NO_TEMPLATE, label: t('document.template.none') },
      ...templatesFor(kind, templates.data ?? []).map((tpl) => ({
        value: tpl.id,
        label: tpl.builtin ? `${tpl.name}（${t('document.template.builtin')}）` : tpl.name,
      })),
    ],
    [kind, templates.data, t],
  );

  // Once the templates are known, a kind other than qa starts from its built-in template.
  const templatesLoaded = templates.data !== undefined;
  useEffect(() => {
    if (templatesLoaded && !form.isFieldTouched('templateId')) {
      form.setFieldValue(
        'templateId',
        defaultTemplate(form.getFieldValue('kind') as DocumentKind, templates.data ?? []),
      );
    }
  }, [templatesLoaded, templates.data, form]);

  // A conference chosen (or given in the address) proposes its host or first department.
  const proposedFor = useRef<string | null>(null);
  useEffect(() => {
    const c = conference.data;
    if (!chosenConference || proposedFor.current === chosenConference || c?.id !== chosenConference) return;
    proposedFor.current = chosenConference;
    const proposed = c.hostDepartmentId ?? c.departmentIds[0] ?? null;
    if (proposed && !form.getFieldValue('departmentId')) form.setFieldValue('departmentId', proposed);
  }, [chosenConference, conference.data, form]);

  const onKindChange = (next: DocumentKind) => {
    form.setFieldsValue({
      templateId: defaultTemplate(next, all),
      portalColumn: DEFAULT_COLUMN[next] ?? null,
    });
  };

  const submit = (values: Values) => {
    setFormError(null);
    const fields = toFields(values);
    if (values.templateId === NO_TEMPLATE && !fields.title?.trim()) {
      form.setFields([{ name: 'title', errors: [t('document.edit.titleRequired')] }]);
      return;
    }
    create.mutate(
      { fields, templateId: values.templateId === NO_TEMPLATE ? null : values.templateId },
      {
        onSuccess: (doc) => {
          message.success(t('document.new.created', { title: doc.title }));
          navigate({ page: 'document', id: doc.id });
        },
        onError: (err) => showServerError(formIssues(err)),
      },
    );
  };

  const back = conferenceId ? routeHref({ page: 'conference', id: conferenceId }) : routeHref({ page: 'documents' });
  const prefix = office.data?.docPrefix?.trim();

  return (
    <div className="page document-new" data-testid="document-new-page">
      <a href={back} className="back-link">
        {t('document.back')}
      </a>
      <div className="page-header">
        <Typography.Title level={4} className="page-title">
          {t('document.new.title')}
        </Typography.Title>
      </div>
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark
          initialValues={{
            kind: 'qa',
            templateId: NO_TEMPLATE,
            conferenceId: conferenceId ?? null,
            departmentId: null,
            personId: null,
            title: '',
            portalColumn: null,
            docNumber: '',
            policyTitle: '',
            policyNumber: '',
            policyDate: null,
          }}
          onValuesChange={(changed: Partial<Values>) => {
            form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })));
            if ('departmentId' in changed) form.setFieldValue('personId', null);
          }}
          onFinish={() => submit(form.getFieldsValue(true) as Values)}
          data-testid="document-new-form"
        >
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="kind" label={t('document.field.kind')} required>
                <Select<DocumentKind>
                  options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`document.kind.${k}`) }))}
                  onChange={onKindChange}
                  data-testid="new-kind"
                />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item
                name="templateId"
                label={t('document.field.template')}
                extra={templateHint(kind, templateId, all, t)}
              >
                <Select options={templateOptions} loading={templates.isLoading} data-testid="new-template" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="conferenceId" label={t('document.field.conference')}>
                <ConferenceSelect testId="new-conference" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="departmentId" label={t('document.field.department')}>
                <DepartmentSelect testId="new-department" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="personId" label={t('document.field.person')}>
                <PersonSelect departmentId={departmentId} testId="new-person" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="title"
            label={t('document.field.title')}
            required={templateId === NO_TEMPLATE}
            extra={templateId === NO_TEMPLATE ? null : t('document.title.templateHint')}
          >
            <Input maxLength={LIMITS.title} data-testid="new-title" />
          </Form.Item>
          {kind === 'interpretation' ? (
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="policyTitle" label={t('document.field.policyTitle')}>
                  <Input maxLength={LIMITS.title} data-testid="new-policy-title" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="policyNumber" label={t('document.field.policyNumber')}>
                  <Input maxLength={LIMITS.shortText} data-testid="new-policy-number" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="policyDate" label={t('document.field.policyDate')}>
                  <DateField testId="new-policy-date" />
                </Form.Item>
              </Col>
            </Row>
          ) : null}
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="docNumber" label={t('document.field.docNumber')}>
                <Input
                  maxLength={LIMITS.shortText}
                  placeholder={prefix ? t('document.docNumber.placeholder', { prefix }) : undefined}
                  data-testid="new-doc-number"
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="portalColumn" label={t('document.field.portalColumn')}>
                <PortalColumnSelect testId="new-portal-column" />
              </Form.Item>
            </Col>
          </Row>
          {formError ? (
            <Alert type="error" showIcon title={formError} className="block" data-testid="form-error" />
          ) : null}
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="new-submit">
              {t('document.new.submit')}
            </Button>
            <Button href={back}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
