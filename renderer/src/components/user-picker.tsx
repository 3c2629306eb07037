// 操作人: who is working. Once per browser session the app asks for the name that the server records
// as "who did it" on every change; the header's current-user button opens the same picker later.
import { UserSwitchOutlined } from '@ant-design/icons';
import { Button, Form, Input, type InputRef, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { LIMITS, requiredText } from '../../../common/text';
import type { AppSettings } from '../../../common/types';
import { apiErrorText } from '../api/error-text';
import { useSettings, useUpdateSettings } from '../api/hooks';
import { type IssueLike, issueMessage } from '../forms/issue-messages';
import { useT } from '../i18n/use-t';
import '../admin.css';

/** Set once the name is confirmed in this session (tests set it up front to skip the question). */
export const USER_CONFIRMED_KEY = 'press-office.userConfirmed';

/** The server's own rule for a user name (settings.update), so the picker refuses what it would. */
const userNameSchema = requiredText(LIMITS.name);

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
      {settings.data ? (
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
      ) : null}
    </>
  );
}

interface UserPickerProps {
  open: boolean;
  /** At the start of a session the question must be answered: no cancel, no Esc. */
  required: boolean;
  settings: AppSettings;
  onDone: () => void;
  onCancel: () => void;
}

export function UserPicker({ open, required, settings, onDone, onCancel }: UserPickerProps) {
  const t = useT();
  const update = useUpdateSettings();
  const input = useRef<InputRef>(null);
  const [name, setName] = useState(settings.userName);
  const [error, setError] = useState<string | null>(null);
  // Reset on the transition to open, right away: resetting when the opening animation ends (as
  // afterOpenChange does) would overwrite what a quick user has already typed.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open && !wasOpen.current) {
      setName(settings.userName);
      setError(null);
    }
    wasOpen.current = open;
  }, [open, settings.userName]);

  const confirm = () => {
    const parsed = userNameSchema.safeParse(name);
    if (!parsed.success) {
      const mapped = issueMessage((parsed.error.issues[0] ?? { message: 'is required' }) as IssueLike);
      setError(t(mapped.key, { ...mapped.params, field: t('user.picker.name') }));
      return;
    }
    update.mutate(
      { userName: parsed.data },
      { onSuccess: () => onDone(), onError: (err) => setError(apiErrorText(err, t)) },
    );
  };

  const choose = (value: string) => {
    setName(value);
    setError(null);
    input.current?.focus();
  };

  return (
    <Modal
      open={open}
      title={t('user.picker.title')}
      closable={!required}
      mask={{ closable: !required }}
      keyboard={!required}
      onCancel={onCancel}
      width={480}
      afterOpenChange={(visible) => {
        // Select the proposed name for quick replacement, unless the user is already typing.
        if (visible && document.activeElement !== input.current?.input) input.current?.focus({ cursor: 'all' });
      }}
      footer={[
        required ? null : (
          <Button key="cancel" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ),
        <Button key="ok" type="primary" onClick={confirm} loading={update.isPending} data-testid="user-picker-ok">
          {t('user.picker.ok')}
        </Button>,
      ]}
      data-testid="user-picker"
    >
      <Typography.Paragraph type="secondary">{t('user.picker.intro')}</Typography.Paragraph>
      <Form layout="vertical" requiredMark component="div">
        <Form.Item label={t('user.picker.name')} required validateStatus={error ? 'error' : ''} help={error}>
          <Input
            ref={input}
            value={name}
            maxLength={LIMITS.name}
            placeholder={t('user.picker.placeholder')}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            onPressEnter={confirm}
            data-testid="user-picker-name"
          />
        </Form.Item>
      </Form>
      {settings.userNames.length > 0 ? (
        <>
          <Typography.Text type="secondary">{t('user.picker.recent')}</Typography.Text>
          <div className="user-picker-recent" data-testid="user-picker-recent">
            {settings.userNames.map((n) => (
              <Button key={n} size="small" type={n === name ? 'primary' : 'default'} onClick={() => choose(n)}>
                {n}
              </Button>
            ))}
          </div>
        </>
      ) : null}
    </Modal>
  );
}
