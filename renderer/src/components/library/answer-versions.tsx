// 历史版本 of an answer: newest first, each with what changed since the version before it.
import { Drawer, Empty, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { diffLines } from '../../../../common/diff';
import type { AnswerView, DiffLine } from '../../../../common/document-types';
import { useAnswerVersions } from '../../api/library-hooks';
import { formatTime } from '../../format-time';
import { useT } from '../../i18n/use-t';
import { Loading, QueryError } from '../query-state';
import './library.css';

export interface AnswerVersion {
  version: number;
  question: string;
  answer: string;
  author: string;
  at: string;
}

/** Each version beside the one before it (by number), newest first; the first has no diff. */
export function versionChanges(versions: readonly AnswerVersion[]): {
  version: AnswerVersion;
  /** Nothing before it: shown whole. */
  first: boolean;
  question: DiffLine[] | null;
  answer: DiffLine[] | null;
}[] {
  const ordered = [...versions].sort((a, b) => b.version - a.version);
  return ordered.map((version, i) => {
    const before = ordered[i + 1];
    if (!before) return { version, first: true, question: null, answer: null };
    return {
      version,
      first: false,
      question: before.question === version.question ? null : diffLines(before.question, version.question),
      answer: before.answer === version.answer ? null : diffLines(before.answer, version.answer),
    };
  });
}

function Diff({ lines }: { lines: DiffLine[] }) {
  return (
    <div className="library-diff" data-testid="answer-diff">
      {lines.map((line, i) => (
        <div
          // The lines of a diff never reorder; their index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={i}
          className={`library-diff-line library-diff-${line.op}`}
        >
          <span className="library-diff-sign" aria-hidden>
            {line.op === 'add' ? '+' : line.op === 'remove' ? '−' : ' '}
          </span>
          {line.text || '\u00a0'}
        </div>
      ))}
    </div>
  );
}

export function AnswerVersionsDrawer({ answer, onClose }: { answer: AnswerView | null; onClose: () => void }) {
  const t = useT();
  const versions = useAnswerVersions(answer?.id ?? null);
  const [view, setView] = useState<'diff' | 'full'>('diff');

  return (
    <Drawer
      open={answer !== null}
      onClose={onClose}
      size={560}
      title={t('library.versions.title')}
      data-testid="answer-versions"
      extra={
        <Segmented<'diff' | 'full'>
          size="small"
          value={view}
          onChange={setView}
          options={[
            { value: 'diff', label: t('library.versions.showDiff') },
            { value: 'full', label: t('library.versions.showFull') },
          ]}
        />
      }
    >
      {answer ? (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
          {answer.question}
        </Typography.Paragraph>
      ) : null}
      {versions.isLoading ? <Loading /> : null}
      {versions.error ? <QueryError error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      {versions.data?.length === 0 ? <Empty description={t('library.versions.none')} /> : null}
      {versionChanges(versions.data ?? []).map(({ version, first, question, answer: answerDiff }, i) => (
        <section key={version.version} className="library-version" data-testid="answer-version">
          <div className="library-version-head">
            <Typography.Text strong>{t('library.versions.version', { version: version.version })}</Typography.Text>
            {i === 0 ? <Tag color="blue">{t('library.versions.current')}</Tag> : null}
            <Typography.Text type="secondary" className="small">
              {t('library.versions.by', { author: version.author, at: formatTime(version.at) })}
            </Typography.Text>
          </div>
          {view === 'full' || first ? (
            <>
              <div className="library-version-label">{t('library.answer.field.question')}</div>
              <div className="pre-wrap">{version.question}</div>
              <div className="library-version-label">{t('library.answer.field.answer')}</div>
              <div className="pre-wrap">{version.answer}</div>
            </>
          ) : (
            <>
              {question ? (
                <>
                  <div className="library-version-label">{t('library.versions.questionChanged')}</div>
                  <Diff lines={question} />
                </>
              ) : null}
              {answerDiff ? (
                <>
                  <div className="library-version-label">{t('library.versions.answerChanged')}</div>
                  <Diff lines={answerDiff} />
                </>
              ) : null}
              {!question && !answerDiff ? (
                <Typography.Text type="secondary">{t('library.versions.unchanged')}</Typography.Text>
              ) : null}
            </>
          )}
        </section>
      ))}
    </Drawer>
  );
}
