import { Button, Divider, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useSession, type Bootstrap } from '../../app/session';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewPasswordFields, useNewPassword } from '../auth/NewPasswordFields';

/**
 * First run: company name and the first administrator. The ledger enforces the password policy
 * and answers in Chinese; here we only check that the two passwords match. Next comes the
 * one-time recovery code (RecoveryCodePage).
 */
export function SetupPage({ bootstrap }: { bootstrap: Bootstrap }) {
  const { t } = useTranslation();
  const { setUpWithRecoveryCode, reload } = useSession();
  const [companyName, setCompanyName] = useState('');
  const [adminUsername, setAdminUsername] = useState('');
  const [adminDisplayName, setAdminDisplayName] = useState('');
  const password = useNewPassword();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!password.check()) return;
    setBusy(true);
    const result = await call('auth.setup', { companyName, adminUsername, adminDisplayName, adminPassword: password.password });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      // Another window finished setup first: go to the login screen.
      if (result.error.code === 'ALREADY_SET_UP') void reload();
      return;
    }
    notifications.show({ color: 'teal', message: t('setup.done') });
    setUpWithRecoveryCode(result.value, result.value.recoveryCode, companyName.trim());
  }

  return (
    <AuthLayout
      heading={t('app.productName')}
      title={t('setup.title')}
      subtitle={t('setup.intro')}
      width={640}
      version={bootstrap.appVersion}
    >
      <form onSubmit={submit} noValidate aria-label={t('setup.title')} data-testid="setup-form">
        <Stack gap="md">
          <Divider label={t('setup.companySection')} labelPosition="left" />
          <TextInput
            label={t('setup.companyName')}
            description={t('setup.companyNameHint')}
            placeholder={t('setup.companyNamePlaceholder')}
            value={companyName}
            onChange={(e) => setCompanyName(e.currentTarget.value)}
            required
            maxLength={100}
            autoFocus
            data-testid="setup-company-name"
          />
          <Divider label={t('setup.adminSection')} labelPosition="left" mt="xs" />
          {/* Inputs of a pair line up at the bottom even when one hint wraps. */}
          <SimpleGrid cols={2} spacing="md" style={{ alignItems: 'end' }}>
            <TextInput
              label={t('setup.adminUsername')}
              description={t('setup.adminUsernameHint')}
              value={adminUsername}
              onChange={(e) => setAdminUsername(e.currentTarget.value)}
              required
              maxLength={32}
              autoComplete="username"
              data-testid="setup-admin-username"
            />
            <TextInput
              label={t('setup.adminDisplayName')}
              description={t('setup.adminDisplayNameHint')}
              value={adminDisplayName}
              onChange={(e) => setAdminDisplayName(e.currentTarget.value)}
              required
              maxLength={32}
              data-testid="setup-admin-display-name"
            />
          </SimpleGrid>
          <Stack gap={6}>
            <SimpleGrid cols={2} spacing="md" style={{ alignItems: 'start' }}>
              <NewPasswordFields
                state={password}
                labels={{ password: t('setup.password'), confirm: t('setup.passwordConfirm'), mismatch: t('setup.passwordMismatch') }}
                testIds={{ password: 'setup-password', confirm: 'setup-password-confirm' }}
                describedBy="setup-password-hint"
              />
            </SimpleGrid>
            <Text id="setup-password-hint" size="xs" c="dimmed">
              {t('setup.passwordHint')}
            </Text>
          </Stack>
          <ErrorAlert message={error} testId="setup-error" />
          <Button type="submit" loading={busy} fullWidth data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
