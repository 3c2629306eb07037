// One opened pack at the department: its conferences to read, its documents and 口径库 entries to
// edit and save one by one, and the reply file for the office. An item saved here is marked as
// changed (by whom, when); an item edited but not saved yet is marked too, so nothing is lost unseen.
import { ArrowLeftOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TalkingPoints } from '../../../../common/document-schemas';
import type { Pack, PackAnswer, PackDocument } from '../../../../common/pack-types';
import { usePack, useReturnPack, useSavePackItem } from '../../api/exchange-hooks';
import { formatTime } from '../../format-time';
import { type Translate, useT } from '../../i18n/use-t';
import { useWord } from '../../i18n/use-word';
import { ExportDialog } from '../export-dialog';
import { Loading, QueryError } from '../query-state';
import { localDate, packFileName } from './send-pack';
import { exchangeErrorText } from './server-text';
import { blankEntries, TalkingPointsEditor } from './talking-points-editor';

function EditMarks({
  item,
  dirty,
  t,
}: {
  item: { editedBy: string | null; editedAt: string | null };
  dirty: boolean;
  t: Translate;
}) {
  return (
    <Space size={4}>
      {dirty ? (
        <Tag color="orange" data-testid="mark-unsaved">
          {t('exchange.mark.unsaved')}
        </Tag>
      ) : null}
      {item.editedAt ? (
        <Tag color="blue" data-testid="mark-edited">
          {t('exchange.mark.edited', { name: item.editedBy ?? t('common.none'), at: formatTime(item.editedAt) })}
        </Tag>
      ) : null}
    </Space>
  );
}

function useSave(packId: string) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSavePackItem();
  const run = (edit: Parameters<typeof save.mutate>[0]['edit']) =>
    save.mutate(
      { packId, edit },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => void message.error(exchangeErrorText(err, t)),
      },
    );
  return { run, busy: save.isPending };
}

function DocumentItem({ pack, doc }: { pack: Pack; doc: PackDocument }) {
  const t = useT();
  const word = useWord();
  const { run, busy } = useSave(pack.packId);
  const [title, setTitle] = useState(doc.title);
  const [body, setBody] = useState(doc.body);
  const [tp, setTp] = useState<TalkingPoints | null>(doc.talkingPoints);
  const structured = doc.kind === 'qa' && tp !== null;
  const dirty =
    title !== doc.title || (structured ? JSON.stringify(tp) !== JSON.stringify(doc.talkingPoints) : body !== doc.body);
  const blanks = structured && tp ? blankEntries(tp) : 0;
  const people = new Map(pack.people.map((p) => [p.id, p.name]));
  const conference = pack.conferences.find((c) => c.id === doc.conferenceId);

  return (
    <Card
      size="small"
      className="block exchange-item"
      data-testid={`pack-document-${doc.id}`}
      title={
        <Space size={8}>
          <Tag>{word('exchange.kind', doc.kind) ?? doc.kind}</Tag>
          <span className="exchange-item-title">{doc.title}</span>
        </Space>
      }
      extra={<EditMarks item={doc} dirty={dirty} t={t} />}
    >
      {conference ? (
        <Typography.Paragraph type="secondary" className="small">
          {t('exchange.edit.forConference', { title: conference.title, date: conference.date })}
        </Typography.Paragraph>
      ) : null}
      <div className="tp-field">
        <span className="tp-field-label">{t('exchange.edit.title')}</span>
        <div className="tp-field-input">
          <Input
            value={title}
            status={title.trim() ? undefined : 'error'}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="item-title"
          />
        </div>
      </div>
      {structured && tp ? (
        <TalkingPointsEditor value={tp} onChange={setTp} people={people} />
      ) : (
        <div className="tp-field">
          <span className="tp-field-label">{t('exchange.edit.body')}</span>
          <div className="tp-field-input">
            <Input.TextArea
              value={body}
              onChange={(e) => setBody(e.target.value)}
              autoSize={{ minRows: 4, maxRows: 20 }}
              data-testid="item-body"
            />
          </div>
        </div>
      )}
      <div className="exchange-actions">
        {blanks ? (
          <Typography.Text type="danger" className="small">
            {t('exchange.edit.blanks', { count: blanks })}
          </Typography.Text>
        ) : null}
        <Button
          type="primary"
          disabled={!dirty || !title.trim() || blanks > 0}
          loading={busy}
          onClick={() => run({ type: 'document', id: doc.id, title, body, talkingPoints: structured ? tp : null })}
          data-testid="save-item"
        >
          {t('common.save')}
        </Button>
      </div>
    </Card>
  );
}

