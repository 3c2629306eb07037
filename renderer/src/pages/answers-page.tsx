// 口径库: the office's agreed answers, found by a Chinese substring, filed by department and topic,
// and flagged 待复核 when nobody has reviewed them for 90 days.
import {
  App,
  Button,
  Checkbox,
  Input,
  type InputRef,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Input as ApiInput } from '../../../common/contract';
import type { AnswerView } from '../../../common/document-types';
import { useTopics } from '../api/conference-hooks';
import { apiErrorText } from '../api/error-text';
import { useDepartments } from '../api/hooks';
import { useAnswers, useArchiveAnswer, useReviewAnswer } from '../api/library-hooks';
import { AnswerFormModal } from '../components/library/answer-form';
import { AnswerVersionsDrawer } from '../components/library/answer-versions';
import '../components/library/library.css';
import { QueryError } from '../components/query-state';
import { type Translate, useT } from '../i18n/use-t';
import { useSessionState } from '../use-session-state';

interface Filters {
  search: string;
  departmentId: string | null;
  topic: string | null;
  staleOnly: boolean;
  includeArchived: boolean;
}

const NO_FILTERS: Filters = { search: '', departmentId: null, topic: null, staleOnly: false, includeArchived: false };

// The server answers at most this many (db/queries/answers.ts); past it the user narrows the search.
const LIST_LIMIT = 500;

