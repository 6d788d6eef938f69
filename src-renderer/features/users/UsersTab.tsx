import { Button, Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useSignedIn } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConfirmDisableModal } from './ConfirmDisableModal';
import type { UserView } from './format';
import { IssuedPasswordModal } from './IssuedPasswordModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal, type Saved } from './UserFormModal';
import { UsersTable, type UserAction } from './UsersTable';
import { useUsersData } from './useUsersData';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserView }
  | { kind: 'reset'; user: UserView }
  | { kind: 'disable'; user: UserView }
  | { kind: 'issued'; user: UserView; password: string };

/** The users list and everything done to one user: create, edit, reset, unlock, disable/enable. */
export function UsersTab() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const [includeDisabled, setIncludeDisabled] = useState(false);
  const { users, communities, error, reload, replace } = useUsersData(includeDisabled, session.user.permissions.includes('register.read'));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  useHotkeys([['alt+n', () => setDialog({ kind: 'create' }), { usePhysicalKeys: true }]], []);

  const notify = (message: string) => notifications.show({ color: 'teal', message });
  const fail = (message: string) => notifications.show({ color: 'red', title: t('errors.title'), message });

  /** Unlock, disable and enable go straight to the ledger; one at a time per user. */
  async function quick(user: UserView, kind: 'unlock' | 'disable' | 'enable') {
    setBusyId(user.id);
    const result = kind === 'unlock' ? await call('users.unlock', { userId: user.id }) : await call('users.update', { userId: user.id, disabled: kind === 'disable' });
    setBusyId(null);
    setDialog(null);
    if (!result.ok) return fail(result.error.message);
    replace(result.value.user);
    notify(t(`users.notices.${kind === 'unlock' ? 'unlocked' : kind === 'disable' ? 'disabled' : 'enabled'}`, { username: user.username }));
  }

  function act(action: UserAction, user: UserView) {
    if (action === 'edit') setDialog({ kind: 'edit', user });
    else if (action === 'resetPassword') setDialog({ kind: 'reset', user });
    else if (action === 'disable') setDialog({ kind: 'disable', user });
    else void quick(user, action);
  }

  function saved({ user, generatedPassword, created }: Saved, notice: 'created' | 'updated' | 'reset') {
    notify(t(`users.notices.${notice}`, { username: user.username }));
    if (created) void reload();
    else replace(user);
    setDialog(generatedPassword ? { kind: 'issued', user, password: generatedPassword } : null);
  }

  return (
    <Stack gap="md" data-testid="users-tab">
      <Group justify="space-between">
        <Group gap="lg">
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'create' })} data-testid="users-create">
            {t('users.create')}
          </Button>
          <Switch
            label={t('users.showDisabled')}
            checked={includeDisabled}
            onChange={(e) => setIncludeDisabled(e.currentTarget.checked)}
            data-testid="users-show-disabled"
          />
        </Group>
        {users && (
          <Text size="sm" c="dimmed">
            {t('users.count', { count: users.length })}
          </Text>
        )}
      </Group>
      <ErrorAlert message={error} testId="users-error" />
      {users === null ? (
        !error && <Loader size="sm" aria-label={t('users.loading')} />
      ) : (
        <UsersTable users={users} communities={communities} selfId={session.user.id} busyId={busyId} onAction={act} />
      )}

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          editing={dialog.kind === 'edit' ? dialog.user : null}
          selfId={session.user.id}
          communities={communities}
          onClose={() => setDialog(null)}
          onSaved={(s) => saved(s, s.created ? 'created' : 'updated')}
        />
      )}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} onDone={(s) => saved(s, 'reset')} />}
      {dialog?.kind === 'disable' && (
        <ConfirmDisableModal user={dialog.user} busy={busyId !== null} onCancel={() => setDialog(null)} onConfirm={() => void quick(dialog.user, 'disable')} />
      )}
      {dialog?.kind === 'issued' && <IssuedPasswordModal user={dialog.user} password={dialog.password} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
