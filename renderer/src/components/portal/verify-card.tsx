// 校验同步包: any package folder or .zip on this computer, checked against its manifest.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import type { Output } from '../../../../common/contract';
import { useVerifyPortal } from '../../api/portal-hooks';
import { useT } from '../../i18n/use-t';
import { portalErrorText } from './portal-text';
import { VerifyResult } from './verify-result';

export function VerifyCard() {
  const t = useT();
  const verify = useVerifyPortal();
  const [path, setPath] = useState('');
  const [result, setResult] = useState<Output<'portal.verify'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = () => {
    setResult(null);
    setError(null);
    verify.mutate({ path: path.trim() }, { onSuccess: setResult, onError: (err) => setError(portalErrorText(err, t)) });
  };

  return (
    <Card size="small" title={t('portal.verify.title')} data-testid="portal-verify">
      <Typography.Paragraph type="secondary" className="small">
        {t('portal.verify.hint')}
      </Typography.Paragraph>
      <div className="portal-verify-row block-tight">
        <Input
          value={path}
          placeholder={t('portal.verify.path')}
          aria-label={t('portal.verify.path')}
          onChange={(e) => setPath(e.target.value)}
          onPressEnter={() => path.trim() && run()}
          data-testid="verify-path"
        />
        <Button
          icon={<SafetyCertificateOutlined />}
          onClick={run}
          loading={verify.isPending}
          disabled={!path.trim()}
          data-testid="verify-run"
        >
          {t('portal.verify.run')}
        </Button>
      </div>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {result ? <VerifyResult result={result} /> : null}
    </Card>
  );
}
