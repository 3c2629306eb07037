// 舆情登记: the register of public-opinion items (登记簿), their response figures (回应时效) and the
// office's grades (分级标准). `#/opinions/<id>` opens that item's editor over the register.
import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { GradeSettingsPanel } from '../components/opinions/grade-settings';
import { OpinionEditor } from '../components/opinions/opinion-editor';
import { OpinionList } from '../components/opinions/opinion-list';
import '../components/opinions/opinions.css';
import { ResponseFigures } from '../components/opinions/response-figures';
import { useT } from '../i18n/use-t';
import { navigate } from '../routing';
import { useSessionState } from '../use-session-state';

type Tab = 'register' | 'figures' | 'grades';

export function OpinionsPage({ id }: { id?: string }) {
  const t = useT();
  const [stored, setTab] = useSessionState<{ tab: Tab }>('opinions.tab', { tab: 'register' });
  // An item's address always shows it over the register.
  const tab = id ? 'register' : stored.tab;
  const [creating, setCreating] = useState(false);

  return (
    <div className="page" data-testid="opinions-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('opinions.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('opinions.subtitle')}</Typography.Text>
        </div>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab({ tab: key as Tab });
          if (id) navigate({ page: 'opinions' });
        }}
        destroyOnHidden
        items={[
          {
            key: 'register',
            label: <span data-testid="opinions-tab-register">{t('opinions.tab.register')}</span>,
            children: <OpinionList onAdd={() => setCreating(true)} />,
          },
          {
            key: 'figures',
            label: <span data-testid="opinions-tab-figures">{t('opinions.tab.figures')}</span>,
            children: <ResponseFigures />,
          },
          {
            key: 'grades',
            label: <span data-testid="opinions-tab-grades">{t('opinions.tab.grades')}</span>,
            children: <GradeSettingsPanel />,
          },
        ]}
      />
      {id ? <OpinionEditor id={id} onClose={() => navigate({ page: 'opinions' })} /> : null}
      {creating ? <OpinionEditor id={null} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
