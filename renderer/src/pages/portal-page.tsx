// 网站同步: what the next portal package holds, exporting it (with progress and a check of what was
// written), the log of past packages (re-created exactly on request) and checking any package.
import { Typography } from 'antd';
import { ExportCard } from '../components/portal/export-card';
import { HistoryCard } from '../components/portal/history-card';
import { PlanCard } from '../components/portal/plan-card';
import { usePortalDir } from '../components/portal/use-portal-dir';
import { VerifyCard } from '../components/portal/verify-card';
import { useT } from '../i18n/use-t';
import '../components/portal/portal.css';

export function PortalPage() {
  const t = useT();
  const [dir, setDir, rememberDir] = usePortalDir();

  return (
    <div className="page" data-testid="portal-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('portal.title')}
          </Typography.Title>
          <Typography.Text type="secondary" className="small">
            {t('portal.subtitle')}
          </Typography.Text>
        </div>
      </div>
      <PlanCard />
      <div className="portal-grid">
        <ExportCard dir={dir} onDirChange={setDir} onExported={rememberDir} />
        <VerifyCard />
      </div>
      <HistoryCard dir={dir} />
    </div>
  );
}
