import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useSession, type Bootstrap } from '../../app/session';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Username and password; Enter submits; the ledger's message is shown as it is. */
export function LoginPage({ bootstrap }: { bootstrap: Bootstrap }) {
  const { t } = useTranslation();
  const { signedIn, reload } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setBusy(true);
    const result = await call('auth.login', { username, password });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      if (result.error.code === 'NOT_SET_UP') {
        void reload();
        return;
      }
      // Keep the username; the password is typed again.
      setPassword('');
      (username.trim() ? passwordRef : usernameRef).current?.focus();
      return;
    }
    signedIn(result.value);
  }

  return (
    <AuthLayout
      heading={bootstrap.companyName ?? t('app.productName')}
      title={t('login.title')}
      subtitle={t('login.subtitle')}
      version={bootstrap.appVersion}
    >
      <form onSubmit={submit} noValidate aria-label={t('login.title')} data-testid="login-form">
        <Stack gap="md">
          <TextInput
            ref={usernameRef}
            label={t('login.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            maxLength={32}
            required
            data-testid="login-username"
          />
          <PasswordInput
            ref={passwordRef}
            label={t('login.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            maxLength={128}
            required
            data-testid="login-password"
          />
          <ErrorAlert message={error} testId="login-error" />
          <Button type="submit" loading={busy} fullWidth data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
