import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../src-shared/api';
import { call } from '../../app/api';
import { useSession, type Bootstrap } from '../../app/session';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * First login of a new user, or after an administrator's reset: the ledger opens nothing else
 * until the user has set their own password. The policy is the ledger's; here only the two new
 * passwords are compared.
 */
export function PasswordChangePage({ bootstrap, session }: { bootstrap: Bootstrap; session: SessionInfo }) {
  const { t } = useTranslation();
  const { signedIn, logout } = useSession();
  const [oldPassword, setOldPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (newPassword !== confirm) {
      setMismatch(true);
      return;
    }
    setBusy(true);
    const result = await call('auth.changePassword', { oldPassword, newPassword });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    notifications.show({ color: 'teal', message: t('auth.passwordChange.done') });
    signedIn(result.value);
  }

  return (
    <AuthLayout
      heading={bootstrap.companyName ?? t('app.productName')}
      title={t('auth.passwordChange.title')}
      subtitle={t('auth.passwordChange.subtitle')}
      width={460}
      version={bootstrap.appVersion}
    >
      <form onSubmit={submit} noValidate aria-label={t('auth.passwordChange.title')} data-testid="password-change-form">
        <Stack gap="md">
          <Text size="sm" data-testid="password-change-user">
            {t('auth.passwordChange.who', { name: session.user.displayName, username: session.user.username })}
          </Text>
          <PasswordInput
            label={t('auth.passwordChange.oldPassword')}
            value={oldPassword}
            onChange={(e) => setOldPassword(e.currentTarget.value)}
            autoComplete="current-password"
            maxLength={128}
            autoFocus
            required
            data-testid="password-change-old"
          />
          <PasswordInput
            label={t('auth.passwordChange.newPassword')}
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            autoComplete="new-password"
            maxLength={128}
            required
            aria-describedby="password-change-policy"
            data-testid="password-change-new"
          />
          <PasswordInput
            label={t('auth.passwordChange.confirm')}
            value={confirm}
            onChange={(e) => {
              setConfirm(e.currentTarget.value);
              setMismatch(false);
            }}
            autoComplete="new-password"
            maxLength={128}
            required
            error={mismatch ? t('auth.passwordChange.mismatch') : undefined}
            data-testid="password-change-confirm"
          />
          <Text id="password-change-policy" size="xs" c="dimmed">
            {t('auth.passwordChange.policy')}
          </Text>
          <ErrorAlert message={error} testId="password-change-error" />
          <Button type="submit" loading={busy} fullWidth data-testid="password-change-submit">
            {t('auth.passwordChange.submit')}
          </Button>
          <Button variant="subtle" size="xs" onClick={() => void logout()} disabled={busy} data-testid="password-change-logout">
            {t('auth.passwordChange.logout')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
