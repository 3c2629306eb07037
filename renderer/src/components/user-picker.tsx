// 操作人: who is working. Once per browser session the app asks for the name that the server records
// as "who did it" on every change; the header's current-user button opens the same picker later.
import { lazy, Suspense, useState } from 'react';
import type { Language } from '../../../common/types';
import { AntdScope } from '../antd-scope-lazy';
import { useSettings } from '../api/hooks';
import { useT } from '../i18n/use-t';

const UserPicker = lazy(() => import('./user-picker-dialog').then((m) => ({ default: m.UserPicker })));

/** Set once the name is confirmed in this session (tests set it up front to skip the question). */
export const USER_CONFIRMED_KEY = 'press-office.userConfirmed';

function confirmedThisSession(): boolean {
  try {
    return window.sessionStorage.getItem(USER_CONFIRMED_KEY) === '1';
  } catch {
    return false;
  }
}

function markConfirmed(): void {
  try {
    window.sessionStorage.setItem(USER_CONFIRMED_KEY, '1');
  } catch {
    // Storage can be disabled: the app then asks again on the next load, which is harmless.
  }
}

/** antd's UserSwitchOutlined, drawn inline: the header is plain (components/plain.tsx). */
function UserSwitchIcon() {
  return (
    <svg viewBox="64 64 896 896" width="1em" height="1em" fill="currentColor" aria-hidden="true">
      <path d="M759 335c0-137-111-248-248-248S263 198 263 335c0 82.8 40.6 156.2 103 201.2-.4.2-.7.3-.9.4-44.7 18.9-84.8 46-119.3 80.6a373.42 373.42 0 00-80.4 119.5A373.6 373.6 0 00136 874.8a8 8 0 008 8.2h59.9c4.3 0 7.9-3.5 8-7.8 2-77.2 32.9-149.5 87.6-204.3C356 614.2 431 583 511 583c137 0 248-111 248-248zM511 507c-95 0-172-77-172-172s77-172 172-172 172 77 172 172-77 172-172 172zm105 221h264c4.4 0 8-3.6 8-8v-56c0-4.4-3.6-8-8-8H703.5l47.2-60.1a8.1 8.1 0 001.7-4.9c0-4.4-3.6-8-8-8h-72.6c-4.9 0-9.5 2.3-12.6 6.1l-68.5 87.1c-4.4 5.6-6.8 12.6-6.8 19.8.1 17.7 14.4 32 32.1 32zm240 64H592c-4.4 0-8 3.6-8 8v56c0 4.4 3.6 8 8 8h176.5l-47.2 60.1a8.1 8.1 0 00-1.7 4.9c0 4.4 3.6 8 8 8h72.6c4.9 0 9.5-2.3 12.6-6.1l68.5-87.1c4.4-5.6 6.8-12.6 6.8-19.8-.1-17.7-14.4-32-32.1-32z" />
    </svg>
  );
}

/** The header's "current user", which opens the picker; it also asks at the start of a session. */
export function CurrentUser({ userName, language }: { userName: string; language: Language }) {
  const t = useT();
  const settings = useSettings();
  const [asked, setAsked] = useState(confirmedThisSession);
  const [switching, setSwitching] = useState(false);
  const mustAsk = !asked && settings.data !== undefined;
  // The dialog (and the form code it brings) loads when first needed, then stays mounted so that it
  // closes with its animation and reopens at once.
  const opened = useEverTrue(mustAsk || switching);

  // One box in the header (a flex row with the title at its other end), whatever antd's scope adds for the dialog.
  return (
    <div className="current-user-box">
      <button
        type="button"
        className="plain-button plain-button-text current-user"
        title={t('user.switch')}
        onClick={() => setSwitching(true)}
        disabled={!settings.data}
        data-testid="current-user"
      >
        <UserSwitchIcon />
        <span>{userName ? t('header.user', { name: userName }) : t('user.switch')}</span>
      </button>
      {settings.data && opened ? (
        <Suspense fallback={null}>
          <AntdScope language={language}>
            <UserPicker
              open={mustAsk || switching}
              required={mustAsk}
              settings={settings.data}
              onDone={() => {
                markConfirmed();
                setAsked(true);
                setSwitching(false);
              }}
              onCancel={() => setSwitching(false)}
            />
          </AntdScope>
        </Suspense>
      ) : null}
    </div>
  );
}

/** True from the first render at which `value` is true, for good. */
function useEverTrue(value: boolean): boolean {
  const [ever, setEver] = useState(value);
  if (value && !ever) setEver(true);
  return ever || value;
}
