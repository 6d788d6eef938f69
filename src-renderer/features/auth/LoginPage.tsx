import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useSession, type Bootstrap } from '../../app/session';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecoverForm } from './RecoverForm';

/**
 * Username and password; Enter submits; the ledger's message is shown as it is. A forgotten
 * administrator password is reset here with the printed recovery code.
 */
export function LoginPage({ bootstrap }: { bootstrap: Bootstrap }) {
  const { t } = useTranslation();
  const { signedIn, reload } = useSession();
  const [recovering, setRecovering] = useState(false);
  const [recovered, setRecovered] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (recovering) return;
    (recovered ? passwordRef : usernameRef).current?.focus();
  }, [recovering, recovered]);

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

  if (recovering) {
    return (
      <AuthLayout
        heading={bootstrap.companyName ?? t('app.productName')}
        title={t('auth.recover.title')}
        width={460}
        version={bootstrap.appVersion}
      >
        <RecoverForm
          onBack={() => setRecovering(false)}
          onDone={(name) => {
            setUsername(name);
            setPassword('');
            setError(null);
            setRecovered(true);
            setRecovering(false);
          }}
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      heading={bootstrap.companyName ?? t('app.productName')}
      title={t('login.title')}
      subtitle={t('login.subtitle')}
      version={bootstrap.appVersion}
    >
      {recovered && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} />} data-testid="recover-done">
          {t('auth.recover.done')}
        </Alert>
      )}
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
          <Button variant="subtle" size="xs" onClick={() => setRecovering(true)} disabled={busy} data-testid="login-recover-link">
            {t('auth.recover.link')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