function toQuery(f: Filters): ApiInput<'answers.list'> {
  return {
    ...(f.search.trim() ? { search: f.search.trim() } : {}),
    ...(f.departmentId ? { departmentId: f.departmentId } : {}),
    ...(f.topic ? { topic: f.topic } : {}),
    ...(f.staleOnly ? { staleOnly: true } : {}),
    ...(f.includeArchived ? { includeArchived: true } : {}),
  };
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function ReviewCell({ answer, t }: { answer: AnswerView; t: Translate }) {
  return (
    <div className="library-review-cell" data-testid="answer-review">
      {answer.reviewedAt ? (
        <>
          <span>{dayjs(answer.reviewedAt).format('YYYY-MM-DD')}</span>
          {answer.reviewedBy ? (
            <Typography.Text type="secondary" className="small">
              {answer.reviewedBy}
            </Typography.Text>
          ) : null}
        </>
      ) : (
        <Typography.Text type="secondary">{t('library.answer.neverReviewed')}</Typography.Text>
      )}
      {answer.stale && !answer.archived ? (
        <Tag color="warning" data-testid="answer-stale" title={t('library.answer.staleHint')}>
          {t('library.answer.stale')}
        </Tag>
      ) : null}
      {answer.archived ? <Tag>{t('library.answer.archivedTag')}</Tag> : null}
    </div>
  );
}

interface Actions {
  edit: (a: AnswerView) => void;
  review: (a: AnswerView) => void;
  history: (a: AnswerView) => void;
  archive: (a: AnswerView, archived: boolean) => void;
}

function useColumns(actions: Actions): TableColumnsType<AnswerView> {
  const t = useT();
  return [
    {
      title: t('library.answer.col.question'),
      dataIndex: 'question',
      width: 210,
      render: (question: string) => <span className="pre-wrap">{question}</span>,
    },
    {
      title: t('library.answer.col.answer'),
      dataIndex: 'answer',
      className: 'library-answer-cell',
      render: (answer: string) => (
        <Typography.Paragraph
          ellipsis={{
            rows: 2,
            expandable: 'collapsible',
            symbol: (expanded) => t(expanded ? 'library.answer.collapse' : 'library.answer.expand'),
          }}
        >
          {answer}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('library.answer.col.department'),
      dataIndex: 'departmentName',
      width: 100,
      render: (name: string | null) => name ?? <span className="muted">{t('common.none')}</span>,
    },
    {
      title: t('library.answer.col.topic'),
      dataIndex: 'topic',
      width: 104,
      render: (topic: string | null) => topic ?? <span className="muted">{t('common.none')}</span>,
    },
    {
      title: t('library.answer.col.tags'),
      dataIndex: 'tags',
      width: 120,
      render: (tags: string[]) => (
        <Space size={[4, 4]} wrap>
          {tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('library.answer.col.reviewed'),
      key: 'reviewed',
      width: 108,
      render: (_, a) => <ReviewCell answer={a} t={t} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 144,
      render: (_, a) => (
        <Space size={[8, 0]} wrap className="library-actions">
          <Button type="link" size="small" onClick={() => actions.edit(a)} data-testid="answer-edit">
            {t('common.edit')}
          </Button>
          {a.archived ? null : (
            <Button type="link" size="small" onClick={() => actions.review(a)} data-testid="answer-mark-reviewed">
              {t('library.answer.markReviewed')}
            </Button>
          )}
          <Button type="link" size="small" onClick={() => actions.history(a)} data-testid="answer-history">
            {t('library.answer.history')}
          </Button>
          <Popconfirm
            title={t(a.archived ? 'library.answer.restore.confirm' : 'library.answer.archive.confirm')}
            description={a.archived ? null : t('library.answer.archive.hint')}
            okText={t(a.archived ? 'library.answer.restore' : 'library.answer.archive')}
            cancelText={t('common.cancel')}
            onConfirm={() => actions.archive(a, !a.archived)}
          >
            <Button
              type="link"
              size="small"
              danger={!a.archived}
              data-testid={a.archived ? 'answer-restore' : 'answer-archive'}
            >
              {t(a.archived ? 'library.answer.restore' : 'library.answer.archive')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
}

export function AnswersPage() {
  const t = useT();
  const { message } = App.useApp();
  const [filters, setFilters] = useSessionState<Filters>('answers.filters', NO_FILTERS);
  const search = useDebounced(filters.search, 200);
  const query = useAnswers(toQuery({ ...filters, search }));
  const departments = useDepartments({});
  const usualTopics = useTopics();
  const review = useReviewAnswer();
  const archive = useArchiveAnswer();
  // undefined: the form is closed; null: a new entry.
  const [editing, setEditing] = useState<AnswerView | null | undefined>(undefined);
  const [history, setHistory] = useState<AnswerView | null>(null);
  const searchRef = useRef<InputRef>(null);

  // `/` or Ctrl+F focuses the search box, unless the user is typing somewhere already.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, [contenteditable="true"]') !== null;
      if ((e.key === '/' && !typing) || ((e.ctrlKey || e.metaKey) && e.key === 'f')) {
        e.preventDefault();
        searchRef.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const rows = query.data ?? [];
  // The usual topics and those the entries were filed under.
  const topics = useMemo(() => {
    const seen = new Set(usualTopics.data ?? []);
    for (const a of rows) if (a.topic) seen.add(a.topic);
    if (filters.topic) seen.add(filters.topic);
    return [...seen];
  }, [usualTopics.data, rows, filters.topic]);
  const staleCount = rows.filter((a) => a.stale && !a.archived).length;

  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });
  const fail = (err: unknown) => void message.error(apiErrorText(err, t));

  const columns = useColumns({
    edit: (a) => setEditing(a),
    history: (a) => setHistory(a),
    review: (a) =>
      review.mutate(
        { id: a.id },
        {
          onSuccess: (saved) =>
            void message.success(
              t('library.answer.reviewed', {
                until: saved.reviewedAt ? dayjs(saved.reviewedAt).add(90, 'day').format('YYYY-MM-DD') : '',
              }),
            ),
          onError: fail,
        },
      ),
    archive: (a, archived) =>
      archive.mutate(
        { id: a.id, archived },
        {
          onSuccess: () => void message.success(t(archived ? 'library.answer.archived' : 'library.answer.restored')),
          onError: fail,
        },
      ),
  });

  return (
    <div className="page" data-testid="answers-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('library.answers.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('library.answers.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" onClick={() => setEditing(null)} data-testid="answer-add">
          {t('library.answer.add')}
        </Button>
      </div>
      <div className="toolbar">
        <Input.Search
          ref={searchRef}
          allowClear
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
          placeholder={t('library.answers.search')}
          title={t('library.answers.searchHint')}
          style={{ width: 280 }}
          data-testid="answers-search"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.departmentId}
          onChange={(departmentId) => set({ departmentId: departmentId ?? null })}
          placeholder={t('library.answers.filter.department')}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          style={{ width: 160 }}
          data-testid="answers-filter-department"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.topic}
          onChange={(topic) => set({ topic: topic ?? null })}
          placeholder={t('library.answers.filter.topic')}
          options={topics.map((topic) => ({ value: topic, label: topic }))}
          style={{ width: 160 }}
          data-testid="answers-filter-topic"
        />
        <Checkbox
          checked={filters.staleOnly}
          onChange={(e) => set({ staleOnly: e.target.checked })}
          data-testid="answers-filter-stale"
        >
          {t('library.answers.filter.stale')}
        </Checkbox>
        <Checkbox
          checked={filters.includeArchived}
          onChange={(e) => set({ includeArchived: e.target.checked })}
          data-testid="answers-filter-archived"
        >
          {t('library.answers.filter.archived')}
        </Checkbox>
        <span className="toolbar-spacer" />
        {query.data ? (
          <Typography.Text type="secondary" data-testid="answers-count">
            {t('library.answers.count', { count: rows.length, stale: staleCount })}
          </Typography.Text>
        ) : null}
      </div>
      {rows.length >= LIST_LIMIT ? (
        <Typography.Paragraph type="warning">
          {t('library.answers.limited', { limit: LIST_LIMIT })}
        </Typography.Paragraph>
      ) : null}
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<AnswerView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={query.isLoading}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{
            emptyText: t(
              filters.search || filters.departmentId || filters.topic || filters.staleOnly
                ? 'library.answers.emptyFiltered'
                : 'library.answers.empty',
            ),
          }}
          rowClassName={(a) => (a.archived ? 'row-inactive' : '')}
          onRow={(a) => ({ onDoubleClick: () => setEditing(a) })}
          data-testid="answers-table"
        />
      )}
      <AnswerFormModal open={editing !== undefined} answer={editing ?? null} onClose={() => setEditing(undefined)} />
      <AnswerVersionsDrawer answer={history} onClose={() => setHistory(null)} />
    </div>
  );
}
