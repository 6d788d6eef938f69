import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

/**
 * The printed recovery code resets the administrator's password once (auth.recover). Every
 * refusal reads alike on the ledger's side, so this form learns nothing about which names exist.
 */
export function RecoverForm({ onDone, onBack }: { onDone: (username: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const newPassword = useNewPassword();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!newPassword.check()) return;
    setBusy(true);
    const result = await call('auth.recover', { username, recoveryCode, newPassword: newPassword.password });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onDone(username.trim());
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('auth.recover.title')} data-testid="recover-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('auth.recover.subtitle')}
        </Text>
        <TextInput
          label={t('auth.recover.username')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          autoComplete="username"
          maxLength={32}
          autoFocus
          required
          data-testid="recover-username"
        />
        <TextInput
          label={t('auth.recover.code')}
          description={t('auth.recover.codeHint')}
          value={recoveryCode}
          onChange={(e) => setRecoveryCode(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          required
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
          data-testid="recover-code"
        />
        <NewPasswordFields
          state={newPassword}
          labels={{
            password: t('auth.recover.newPassword'),
            confirm: t('auth.recover.confirm'),
            mismatch: t('auth.recover.mismatch'),
            description: t('auth.recover.policy'),
          }}
          testIds={{ password: 'recover-new-password', confirm: 'recover-confirm' }}
        />
        <ErrorAlert message={error} testId="recover-error" />
        <Button type="submit" loading={busy} fullWidth data-testid="recover-submit">
          {t('auth.recover.submit')}
        </Button>
        <Button variant="subtle" size="xs" onClick={onBack} disabled={busy} data-testid="recover-back">
          {t('auth.recover.back')}
        </Button>
      </Stack>
    </form>
  );
}
