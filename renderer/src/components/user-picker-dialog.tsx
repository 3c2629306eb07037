// The 操作人 question itself (see user-picker.tsx): the name, checked by the server's own rule, and the
// names used before on this computer. Loaded when first opened.
import { Button, Form, Input, type InputRef, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { LIMITS, requiredText } from '../../../common/text';
import type { AppSettings } from '../../../common/types';
import { apiErrorText } from '../api/error-text';
import { useUpdateSettings } from '../api/hooks';
import { type IssueLike, issueMessage } from '../forms/issue-messages';
import { useT } from '../i18n/use-t';
import '../admin.css';

/** The server's own rule for a user name (settings.update), so the picker refuses what it would. */
const userNameSchema = requiredText(LIMITS.name);

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
