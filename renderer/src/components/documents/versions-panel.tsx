// 版本: every saved version (who, when, why) and a line diff between any two of them, added lines
// green and removed lines red, long unchanged stretches folded.
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DocumentDetail, VersionRow } from '../../../../common/document-types';
import { useDocumentDiff } from '../../api/document-hooks';
import { formatTime } from '../../format-time';
import { useT } from '../../i18n/use-t';
import { QueryError } from '../query-state';
import { diffCounts, foldDiff } from './diff-fold';

export function VersionsPanel({ doc }: { doc: DocumentDetail }) {
  const t = useT();
  const latest = doc.versions[0]?.version ?? 1;
  const [pair, setPair] = useState<{ from: number | null; to: number | null }>({ from: null, to: null });

  // A new version (saved here or elsewhere) moves the comparison to the latest two.
  useEffect(() => {
    setPair({ from: latest > 1 ? latest - 1 : null, to: latest > 1 ? latest : null });
  }, [latest]);

  const diff = useDocumentDiff(doc.id, pair.from, pair.to);
  const options = doc.versions.map((v) => ({
    value: v.version,
    label: t('versions.option', { version: v.version, author: v.author }),
  }));

  return (
    <div className="versions-grid" data-testid="versions-panel">
      <Card size="small" title={t('versions.title')}>
        <Table<VersionRow>
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={doc.versions}
          rowClassName={(v) => (v.version === pair.from || v.version === pair.to ? 'version-chosen' : '')}
          columns={[
            {
              title: t('versions.col.version'),
              dataIndex: 'version',
              width: 70,
              render: (v: number) => t('document.version', { version: v }),
            },
            { title: t('versions.col.author'), dataIndex: 'author', width: 80, ellipsis: true },
            {
              title: t('versions.col.at'),
              dataIndex: 'at',
              width: 96,
              render: (at: string) => (
                <span className="nowrap tabular" title={formatTime(at)}>
                  {formatTime(at).slice(5, 16)}
                </span>
              ),
            },
            {
              title: t('versions.col.note'),
              dataIndex: 'note',
              ellipsis: { showTitle: true },
              render: (note: string | null) => note ?? '',
            },
            {
              key: 'compare',
              width: 44,
              render: (_, v) =>
                v.version > 1 ? (
                  <Button
                    type="link"
                    size="small"
                    className="inline-action"
                    title={t('versions.comparePrevious')}
                    onClick={() => setPair({ from: v.version - 1, to: v.version })}
                    data-testid={`compare-${v.version}`}
                  >
                    {t('versions.compare')}
                  </Button>
                ) : null,
            },
          ]}
          data-testid="versions-table"
        />
      </Card>
      <Card
        size="small"
        title={
          <Space size={8} wrap>
            <span>{t('versions.compare')}</span>
            <Select<number>
              size="small"
              value={pair.from ?? undefined}
              onChange={(from) => setPair((p) => ({ ...p, from }))}
              options={options}
              style={{ width: 150 }}
              data-testid="diff-from"
            />
            <span>{t('versions.with')}</span>
            <Select<number>
              size="small"
              value={pair.to ?? undefined}
              onChange={(to) => setPair((p) => ({ ...p, to }))}
              options={options}
              style={{ width: 150 }}
              data-testid="diff-to"
            />
          </Space>
        }
      >
        {doc.versions.length < 2 ? (
          <Typography.Text type="secondary">{t('versions.onlyOne')}</Typography.Text>
        ) : pair.from === null || pair.to === null || pair.from === pair.to ? (
          <Alert type="info" showIcon title={t('versions.pickTwo')} />
        ) : diff.error ? (
          <QueryError error={diff.error} onRetry={() => void diff.refetch()} />
        ) : diff.data ? (
          <DiffView lines={diff.data.lines} />
        ) : null}
      </Card>
    </div>
  );
}

function DiffView({ lines }: { lines: Parameters<typeof foldDiff>[0] }) {
  const t = useT();
  const counts = diffCounts(lines);
  if (counts.added === 0 && counts.removed === 0) {
    return <Typography.Text type="secondary">{t('versions.noChange')}</Typography.Text>;
  }
  return (
    <div data-testid="diff-view">
      <div className="diff-counts small">
        <span className="diff-count-add">+{counts.added}</span>{' '}
        <span className="diff-count-remove">−{counts.removed}</span>{' '}
        <span className="muted">{t('versions.counts', counts)}</span>
      </div>
      <div className="diff-lines">
        {foldDiff(lines).map((s) =>
          s.type === 'fold' ? (
            <div key={`fold-${s.first}`} className="diff-fold">
              {t('versions.folded', { count: s.count })}
            </div>
          ) : (
            <div
              key={`line-${s.number}`}
              className={`diff-line diff-${s.line.op}`}
              data-testid={s.line.op === 'same' ? undefined : `diff-${s.line.op}`}
            >
              <span className="diff-sign">{s.line.op === 'add' ? '+' : s.line.op === 'remove' ? '−' : ' '}</span>
              <span className="diff-text">{s.line.text}</span>
            </div>
          ),
        )}
      </div>
    </div>
  );
}
