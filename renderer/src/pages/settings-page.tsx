// 设置: language, the name recorded for changes, and facts about this installation.
import { App, Button, Card, Descriptions, Form, Input, Radio, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { LIMITS } from '../../../common/text';
import type { Language } from '../../../common/types';
import { apiErrorText } from '../api/error-text';
import { useAppInfo, useSettings, useUpdateSettings } from '../api/hooks';
import { Loading, QueryError } from '../components/query-state';
import { issueMessage } from '../forms/issue-messages';
import { useT } from '../i18n/use-t';
import { BackupsPanel } from './backups-panel';
import { MediaPanel } from './media-panel';
import { OfficePanel } from './office-panel';
import { OverridesPanel, RulesPanel, TopicsPanel } from './office-settings';

export function SettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const settings = useSettings();
  const info = useAppInfo();
  const update = useUpdateSettings();
  const [userName, setUserName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);

  useEffect(() => {
    if (settings.data) setUserName(settings.data.userName);
  }, [settings.data]);

  if (settings.isLoading) return <Loading />;
  if (settings.error || !settings.data) {
    return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  }

  const saveName = () => {
    if (!userName.trim()) {
      const mapped = issueMessage({ message: 'is required' });
      setNameError(t(mapped.key, { field: t('settings.userName') }));
      return;
    }
    update.mutate(
      { userName },
      {
        onSuccess: () => {
          setNameError(null);
          message.success(t('common.saved'));
        },
        onError: (err) => setNameError(apiErrorText(err, t)),
      },
    );
  };

  const setLanguage = (language: Language) =>
    update.mutate({ language }, { onError: (err) => void message.error(apiErrorText(err, t)) });

  const general = (
    <>
      <Card size="small" title={t('settings.general')} className="block">
        <Form layout="horizontal" labelCol={{ flex: '140px' }} labelAlign="left" colon={false}>
          <Form.Item label={t('settings.language')}>
            <Radio.Group
              optionType="button"
              value={settings.data.language}
              onChange={(e) => setLanguage(e.target.value as Language)}
              data-testid="language-switch"
              options={[
                { value: 'zh-CN', label: <span data-testid="language-zh">{t('settings.language.zh')}</span> },
                { value: 'en-US', label: <span data-testid="language-en">{t('settings.language.en')}</span> },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={t('settings.userName')}
            extra={t('settings.userName.help')}
            validateStatus={nameError ? 'error' : ''}
            help={nameError}
          >
            <Space.Compact style={{ width: 420 }}>
              <Input
                value={userName}
                maxLength={LIMITS.name}
                onChange={(e) => {
                  setUserName(e.target.value);
                  setNameError(null);
                }}
                onPressEnter={saveName}
                data-testid="settings-username"
              />
              <Button type="primary" onClick={saveName} loading={update.isPending} data-testid="save-username">
                {t('common.save')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t('settings.about')} className="block">
        {info.error ? (
          <QueryError error={info.error} onRetry={() => void info.refetch()} />
        ) : (
          <Descriptions
            size="small"
            column={1}
            data-testid="app-info"
            items={[
              { key: 'version', label: t('settings.version'), children: info.data?.version ?? '' },
              {
                key: 'mode',
                label: t('settings.mode'),
                children: info.data
                  ? t(info.data.mode === 'electron' ? 'settings.mode.electron' : 'settings.mode.browser')
                  : '',
              },
              {
                key: 'db',
                label: t('settings.dbPath'),
                children: <Typography.Text copyable={Boolean(info.data)}>{info.data?.dbPath ?? ''}</Typography.Text>,
              },
              { key: 'schema', label: t('settings.schemaVersion'), children: info.data?.schemaVersion ?? '' },
            ]}
          />
        )}
      </Card>
    </>
  );

  return (
    <div className="page settings" data-testid="settings-page">
      <div className="page-header">
        <Typography.Title level={4} className="page-title">
          {t('settings.title')}
        </Typography.Title>
      </div>
      <Tabs
        data-testid="settings-tabs"
        items={[
          { key: 'general', label: t('settings.tab.general'), children: general },
          {
            key: 'office',
            label: <span data-testid="tab-office">{t('library.office.tab')}</span>,
            children: <OfficePanel />,
          },
          {
            key: 'media',
            label: <span data-testid="tab-media">{t('settings.tab.media')}</span>,
            children: <MediaPanel />,
          },
          {
            key: 'rules',
            label: <span data-testid="tab-rules">{t('settings.tab.rules')}</span>,
            children: <RulesPanel />,
          },
          {
            key: 'topics',
            label: <span data-testid="tab-topics">{t('settings.tab.topics')}</span>,
            children: <TopicsPanel />,
          },
          {
            key: 'calendar',
            label: <span data-testid="tab-calendar">{t('settings.tab.calendar')}</span>,
            children: <OverridesPanel />,
          },
          {
            key: 'backups',
            label: <span data-testid="tab-backups">{t('settings.tab.backups')}</span>,
            children: <BackupsPanel />,
          },
        ]}
      />
    </div>
  );
}
