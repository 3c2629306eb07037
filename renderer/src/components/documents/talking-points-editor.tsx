// 答问口径, structured: 核心信息, 支撑要点 (text, 数据, 来源), 预期问答 (question, answer, 答问人 from the
// department's people, optionally taken from the 口径库) and 敏感问题 (point, 引导口径). Each list can
// be added to, reordered and pruned; the body is derived from all of it on save.
import { ArrowDownOutlined, ArrowUpOutlined, BookOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { TalkingPoints } from '../../../../common/document-schemas';
import type { AnswerView } from '../../../../common/document-types';
import { chineseNumber } from '../../../../common/talking-points';
import { LIMITS } from '../../../../common/text';
import { useLanguage, useT } from '../../i18n/use-t';
import { AnswerPicker } from './answer-picker';
import { moveItem, type TalkingPointsProblem, type TalkingPointsSection } from './draft';

interface Props {
  value: TalkingPoints;
  onChange: (next: TalkingPoints) => void;
  disabled: boolean;
  /** The 答问人 choices: the document department's people. */
  personOptions: { value: string; label: string }[];
  departmentId: string | null;
  problems: readonly TalkingPointsProblem[];
}

function ItemTools({
  index,
  count,
  disabled,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  disabled: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <div className="tp-tools">
      <Tooltip title={t('tp.moveUp')}>
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          aria-label={t('tp.moveUp')}
          disabled={disabled || index === 0}
          onClick={() => onMove(index - 1)}
          data-testid="tp-move-up"
        />
      </Tooltip>
      <Tooltip title={t('tp.moveDown')}>
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          aria-label={t('tp.moveDown')}
          disabled={disabled || index === count - 1}
          onClick={() => onMove(index + 1)}
          data-testid="tp-move-down"
        />
      </Tooltip>
      <Tooltip title={t('tp.remove')}>
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('tp.remove')}
          disabled={disabled}
          onClick={onRemove}
          data-testid="tp-remove"
        />
      </Tooltip>
    </div>
  );
}

function Section({
  title,
  count,
  actions,
  children,
  testId,
}: {
  title: string;
  count?: number;
  actions?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section className="tp-section" data-testid={testId}>
      <div className="tp-section-head">
        <Typography.Text strong>
          {title}
          {count ? <span className="muted tp-count"> {count}</span> : null}
        </Typography.Text>
        {actions ? <Space size={8}>{actions}</Space> : null}
      </div>
      {children}
    </section>
  );
}

