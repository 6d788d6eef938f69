import { Button, Group, Modal, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Saved } from './UserFormModal';
import type { UserView } from './format';

/**
 * 重置密码: the ledger generates a temporary password (shown once afterwards) or takes one the
 * administrator types; either way the user must change it at the next sign-in.
 */
export function ResetPasswordModal({ user, onClose, onDone }: { user: UserView; onClose: () => void; onDone: (saved: Saved) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'generate' | 'type'>('generate');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await call('users.resetPassword', { userId: user.id, ...(mode === 'type' ? { password } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onDone({ ...result.value, created: false });
  }

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={<Text fw={600}>{t('users.reset.title', { name: user.displayName })}</Text>}
      data-testid="reset-password"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('users.reset.body')}</Text>
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'generate' | 'type')}
            data={[
              { value: 'generate', label: t('users.form.passwordGenerate') },
              { value: 'type', label: t('users.form.passwordType') },
            ]}
            data-testid="reset-password-mode"
          />
          {mode === 'type' && (
            <PasswordInput
              aria-label={t('users.form.password')}
              description={t('users.form.passwordPolicy')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="new-password"
              maxLength={128}
              data-autofocus
              data-testid="reset-password-value"
            />
          )}
          <ErrorAlert message={error} testId="reset-password-error" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('users.form.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={busy} data-testid="reset-password-submit">
              {t('users.reset.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