function AnswerItem({ pack, answer }: { pack: Pack; answer: PackAnswer }) {
  const t = useT();
  const { run, busy } = useSave(pack.packId);
  const [question, setQuestion] = useState(answer.question);
  const [text, setText] = useState(answer.answer);
  const dirty = question !== answer.question || text !== answer.answer;
  const complete = question.trim() !== '' && text.trim() !== '';

  return (
    <Card
      size="small"
      className="block exchange-item"
      data-testid={`pack-answer-${answer.id}`}
      title={
        <Space size={8}>
          {answer.topic ? <Tag>{answer.topic}</Tag> : null}
          {answer.stale ? <Tag color="warning">{t('exchange.edit.stale')}</Tag> : null}
          <span className="exchange-item-title">{answer.question.split('\n')[0]}</span>
        </Space>
      }
      extra={<EditMarks item={answer} dirty={dirty} t={t} />}
    >
      <div className="tp-field">
        <span className="tp-field-label">{t('exchange.tp.question')}</span>
        <div className="tp-field-input">
          <Input.TextArea
            value={question}
            status={question.trim() ? undefined : 'error'}
            onChange={(e) => setQuestion(e.target.value)}
            autoSize={{ minRows: 1, maxRows: 6 }}
            data-testid="answer-question"
          />
        </div>
      </div>
      <div className="tp-field">
        <span className="tp-field-label">{t('exchange.tp.answer')}</span>
        <div className="tp-field-input">
          <Input.TextArea
            value={text}
            status={text.trim() ? undefined : 'error'}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 12 }}
            data-testid="answer-answer"
          />
        </div>
      </div>
      <div className="exchange-actions">
        <Button
          type="primary"
          disabled={!dirty || !complete}
          loading={busy}
          onClick={() => run({ type: 'answer', id: answer.id, question, answer: text })}
          data-testid="save-item"
        >
          {t('common.save')}
        </Button>
      </div>
    </Card>
  );
}

export function PackEditor({ packId, onBack }: { packId: string; onBack: () => void }) {
  const t = useT();
  const query = usePack(packId);
  const returnPack = useReturnPack();
  const [returning, setReturning] = useState(false);

  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const pack = query.data;
  const edited = [...pack.documents, ...pack.answers].filter((i) => i.editedAt).length;

  return (
    <div data-testid="pack-editor">
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={onBack}
        className="exchange-back"
        data-testid="pack-back"
      >
        {t('exchange.edit.back')}
      </Button>
      <div className="page-header">
        <div>
          <Typography.Title level={5} className="page-title">
            {t('exchange.edit.heading', { name: pack.department.fullName })}
          </Typography.Title>
          <Typography.Text type="secondary" className="small">
            {t('exchange.edit.from', { office: pack.office, at: formatTime(pack.createdAt) })}
          </Typography.Text>
        </div>
        <Space>
          <Typography.Text type="secondary" data-testid="edited-count">
            {t('exchange.edit.editedCount', { count: edited })}
          </Typography.Text>
          <Button type="primary" icon={<ExportOutlined />} onClick={() => setReturning(true)} data-testid="return-pack">
            {t('exchange.edit.return')}
          </Button>
        </Space>
      </div>
      <Alert type="info" showIcon className="block" title={t('exchange.edit.hint')} />

      <Typography.Title level={5}>{t('exchange.edit.conferences')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        className="block"
        pagination={false}
        dataSource={pack.conferences}
        locale={{ emptyText: t('exchange.edit.noConferences') }}
        columns={[
          { title: t('exchange.col.date'), dataIndex: 'date', width: 120 },
          {
            title: t('exchange.col.time'),
            dataIndex: 'time',
            width: 90,
            render: (v: string | null) => v ?? t('common.none'),
          },
          { title: t('exchange.col.conference'), dataIndex: 'title' },
          {
            title: t('exchange.col.venue'),
            dataIndex: 'venue',
            width: 220,
            render: (v: string | null) => v ?? t('common.none'),
          },
        ]}
        data-testid="pack-conferences"
      />

      <Typography.Title level={5}>{t('exchange.edit.documents', { count: pack.documents.length })}</Typography.Title>
      {pack.documents.length ? (
        pack.documents.map((d) => <DocumentItem key={`${d.id}:${d.editedAt ?? ''}`} pack={pack} doc={d} />)
      ) : (
        <Typography.Paragraph type="secondary">{t('exchange.edit.noDocuments')}</Typography.Paragraph>
      )}

      <Typography.Title level={5}>{t('exchange.edit.answers', { count: pack.answers.length })}</Typography.Title>
      {pack.answers.length ? (
        pack.answers.map((a) => <AnswerItem key={`${a.id}:${a.editedAt ?? ''}`} pack={pack} answer={a} />)
      ) : (
        <Typography.Paragraph type="secondary">{t('exchange.edit.noAnswers')}</Typography.Paragraph>
      )}

      <ExportDialog
        open={returning}
        title={t('exchange.edit.returnTitle')}
        fileName={packFileName(pack.department.name, localDate(), true)}
        testId="return-dialog"
        onClose={() => setReturning(false)}
        write={async (target) => {
          const written = await returnPack.mutateAsync({ packId: pack.packId, ...target });
          return [written.json.path, written.docx.path];
        }}
      />
    </div>
  );
}
