// 分级标准: what 一般 / 较大 / 重大 mean for the office and how many hours each leaves for the answer.
// New hours apply to items saved from then on with that grade; saved deadlines stay as they are.
import { Alert, App, Button, Card, Form, type FormInstance, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { type GradeSettings, gradeSettings, OPINION_GRADES } from '../../../../common/opinion-schemas';
import type { GradeView } from '../../../../common/opinion-types';
import { apiErrorText } from '../../api/error-text';
import { useOpinionGrades, useSetOpinionGrades } from '../../api/opinion-hooks';
import { issueMessage } from '../../forms/issue-messages';
import { useT } from '../../i18n/use-t';
import { Loading, QueryError } from '../query-state';
import { GradeTag } from './opinion-tags';

type Values = GradeSettings;

function toValues(views: readonly GradeView[]): Values {
  const of = (g: GradeView['grade']) => {
    const v = views.find((x) => x.grade === g);
    return { definition: v?.definition ?? '', deadlineHours: v?.deadlineHours ?? 24 };
  };
  return { general: of('general'), major: of('major'), severe: of('severe') };
}

export function GradeSettingsPanel() {
  const query = useOpinionGrades();
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <GradeForm grades={query.data} />;
}

function GradeForm({ grades }: { grades: GradeView[] }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetOpinionGrades();
  const [initialValues] = useState(() => toValues(grades));
  const [formError, setFormError] = useState<string | null>(null);

  const submit = () => {
    setFormError(null);
    const values = form.getFieldsValue(true) as Values;
    const parsed = gradeSettings.safeParse(values);
    if (!parsed.success) {
      // Paths are [grade, field]: each problem goes on its own box.
      (form as FormInstance).setFields(
        parsed.error.issues.map((issue) => {
          const mapped = issueMessage(issue as Parameters<typeof issueMessage>[0]);
          const field = issue.path[1] === 'definition' ? 'opinions.grades.definition' : 'opinions.grades.hours';
          return {
            name: issue.path as (string | number)[],
            errors: [t(mapped.key, { ...mapped.params, ...(mapped.needsField ? { field: t(field) } : {}) })],
          };
        }),
      );
      return;
    }
    save.mutate(parsed.data, {
      onSuccess: (saved) => {
        form.setFieldsValue(toValues(saved));
        void message.success(t('opinions.grades.saved'));
      },
      onError: (err) => setFormError(apiErrorText(err, t)),
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onValuesChange={() => setFormError(null)}
      data-testid="opinion-grades"
    >
      <Typography.Paragraph type="secondary">{t('opinions.grades.hint')}</Typography.Paragraph>
      <Card size="small">
        <div className="opinion-grades">
          {OPINION_GRADES.map((grade) => (
            <div key={grade} className="opinion-grade-row" data-testid={`opinion-grade-${grade}`}>
              <div style={{ paddingTop: 30 }}>
                <GradeTag grade={grade} />
              </div>
              <Form.Item name={[grade, 'definition']} label={t('opinions.grades.definition')}>
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 5 }}
                  maxLength={1000}
                  data-testid={`opinion-grade-${grade}-definition`}
                />
              </Form.Item>
              <Form.Item name={[grade, 'deadlineHours']} label={t('opinions.grades.hours')} required>
                <InputNumber
                  min={1}
                  max={24 * 60}
                  precision={0}
                  suffix={t('opinions.grades.hoursUnit')}
                  style={{ width: '100%' }}
                  data-testid={`opinion-grade-${grade}-hours`}
                />
              </Form.Item>
            </div>
          ))}
        </div>
      </Card>
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginTop: 12 }} data-testid="form-error" />
      ) : null}
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="opinion-grades-save">
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );
}
