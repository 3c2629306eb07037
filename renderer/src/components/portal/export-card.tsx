// 导出同步包: the folder (remembered), 全量导出 and zip; a progress bar while the service writes (it is
// asked every 300 ms how far it is); then where the package went, its counts and, checked at once,
// whether the package on disk verifies.
import { ExportOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Progress, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { Output } from '../../../../common/contract';
import { portalKeys, useExportPortal, usePortalPlan, usePortalProgress, useVerifyPortal } from '../../api/portal-hooks';
import { type Translate, useT } from '../../i18n/use-t';
import { type PortalProgressValue, progressPercent, shortHash } from './portal-logic';
import { portalErrorText } from './portal-text';
import { VerifyResult } from './verify-result';

type ExportResult = Output<'portal.export'>;

function phaseText(p: PortalProgressValue | null | undefined, t: Translate): string {
  if (!p) return t('portal.export.phase.start');
  if (p.phase === 'render') return t('portal.export.phase.render', { done: p.done, total: p.total });
  return t(`portal.export.phase.${p.phase}`);
}

export function ExportCard({
  dir,
  onDirChange,
  onExported,
}: {
  dir: string;
  onDirChange: (dir: string) => void;
  /** Called with the folder of a successful export, to remember it. */
  onExported: (dir: string) => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const exportPackage = useExportPortal();
  const verify = useVerifyPortal();
  const progress = usePortalProgress(exportPackage.isPending);
  // Whether any package was ever written: "nothing changed since the last one" needs a last one.
  const exportedBefore = usePortalPlan().data?.previousSequence != null;
  const [full, setFull] = useState(false);
  const [zip, setZip] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [verified, setVerified] = useState<Output<'portal.verify'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    const target = dir.trim();
    setError(null);
    setResult(null);
    setVerified(null);
    // The last export's final phase must not show at the start of this one.
    client.removeQueries({ queryKey: portalKeys.progress });
    try {
      const written = await exportPackage.mutateAsync({ dir: target, full, zip });
      onExported(target);
      setResult(written);
      if (written.written && written.folder) setVerified(await verify.mutateAsync({ path: written.folder }));
    } catch (err) {
      setError(portalErrorText(err, t));
    }
  };

  return (
    <Card size="small" title={t('portal.export.title')} data-testid="portal-export">
      <Form layout="vertical" onFinish={() => void run()}>
        <Form.Item label={t('portal.export.dir')} extra={t('portal.export.dirHint')} required>
          <Input value={dir} onChange={(e) => onDirChange(e.target.value)} data-testid="portal-dir" />
        </Form.Item>
        <Form.Item>
          <Space orientation="vertical" size={4}>
            <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)} data-testid="portal-full">
              {t('portal.export.full')}
              <span className="portal-note portal-aside">{t('portal.export.fullHint')}</span>
            </Checkbox>
            <Checkbox checked={zip} onChange={(e) => setZip(e.target.checked)} data-testid="portal-zip">
              {t('portal.export.zip')}
            </Checkbox>
          </Space>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<ExportOutlined />}
          loading={exportPackage.isPending}
          disabled={!dir.trim()}
          data-testid="portal-export-run"
        >
          {t('portal.export.run')}
        </Button>
      </Form>
      {exportPackage.isPending ? (
        <div className="block-tight" style={{ marginTop: 12 }} data-testid="portal-progress">
          <Progress percent={progressPercent(progress.data)} status="active" />
          <Typography.Text type="secondary" className="small">
            {phaseText(progress.data, t)}
          </Typography.Text>
        </div>
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="portal-export-error" />
      ) : null}
      {result ? (
        <div style={{ marginTop: 12 }}>
          <ExportSummary result={result} exportedBefore={exportedBefore} t={t} />
          {verify.isPending ? (
            <Spin size="small" description={t('portal.export.verifying')} />
          ) : verified ? (
            <VerifyResult result={verified} testId="portal-export-verify" />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

function ExportSummary({ result, exportedBefore, t }: { result: ExportResult; exportedBefore: boolean; t: Translate }) {
  if (!result.written || !result.folder) {
    return (
      <Alert
        type="info"
        showIcon
        title={t(exportedBefore ? 'portal.export.nothing' : 'portal.export.nothingFirst')}
        description={t('portal.export.nothingHint')}
        data-testid="portal-export-nothing"
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      className="block-tight"
      title={t('portal.export.done', { sequence: result.sequence ?? '' })}
      data-testid="portal-export-result"
      description={
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <span>
            {t('portal.export.folder')}
            <Typography.Text copyable className="portal-path" data-testid="portal-export-folder">
              {result.folder}
            </Typography.Text>
          </span>
          {result.zip ? (
            <span>
              {t('portal.export.zipFile')}
              <Typography.Text copyable className="portal-path" data-testid="portal-export-zip">
                {result.zip}
              </Typography.Text>
            </span>
          ) : null}
          <span data-testid="portal-export-counts">
            {t('portal.export.counts', {
              added: result.added,
              changed: result.changed,
              withdrawn: result.withdrawn,
              items: result.items,
            })}
          </span>
          {result.manifestSha256 ? (
            <span>
              {t('portal.export.checksum')}
              <Typography.Text className="portal-checksum" copyable={{ text: result.manifestSha256 }}>
                {shortHash(result.manifestSha256)}
              </Typography.Text>
            </span>
          ) : null}
        </Space>
      }
    />
  );
}
