// 文稿模板: the built-in templates (read-only) and the office's own copies, grouped by kind; a template
// opens in the editor on this page (the list comes back with 返回).
import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { TEMPLATE_KINDS, type TemplateKind } from '../../../common/document-schemas';
import type { TemplateView } from '../../../common/document-types';
import { apiErrorText } from '../api/error-text';
import { useCopyTemplate, useRemoveTemplate, useTemplates } from '../api/library-hooks';
import '../components/library/library.css';
import { TemplateEditor } from '../components/library/template-editor';
import { Loading, QueryError } from '../components/query-state';
import { formatTime } from '../format-time';
import { useT } from '../i18n/use-t';
import { useSessionState } from '../use-session-state';

/** The templates of each kind, in the order of TEMPLATE_KINDS: built-ins first, then copies by name. */
export function groupTemplates(
  templates: readonly TemplateView[],
): { kind: TemplateKind; templates: TemplateView[] }[] {
  return TEMPLATE_KINDS.map((kind) => ({
    kind,
    templates: templates
      .filter((tpl) => tpl.kind === kind)
      .sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.name.localeCompare(b.name, 'zh-CN')),
  })).filter((g) => g.templates.length > 0);
}

function TemplateRow({
  template,
  basedOnName,
  onOpen,
}: {
  template: TemplateView;
  basedOnName: string | null;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const copy = useCopyTemplate();
  const remove = useRemoveTemplate();
  const fail = (err: unknown) => void message.error(apiErrorText(err, t));

  return (
    <div className="template-row" data-testid="template-row" data-template-id={template.id}>
      <div className="template-row-main">
        <div className="template-row-name">
          <Button type="link" className="inline-action" onClick={() => onOpen(template.id)}>
            <Typography.Text strong>{template.name}</Typography.Text>
          </Button>
          {template.builtin ? (
            <Tag data-testid="template-builtin">{t('library.template.builtin')}</Tag>
          ) : (
            <Tag color="blue">{t('library.template.own')}</Tag>
          )}
        </div>
        <Typography.Text type="secondary" className="small">
          {template.builtin
            ? template.description
            : [
                basedOnName ? t('library.template.basedOn', { name: basedOnName }) : null,
                template.updatedAt ? t('library.template.updatedAt', { at: formatTime(template.updatedAt) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
        </Typography.Text>
      </div>
      <Space className="template-row-actions" size={4}>
        {template.builtin ? (
          <>
            <Button size="small" onClick={() => onOpen(template.id)} data-testid="template-view">
              {t('library.template.view')}
            </Button>
            <Button
              size="small"
              type="primary"
              ghost
              loading={copy.isPending}
              onClick={() =>
                copy.mutate(
                  { id: template.id },
                  {
                    onSuccess: (view) => {
                      void message.success(t('library.template.copied', { name: view.name }));
                      onOpen(view.id);
                    },
                    onError: fail,
                  },
                )
              }
              data-testid="template-copy"
            >
              {t('library.template.copy')}
            </Button>
          </>
        ) : (
          <>
            <Button size="small" onClick={() => onOpen(template.id)} data-testid="template-edit">
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('library.template.remove.confirm', { name: template.name })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                remove.mutate(
                  { id: template.id },
                  {
                    onSuccess: () => void message.success(t('library.template.removed', { name: template.name })),
                    onError: fail,
                  },
                )
              }
            >
              <Button size="small" danger data-testid="template-remove">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </>
        )}
      </Space>
    </div>
  );
}

export function TemplatesPage() {
  const t = useT();
  const templates = useTemplates();
  const [open, setOpen] = useSessionState<{ id: string | null }>('templates.open', { id: null });

  if (templates.isLoading) return <Loading />;
  if (templates.error || !templates.data) {
    return <QueryError error={templates.error} onRetry={() => void templates.refetch()} />;
  }
  const all = templates.data;
  const current = open.id ? all.find((tpl) => tpl.id === open.id) : undefined;
  const openId = (id: string | null) => setOpen({ id });
  // A copy just made is opened before the refreshed list that holds it has arrived.
  if (open.id && !current && templates.isFetching) return <Loading />;

  if (current) {
    return (
      <div className="page" data-testid="templates-page">
        <TemplateEditor key={current.id} template={current} onBack={() => openId(null)} onOpen={openId} />
      </div>
    );
  }

  const names = new Map(all.map((tpl) => [tpl.id, tpl.name]));
  const copies = all.filter((tpl) => !tpl.builtin).length;
  return (
    <div className="page" data-testid="templates-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('library.templates.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('library.templates.subtitle')}</Typography.Text>
        </div>
        <Typography.Text type="secondary" data-testid="templates-count">
          {t('library.templates.count', { builtin: all.length - copies, own: copies })}
        </Typography.Text>
      </div>
      {groupTemplates(all).map((group) => (
        <Card
          key={group.kind}
          size="small"
          className="template-kind-card"
          title={t(`library.kind.${group.kind}`)}
          data-testid={`template-kind-${group.kind}`}
        >
          {group.templates.map((tpl) => (
            <TemplateRow
              key={tpl.id}
              template={tpl}
              basedOnName={tpl.basedOn ? (names.get(tpl.basedOn) ?? null) : null}
              onOpen={openId}
            />
          ))}
        </Card>
      ))}
    </div>
  );
}
