// The editor's fields in the office's order: 基本情况, 研判 (grade and the live deadline), 处置 (who
// answers, how, with which release or conference), 上报 (required-looking for 重大 until filled).
import { Alert, AutoComplete, Button, Col, Form, Input, Row, Select, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  OPINION_CHANNELS,
  OPINION_GRADES,
  OPINION_RESPONSES,
  OPINION_STATUSES,
} from '../../../../common/opinion-schemas';
import type { GradeView, OpinionView } from '../../../../common/opinion-types';
import { LIMITS } from '../../../../common/text';
import { useT } from '../../i18n/use-t';
import { routeHref } from '../../routing';
import { ConferencePicker, useConferenceChoiceLabel } from '../conference-picker';
import { InstantField } from './instant-field';
import { DeadlineLeft } from './opinion-tags';
import { formatInstant, previewDeadline } from './opinion-time';
import type { OpinionValues } from './opinion-values';

export interface Choice {
  value: string;
  label: string;
}

interface Props {
  /** The item as saved; null while registering a new one. */
  saved: OpinionView | null;
  grades: readonly GradeView[];
  departments: readonly Choice[];
  documents: readonly Choice[];
  topics: readonly string[];
  now: number;
  /** Why the conference button is off (unsaved item or changes); null when it is on. */
  planBlocked: string | null;
  onPlanConference: () => void;
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="opinion-section" data-testid={testId}>
      <Typography.Title level={5} className="opinion-section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/** "查看：<title>" under a link field, to the linked conference or release. */
function OpenLink({ href, title, testId }: { href: string; title: string | null; testId: string }) {
  const t = useT();
  return (
    <a href={href} data-testid={testId} className="opinion-open-link">
      {t('opinions.editor.open')}
      {title ? `：${title}` : ''}
    </a>
  );
}

const text = (rows: number) => ({ autoSize: { minRows: rows, maxRows: 8 }, maxLength: LIMITS.notes });

export function OpinionFields(p: Props) {
  const t = useT();
  const form = Form.useFormInstance<OpinionValues>();
  const grade = Form.useWatch('grade', form);
  const detectedAt = Form.useWatch('detectedAt', form);
  const answeredAt = Form.useWatch('answeredAt', form);
  const reportedTo = Form.useWatch('reportedTo', form);
  const reportedAt = Form.useWatch('reportedAt', form);
  const documentId = Form.useWatch('documentId', form);
  const conferenceId = Form.useWatch('conferenceId', form);
  const conferenceLabel = useConferenceChoiceLabel(
    conferenceId,
    p.saved?.conferenceId === conferenceId ? p.saved?.conferenceTitle : null,
  );

  const gradeView = p.grades.find((g) => g.grade === grade);
  const deadline = previewDeadline(
    { grade, detectedAt },
    p.saved,
    (g) => p.grades.find((x) => x.grade === g)?.deadlineHours,
  );
  const severe = grade === 'severe';
  const reportFilled = Boolean(reportedTo?.trim()) && Boolean(reportedAt);
  const choose = t('opinions.editor.choose');

  return (
    <>
      <Section title={t('opinions.section.basic')} testId="opinion-section-basic">
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="source" label={t('opinions.field.source')} required>
              <Input
                maxLength={LIMITS.shortText}
                placeholder={t('opinions.editor.sourcePlaceholder')}
                autoFocus={p.saved === null}
                data-testid="opinion-source"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="channel" label={t('opinions.field.channel')} required>
              <Select
                placeholder={choose}
                options={OPINION_CHANNELS.map((c) => ({ value: c, label: t(`opinions.channel.${c}`) }))}
                data-testid="opinion-channel"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="detectedAt" label={t('opinions.field.detectedAt')} required>
              <InstantField testId="opinion-detected-at" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label={t('opinions.field.summary')} required>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            showCount
            data-testid="opinion-summary"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="topic" label={t('opinions.field.topic')}>
              <AutoComplete
                allowClear
                maxLength={100}
                options={p.topics.map((topic) => ({ value: topic }))}
                showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()) }}
                placeholder={t('opinions.editor.topicPlaceholder')}
                data-testid="opinion-topic"
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="link" label={t('opinions.field.link')}>
              <Input maxLength={2000} placeholder="https://" data-testid="opinion-link" />
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title={t('opinions.section.judgement')} testId="opinion-section-judgement">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="grade" label={t('opinions.field.grade')} required>
              <Select
                options={OPINION_GRADES.map((g) => ({ value: g, label: t(`opinions.grade.${g}`) }))}
                data-testid="opinion-grade-select"
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label={t('opinions.editor.deadline')}>
              <div className="opinion-deadline-preview" data-testid="opinion-deadline-preview">
                {deadline ? (
                  <>
                    <span className="opinion-deadline-at" data-testid="opinion-deadline-at">
                      {formatInstant(deadline)}
                    </span>
                    <DeadlineLeft item={{ deadlineAt: deadline, answeredAt: answeredAt ?? null }} now={p.now} />
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('opinions.editor.deadlinePending')}</Typography.Text>
                )}
              </div>
              {gradeView ? (
                <Typography.Text type="secondary" className="small" data-testid="opinion-deadline-rule">
                  {t('opinions.editor.deadlineRule', {
                    grade: t(`opinions.grade.${gradeView.grade}`),
                    hours: gradeView.deadlineHours,
                  })}
                </Typography.Text>
              ) : null}
            </Form.Item>
          </Col>
        </Row>
        {gradeView?.definition ? (
          <Typography.Paragraph type="secondary" className="small opinion-grade-definition">
            {gradeView.definition}
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="judgement" label={t('opinions.field.judgement')}>
          <Input.TextArea
            {...text(2)}
            placeholder={t('opinions.editor.judgementPlaceholder')}
            data-testid="opinion-judgement"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="reaction" label={t('opinions.field.reaction')}>
              <Input.TextArea {...text(1)} data-testid="opinion-reaction" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="mediaInvolvement" label={t('opinions.field.mediaInvolvement')}>
              <Input.TextArea {...text(1)} data-testid="opinion-media" />
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title={t('opinions.section.handling')} testId="opinion-section-handling">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="departmentId" label={t('opinions.field.department')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('opinions.editor.none')}
                options={[...p.departments]}
                data-testid="opinion-department"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="response" label={t('opinions.field.response')}>
              <Select
                allowClear
                placeholder={choose}
                options={OPINION_RESPONSES.map((r) => ({ value: r, label: t(`opinions.response.${r}`) }))}
                data-testid="opinion-response"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t('opinions.field.status')} required>
              <Select
                options={OPINION_STATUSES.map((s) => ({ value: s, label: t(`opinions.status.${s}`) }))}
                data-testid="opinion-status-select"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="answeredAt" label={t('opinions.field.answeredAt')}>
              <InstantField testId="opinion-answered-at" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="documentId"
              label={t('opinions.field.document')}
              extra={
                documentId ? (
                  <OpenLink
                    href={routeHref({ page: 'document', id: documentId })}
                    title={p.documents.find((d) => d.value === documentId)?.label ?? p.saved?.documentTitle ?? null}
                    testId="opinion-open-document"
                  />
                ) : null
              }
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('opinions.editor.none')}
                options={[...p.documents]}
                data-testid="opinion-document"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16} align="top">
          <Col span={16}>
            <Form.Item
              name="conferenceId"
              label={t('opinions.field.conference')}
              extra={
                conferenceId ? (
                  <OpenLink
                    href={routeHref({ page: 'conference', id: conferenceId })}
                    title={conferenceLabel}
                    testId="opinion-open-conference"
                  />
                ) : null
              }
            >
              <ConferencePicker
                placeholder={t('opinions.editor.none')}
                fallbackLabel={p.saved?.conferenceId === conferenceId ? p.saved?.conferenceTitle : null}
                testId="opinion-conference"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label=" " colon={false}>
              <Tooltip title={p.planBlocked}>
                <Button
                  block
                  onClick={p.onPlanConference}
                  disabled={p.planBlocked !== null || Boolean(p.saved?.conferenceId)}
                  data-testid="opinion-plan-conference"
                >
                  {t('opinions.editor.planConference')}
                </Button>
              </Tooltip>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('opinions.field.notes')}>
          <Input.TextArea {...text(1)} data-testid="opinion-notes" />
        </Form.Item>
      </Section>

      <Section title={t('opinions.section.report')} testId="opinion-section-report">
        {severe && !reportFilled ? (
          <Alert
            type="warning"
            showIcon
            title={t('opinions.editor.severeReport')}
            style={{ marginBottom: 12 }}
            data-testid="opinion-report-warning"
          />
        ) : null}
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="reportedTo" label={t('opinions.field.reportedTo')} required={severe}>
              <Input
                maxLength={LIMITS.name}
                placeholder={t('opinions.editor.reportedToPlaceholder')}
                data-testid="opinion-reported-to"
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="reportedAt" label={t('opinions.field.reportedAt')} required={severe}>
              <InstantField testId="opinion-reported-at" />
            </Form.Item>
          </Col>
        </Row>
      </Section>
    </>
  );
}
