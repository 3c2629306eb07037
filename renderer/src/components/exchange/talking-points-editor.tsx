// 答问口径 as the department fills it in: the key message, the supporting points, the expected
// questions with their answers, and the sensitive points with the line to take. Plain list editing:
// change, add, remove. Who answers a question is the office's choice and is shown, not edited here.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { TalkingPoints } from '../../../../common/document-schemas';
import { useT } from '../../i18n/use-t';

type Point = TalkingPoints['points'][number];
type Question = TalkingPoints['questions'][number];
type Sensitive = TalkingPoints['sensitive'][number];

/** The entries that must be filled in or removed before the talking points can be saved. */
export function blankEntries(tp: TalkingPoints): number {
  return (
    tp.points.filter((p) => !p.text.trim()).length +
    tp.questions.filter((q) => !q.question.trim()).length +
    tp.sensitive.filter((s) => !s.point.trim()).length
  );
}

function replaceAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

function Section({
  title,
  children,
  onAdd,
  addLabel,
  testId,
}: {
  title: string;
  children: ReactNode;
  onAdd: () => void;
  addLabel: string;
  testId: string;
}) {
  return (
    <div className="tp-section" data-testid={testId}>
      <Typography.Text strong className="tp-section-title">
        {title}
      </Typography.Text>
      {children}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={onAdd} data-testid={`${testId}-add`}>
        {addLabel}
      </Button>
    </div>
  );
}

function Entry({ index, onRemove, children }: { index: number; onRemove: () => void; children: ReactNode }) {
  const t = useT();
  return (
    <div className="tp-entry">
      <span className="tp-entry-number">{index + 1}.</span>
      <div className="tp-entry-fields">{children}</div>
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        onClick={onRemove}
        title={t('exchange.tp.remove')}
        aria-label={t('exchange.tp.remove')}
      />
    </div>
  );
}

/** A labelled field inside an entry: the label stays visible once the field is filled in. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="tp-field">
      <span className="tp-field-label">{label}</span>
      <div className="tp-field-input">{children}</div>
    </div>
  );
}

const rows = { minRows: 1, maxRows: 8 };

export function TalkingPointsEditor({
  value,
  onChange,
  people,
}: {
  value: TalkingPoints;
  onChange: (next: TalkingPoints) => void;
  /** Names of the pack's people, for 答问人. */
  people: ReadonlyMap<string, string>;
}) {
  const t = useT();
  const set = (patch: Partial<TalkingPoints>) => onChange({ ...value, ...patch });
  const blank = (s: string) => (s.trim() ? undefined : ('error' as const));

  return (
    <div className="tp-editor" data-testid="tp-editor">
      <div className="tp-section">
        <Typography.Text strong className="tp-section-title">
          {t('exchange.tp.keyMessage')}
        </Typography.Text>
        <Input.TextArea
          value={value.keyMessage}
          onChange={(e) => set({ keyMessage: e.target.value })}
          autoSize={rows}
          placeholder={t('exchange.tp.keyMessageHint')}
          data-testid="tp-key-message"
        />
      </div>

      <Section
        title={t('exchange.tp.points')}
        addLabel={t('exchange.tp.addPoint')}
        testId="tp-points"
        onAdd={() => set({ points: [...value.points, { text: '', figure: null, source: null } satisfies Point] })}
      >
        {value.points.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place and have no id
          <Entry key={i} index={i} onRemove={() => set({ points: removeAt(value.points, i) })}>
            <Field label={t('exchange.tp.pointText')}>
              <Input.TextArea
                value={p.text}
                status={blank(p.text)}
                onChange={(e) => set({ points: replaceAt(value.points, i, { text: e.target.value }) })}
                autoSize={rows}
                data-testid={`tp-point-${i}`}
              />
            </Field>
            <Field label={t('exchange.tp.figure')}>
              <div className="tp-entry-pair">
                <Input
                  value={p.figure ?? ''}
                  onChange={(e) => set({ points: replaceAt(value.points, i, { figure: e.target.value || null }) })}
                  placeholder={t('exchange.tp.figureHint')}
                />
                <Input
                  value={p.source ?? ''}
                  onChange={(e) => set({ points: replaceAt(value.points, i, { source: e.target.value || null }) })}
                  placeholder={t('exchange.tp.source')}
                />
              </div>
            </Field>
          </Entry>
        ))}
      </Section>

      <Section
        title={t('exchange.tp.questions')}
        addLabel={t('exchange.tp.addQuestion')}
        testId="tp-questions"
        onAdd={() =>
          set({
            questions: [
              ...value.questions,
              { question: '', answer: '', answererId: null, answerId: null } satisfies Question,
            ],
          })
        }
      >
        {value.questions.map((q, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place and have no id
          <Entry key={i} index={i} onRemove={() => set({ questions: removeAt(value.questions, i) })}>
            <Field label={t('exchange.tp.question')}>
              <Input.TextArea
                value={q.question}
                status={blank(q.question)}
                onChange={(e) => set({ questions: replaceAt(value.questions, i, { question: e.target.value }) })}
                autoSize={rows}
                data-testid={`tp-question-${i}`}
              />
            </Field>
            <Field label={t('exchange.tp.answer')}>
              <Input.TextArea
                value={q.answer}
                onChange={(e) => set({ questions: replaceAt(value.questions, i, { answer: e.target.value }) })}
                autoSize={rows}
                placeholder={t('exchange.tp.answerHint')}
                data-testid={`tp-answer-${i}`}
              />
            </Field>
            {q.answererId ? (
              <Typography.Text type="secondary" className="small tp-answerer">
                {t('exchange.tp.answerer', { name: people.get(q.answererId) ?? t('common.none') })}
              </Typography.Text>
            ) : null}
          </Entry>
        ))}
      </Section>

      <Section
        title={t('exchange.tp.sensitive')}
        addLabel={t('exchange.tp.addSensitive')}
        testId="tp-sensitive"
        onAdd={() => set({ sensitive: [...value.sensitive, { point: '', bridge: '' } satisfies Sensitive] })}
      >
        {value.sensitive.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place and have no id
          <Entry key={i} index={i} onRemove={() => set({ sensitive: removeAt(value.sensitive, i) })}>
            <Field label={t('exchange.tp.sensitivePoint')}>
              <Input.TextArea
                value={s.point}
                status={blank(s.point)}
                onChange={(e) => set({ sensitive: replaceAt(value.sensitive, i, { point: e.target.value }) })}
                autoSize={rows}
                data-testid={`tp-sensitive-${i}`}
              />
            </Field>
            <Field label={t('exchange.tp.bridge')}>
              <Input.TextArea
                value={s.bridge}
                onChange={(e) => set({ sensitive: replaceAt(value.sensitive, i, { bridge: e.target.value }) })}
                autoSize={rows}
              />
            </Field>
          </Entry>
        ))}
      </Section>
    </div>
  );
}
