import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../src-shared/api';
import { call } from '../../app/api';
import { useSession, type Bootstrap } from '../../app/session';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

/**
 * First login of a new user, or after an administrator's reset: the ledger opens nothing else
 * until the user has set their own password. The policy is the ledger's; here only the two new
 * passwords are compared.
 */
export function PasswordChangePage({ bootstrap, session }: { bootstrap: Bootstrap; session: SessionInfo }) {
  const { t } = useTranslation();
  const { signedIn, logout } = useSession();
  const [oldPassword, setOldPassword] = useState('');
  const newPassword = useNewPassword();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!newPassword.check()) return;
    setBusy(true);
    const result = await call('auth.changePassword', { oldPassword, newPassword: newPassword.password });
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
          <NewPasswordFields
            state={newPassword}
            labels={{ password: t('auth.passwordChange.newPassword'), confirm: t('auth.passwordChange.confirm'), mismatch: t('auth.passwordChange.mismatch') }}
            testIds={{ password: 'password-change-new', confirm: 'password-change-confirm' }}
            describedBy="password-change-policy"
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
