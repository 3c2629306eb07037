// Unsaved changes are not lost by a click elsewhere: while `dirty`, following an in-app link asks
// first. In browser mode closing or reloading the tab asks too (the browser's own question); the
// desktop window is left to close, since Electron cancels a close silently on `beforeunload`.
import { App } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/use-t';

export function useLeaveGuard(dirty: boolean): void {
  const t = useT();
  const { modal } = App.useApp();

  useEffect(() => {
    if (!dirty) return;
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.('a[href^="#"]');
      const href = link?.getAttribute('href');
      if (!href || href === window.location.hash) return;
      e.preventDefault();
      e.stopPropagation();
      modal.confirm({
        title: t('document.edit.leaveTitle'),
        content: t('document.edit.leaveConfirm'),
        okText: t('document.edit.leave'),
        okButtonProps: { danger: true, ...{ 'data-testid': 'leave-confirm' } },
        cancelText: t('document.edit.stay'),
        onOk: () => {
          window.location.hash = href;
        },
      });
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    const desktop = Boolean(window.pressOffice?.invoke);
    document.addEventListener('click', onClick, true);
    if (!desktop) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      if (!desktop) window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, modal, t]);
}
