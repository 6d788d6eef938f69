import { Button, Group, Modal, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_CODES, type RoleCode } from '../../../src-shared/api/permissions';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommunityScopeField, scopeIds, scopeOf, type Scope } from './CommunityScopeField';
import type { CommunityOption, UserView } from './format';

export interface Saved {
  user: UserView;
  /** Set when the ledger generated the initial password: shown to the administrator once. */
  generatedPassword: string | null;
  created: boolean;
}

interface UserFormModalProps {
  /** null = a new user. */
  editing: UserView | null;
  selfId: number;
  communities: CommunityOption[];
  onClose(): void;
  onSaved(saved: Saved): void;
}

const sameIds = (a: readonly number[], b: readonly number[]) => [...a].sort().join() === [...b].sort().join();

/** 新建用户 / 编辑用户: name, role, communities; a new user also gets an initial password. */
export function UserFormModal({ editing, selfId, communities, onClose, onSaved }: UserFormModalProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState(editing?.displayName ?? '');
  const [role, setRole] = useState<RoleCode>(editing?.role ?? 'cashier');
  const [scope, setScope] = useState<Scope>(scopeOf(editing?.communityIds ?? []));
  const [passwordMode, setPasswordMode] = useState<'generate' | 'type'>('generate');
  const [password, setPassword] = useState('');
  const [scopeError, setScopeError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const self = editing?.id === selfId;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!scope.all && scope.ids.length === 0) {
      setScopeError(t('users.form.scopeEmpty'));
      return;
    }
    const communityIds = scopeIds(scope);
    setBusy(true);
    if (!editing) {
      const result = await call('users.create', {
        username,
        displayName,
        role,
        communityIds,
        ...(passwordMode === 'type' ? { password } : {}),
      });
      setBusy(false);
      if (!result.ok) return setError(result.error.message);
      return onSaved({ ...result.value, created: true });
    }
    const changes = {
      ...(displayName.trim() !== editing.displayName ? { displayName } : {}),
      ...(role !== editing.role ? { role } : {}),
      ...(!sameIds(communityIds, editing.communityIds) ? { communityIds } : {}),
    };
    if (Object.keys(changes).length === 0) {
      setBusy(false);
      return setError(t('users.form.nothingChanged'));
    }
    const result = await call('users.update', { userId: editing.id, ...changes });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onSaved({ user: result.value.user, generatedPassword: null, created: false });
  }

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={<Text fw={600}>{editing ? t('users.form.editTitle', { username: editing.username }) : t('users.form.createTitle')}</Text>}
      size="lg"
      data-testid="user-form"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {/* Two by two, so the whole form fits a 768-pixel-high desk screen. */}
          <SimpleGrid cols={editing ? 1 : 2} spacing="md" style={{ alignItems: 'end' }}>
            {!editing && (
              <TextInput
                label={t('users.form.username')}
                description={t('users.form.usernameHint')}
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                maxLength={32}
                required
                data-autofocus
                autoComplete="off"
                data-testid="user-form-username"
              />
            )}
            <TextInput
              label={t('users.form.displayName')}
              description={t('users.form.displayNameHint')}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              maxLength={32}
              required
              data-autofocus={editing ? true : undefined}
              data-testid="user-form-display-name"
            />
          </SimpleGrid>
          <Select
            label={t('users.form.role')}
            data={ROLE_CODES.map((code) => ({ value: code, label: t(`roles.${code}`) }))}
            value={role}
            onChange={(value) => value && setRole(value as RoleCode)}
            allowDeselect={false}
            disabled={self}
            description={self ? t('users.form.selfRoleNote') : undefined}
            data-testid="user-form-role"
          />
          <CommunityScopeField
            value={scope}
            onChange={(next) => {
              setScope(next);
              setScopeError(undefined);
            }}
            communities={communities}
            error={scopeError}
          />
          {!editing && (
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {t('users.form.password')}
              </Text>
              <SegmentedControl
                value={passwordMode}
                onChange={(v) => setPasswordMode(v as 'generate' | 'type')}
                data={[
                  { value: 'generate', label: t('users.form.passwordGenerate') },
                  { value: 'type', label: t('users.form.passwordType') },
                ]}
                data-testid="user-form-password-mode"
              />
              {passwordMode === 'type' && (
                <PasswordInput
                  aria-label={t('users.form.password')}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  autoComplete="new-password"
                  maxLength={128}
                  description={t('users.form.passwordPolicy')}
                  data-testid="user-form-password"
                />
              )}
              <Text size="xs" c="dimmed">
                {t('users.form.mustChangeNote')}
              </Text>
            </Stack>
          )}
          <ErrorAlert message={error} testId="user-form-error" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy} data-testid="user-form-cancel">
              {t('users.form.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="user-form-submit">
              {editing ? t('users.form.submitEdit') : t('users.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
