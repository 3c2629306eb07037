// 材料交换: the office sends a department its drafts and 口径库 entries as a pack and takes the
// department's reply back item by item; the same screen, in the department's copy of the app, opens
// the pack for the department to fill in and writes the reply.
import { Tabs, Typography } from 'antd';
import { DepartmentPacks } from '../components/exchange/department-packs';
import { ReceivePack } from '../components/exchange/receive-pack';
import { SendPack, SentPacks } from '../components/exchange/send-pack';
import '../components/exchange/exchange.css';
import { useT } from '../i18n/use-t';
import { useSessionState } from '../use-session-state';

type Side = 'office' | 'department';

export function ExchangePage() {
  const t = useT();
  const [state, setState] = useSessionState<{ side: Side }>('exchange.side', { side: 'office' });

  return (
    <div className="page" data-testid="exchange-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('exchange.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('exchange.subtitle')}</Typography.Text>
        </div>
      </div>
      <Tabs
        activeKey={state.side}
        onChange={(key) => setState({ side: key as Side })}
        items={[
          {
            key: 'office',
            label: <span data-testid="tab-office">{t('exchange.tab.office')}</span>,
            children: (
              <>
                <SendPack />
                <ReceivePack />
                <SentPacks />
              </>
            ),
          },
          {
            key: 'department',
            label: <span data-testid="tab-department">{t('exchange.tab.department')}</span>,
            children: <DepartmentPacks />,
          },
        ]}
      />
    </div>
  );
}
