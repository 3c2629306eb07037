// 操作人: who is working. Once per browser session the app asks for the name that the server records
// as "who did it" on every change; the header's current-user button opens the same picker later.
import { UserSwitchOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
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

/** The header's "current user", which opens the picker; it also asks at the start of a session. */
export function CurrentUser({ userName }: { userName: string }) {
  const t = useT();
  const settings = useSettings();
  const [asked, setAsked] = useState(confirmedThisSession);
  const [switching, setSwitching] = useState(false);
  const mustAsk = !asked && settings.data !== undefined;
  // The dialog (and the form code it brings) loads when first needed, then stays mounted so that it
  // closes with its animation and reopens at once.
  const opened = useEverTrue(mustAsk || switching);

  return (
    <>
      <Button
        type="text"
        className="current-user"
        icon={<UserSwitchOutlined />}
        title={t('user.switch')}
        onClick={() => setSwitching(true)}
        disabled={!settings.data}
        data-testid="current-user"
      >
        {userName ? t('header.user', { name: userName }) : t('user.switch')}
      </Button>
      {settings.data && opened ? (
        <Suspense fallback={null}>
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
        </Suspense>
      ) : null}
    </>
  );
}

/** True from the first render at which `value` is true, for good. */
function useEverTrue(value: boolean): boolean {
  const [ever, setEver] = useState(value);
  if (value && !ever) setEver(true);
  return ever || value;
}