export function TalkingPointsEditor({ value, onChange, disabled, personOptions, departmentId, problems }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const language = useLanguage();
  const [picking, setPicking] = useState(false);
  const bad = (section: TalkingPointsSection, index: number) =>
    problems.some((p) => p.section === section && p.index === index) ? ('error' as const) : undefined;

  function list<K extends 'points' | 'questions' | 'sensitive'>(key: K) {
    type Item = TalkingPoints[K][number];
    const items = value[key] as readonly Item[];
    return {
      set: (index: number, patch: Partial<Item>) =>
        onChange({ ...value, [key]: items.map((item, i) => (i === index ? { ...item, ...patch } : item)) }),
      move: (from: number, to: number) => onChange({ ...value, [key]: moveItem(items, from, to) }),
      remove: (index: number) => onChange({ ...value, [key]: items.filter((_, i) => i !== index) }),
      add: (item: Item) => onChange({ ...value, [key]: [...items, item] }),
    };
  }
  const points = list('points');
  const questions = list('questions');
  const sensitive = list('sensitive');
  // Numbered as the generated text numbers them: （一） in Chinese, 1. in English.
  const number = (i: number) => t('tp.number', { n: language === 'zh-CN' ? chineseNumber(i + 1) : i + 1 });
  const empty = <div className="tp-empty muted">{t('tp.empty')}</div>;

  const pick = (a: AnswerView) => {
    questions.add({ question: a.question, answer: a.answer, answererId: null, answerId: a.id });
    message.success(t('picker.inserted'));
  };

  return (
    <div className="tp-editor" data-testid="talking-points-editor">
      <Section title={t('tp.keyMessage')} testId="tp-key-message-section">
        <Input.TextArea
          value={value.keyMessage}
          onChange={(e) => onChange({ ...value, keyMessage: e.target.value })}
          placeholder={t('tp.keyMessage.placeholder')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={LIMITS.notes}
          disabled={disabled}
          data-testid="tp-key-message"
        />
      </Section>

      <Section
        title={t('tp.points')}
        count={value.points.length}
        testId="tp-points"
        actions={
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={disabled}
            onClick={() => points.add({ text: '', figure: null, source: null })}
            data-testid="tp-add-point"
          >
            {t('tp.point.add')}
          </Button>
        }
      >
        {value.points.length === 0 ? empty : null}
        {value.points.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place and have no id
          <div className="tp-item" key={i} data-testid="tp-point">
            <span className="tp-num">{number(i)}</span>
            <div className="tp-fields">
              <Input.TextArea
                value={p.text}
                onChange={(e) => points.set(i, { text: e.target.value })}
                placeholder={t('tp.point.text')}
                autoSize={{ minRows: 1, maxRows: 6 }}
                maxLength={LIMITS.notes}
                disabled={disabled}
                status={bad('points', i)}
                data-testid="tp-point-text"
              />
              <div className="tp-pair">
                <Input
                  value={p.figure ?? ''}
                  onChange={(e) => points.set(i, { figure: e.target.value })}
                  prefix={<span className="tp-prefix">{t('tp.point.figure')}</span>}
                  maxLength={LIMITS.shortText}
                  disabled={disabled}
                  data-testid="tp-point-figure"
                />
                <Input
                  value={p.source ?? ''}
                  onChange={(e) => points.set(i, { source: e.target.value })}
                  prefix={<span className="tp-prefix">{t('tp.point.source')}</span>}
                  maxLength={LIMITS.shortText}
                  disabled={disabled}
                  data-testid="tp-point-source"
                />
              </div>
            </div>
            <ItemTools
              index={i}
              count={value.points.length}
              disabled={disabled}
              onMove={(to) => points.move(i, to)}
              onRemove={() => points.remove(i)}
            />
          </div>
        ))}
      </Section>

      <Section
        title={t('tp.questions')}
        count={value.questions.length}
        testId="tp-questions"
        actions={
          <>
            <Button
              size="small"
              icon={<BookOutlined />}
              disabled={disabled}
              onClick={() => setPicking(true)}
              data-testid="tp-from-library"
            >
              {t('tp.question.fromLibrary')}
            </Button>
            <Button
              size="small"
              icon={<PlusOutlined />}
              disabled={disabled}
              onClick={() => questions.add({ question: '', answer: '', answererId: null, answerId: null })}
              data-testid="tp-add-question"
            >
              {t('tp.question.add')}
            </Button>
          </>
        }
      >
        {value.questions.length === 0 ? empty : null}
        {value.questions.map((q, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place and have no id
          <div className="tp-item" key={i} data-testid="tp-question">
            <span className="tp-num">{number(i)}</span>
            <div className="tp-fields">
              <Input.TextArea
                value={q.question}
                onChange={(e) => questions.set(i, { question: e.target.value })}
                placeholder={t('tp.question.question')}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={LIMITS.notes}
                disabled={disabled}
                status={bad('questions', i)}
                data-testid="tp-question-text"
              />
              <Input.TextArea
                value={q.answer}
                onChange={(e) => questions.set(i, { answer: e.target.value })}
                placeholder={t('tp.question.answer')}
                autoSize={{ minRows: 2, maxRows: 10 }}
                maxLength={LIMITS.notes}
                disabled={disabled}
                data-testid="tp-question-answer"
              />
              <div className="tp-answerer">
                <Select<string | null>
                  value={q.answererId}
                  onChange={(v) => questions.set(i, { answererId: v ?? null })}
                  options={withCurrent(personOptions, q.answererId)}
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={departmentId ? t('tp.question.answerer') : t('document.person.pickDepartment')}
                  disabled={disabled || !departmentId}
                  style={{ width: 240 }}
                  data-testid="tp-question-answerer"
                />
                {q.answerId ? (
                  <Tag color="geekblue" data-testid="tp-library-tag">
                    {t('tp.question.libraryTag')}
                  </Tag>
                ) : null}
              </div>
            </div>
            <ItemTools
              index={i}
              count={value.questions.length}
              disabled={disabled}
              onMove={(to) => questions.move(i, to)}
              onRemove={() => questions.remove(i)}
            />
          </div>
        ))}
      </Section>

      <Section
        title={t('tp.sensitive')}
        count={value.sensitive.length}
        testId="tp-sensitive"
        actions={
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={disabled}
            onClick={() => sensitive.add({ point: '', bridge: '' })}
            data-testid="tp-add-sensitive"
          >
            {t('tp.sensitive.add')}
          </Button>
        }
      >
        {value.sensitive.length === 0 ? empty : null}
        {value.sensitive.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place and have no id
          <div className="tp-item" key={i} data-testid="tp-sensitive-item">
            <span className="tp-num">{number(i)}</span>
            <div className="tp-fields">
              <Input.TextArea
                value={s.point}
                onChange={(e) => sensitive.set(i, { point: e.target.value })}
                placeholder={t('tp.sensitive.point')}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={LIMITS.notes}
                disabled={disabled}
                status={bad('sensitive', i)}
                data-testid="tp-sensitive-point"
              />
              <Input.TextArea
                value={s.bridge}
                onChange={(e) => sensitive.set(i, { bridge: e.target.value })}
                placeholder={t('tp.sensitive.bridge')}
                autoSize={{ minRows: 1, maxRows: 6 }}
                maxLength={LIMITS.notes}
                disabled={disabled}
                data-testid="tp-sensitive-bridge"
              />
            </div>
            <ItemTools
              index={i}
              count={value.sensitive.length}
              disabled={disabled}
              onMove={(to) => sensitive.move(i, to)}
              onRemove={() => sensitive.remove(i)}
            />
          </div>
        ))}
      </Section>

      <AnswerPicker
        open={picking}
        departmentId={departmentId}
        usedIds={value.questions.flatMap((q) => (q.answerId ? [q.answerId] : []))}
        onPick={pick}
        onClose={() => setPicking(false)}
      />
    </div>
  );
}

/** Keeps a chosen answerer listed when they are no longer among the department's current people. */
function withCurrent(options: { value: string; label: string }[], id: string | null) {
  return !id || options.some((o) => o.value === id) ? options : [...options, { value: id, label: id }];
}
