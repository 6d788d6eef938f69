import { Box, Button, Center, Paper, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../src-shared/api';
import { call } from '../../app/api';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Above the page's dialogs (200) and the approval dialog (300); under notifications. */
const Z_INDEX = 400;

/**
 * Covers the shell while the session is locked. The page underneath stays mounted (what the
 * cashier typed survives) but hidden behind an opaque veil, and no key reaches it: the overlay
 * stops its own keys from bubbling to the shell's shortcuts and takes focus back from the page.
 */
export function LockOverlay({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { unlocked, logout } = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    passwordRef.current?.focus();
    // A key aimed at the page behind (focus left there, a dialog's trap) is refused and the
    // password field takes the focus again.
    const guard = (event: globalThis.KeyboardEvent) => {
      if (rootRef.current?.contains(event.target as Node)) return;
      event.preventDefault();
      event.stopPropagation();
      passwordRef.current?.focus();
    };
    const refocus = (event: FocusEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) passwordRef.current?.focus();
    };
    window.addEventListener('keydown', guard, true);
    window.addEventListener('focusin', refocus, true);
    return () => {
      window.removeEventListener('keydown', guard, true);
      window.removeEventListener('focusin', refocus, true);
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!password) {
      setError(t('auth.lock.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await call('auth.unlockSession', { password });
    setBusy(false);
    setPassword('');
    if (!result.ok) {
      setError(result.error.message);
      passwordRef.current?.focus();
      return;
    }
    unlocked(result.value);
  }

  return (
    <Box
      ref={rootRef}
      pos="fixed"
      inset={0}
      style={{ zIndex: Z_INDEX, background: 'rgba(233, 236, 239, 0.97)', backdropFilter: 'blur(6px)' }}
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      data-testid="lock-overlay"
      // Keys typed here never reach the shell's shortcuts (Alt+number, F1) listening on document.
      onKeyDown={(event: KeyboardEvent) => event.stopPropagation()}
    >
      <Center h="100%" p="md">
        <Paper withBorder shadow="md" radius="sm" p="xl" w={400}>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Stack gap={6} align="center">
                <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
                  <IconLock size={26} />
                </ThemeIcon>
                <Title order={1} size="h3" id="lock-title">
                  {t('auth.lock.title')}
                </Title>
                <Text fw={500} data-testid="lock-user">
                  {t('auth.lock.who', { name: session.user.displayName, username: session.user.username })}
                </Text>
                <Text size="sm" c="dimmed" ta="center">
                  {t('auth.lock.hint')}
                </Text>
              </Stack>
              <PasswordInput
                ref={passwordRef}
                label={t('auth.lock.password')}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="current-password"
                maxLength={128}
                data-testid="lock-password"
              />
              <ErrorAlert message={error} testId="lock-error" />
              <Button type="submit" loading={busy} fullWidth data-testid="lock-submit">
                {t('auth.lock.submit')}
              </Button>
              <Stack gap={2} align="center">
                <Button variant="subtle" size="xs" onClick={() => void logout()} disabled={busy} data-testid="lock-logout">
                  {t('auth.lock.logout')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('auth.lock.logoutHint')}
                </Text>
              </Stack>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
