import { Button, Checkbox, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput, Permission, RoleCode } from '../../../src-shared/api';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';

type Roles = CallOutput<'roles.list'>;
type Grants = Record<RoleCode, Permission[]>;

const grantsOf = (roles: Roles): Grants => Object.fromEntries(roles.roles.map((r) => [r.code, [...r.permissions]])) as Grants;
const sameSet = (a: readonly Permission[], b: readonly Permission[]) => a.length === b.length && a.every((p) => b.includes(p));

/**
 * 角色权限: every permission × every role as ticks. Changes are kept here until saved; each
 * changed role is one roles.setPermissions (audited by the ledger, which also refuses to leave
 * nobody able to manage users).
 */
export function RolesTab() {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Roles | null>(null);
  const [grants, setGrants] = useState<Grants | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void call('roles.list', {}).then((result) => {
      if (!result.ok) return setError(result.error.message);
      setRoles(result.value);
      setGrants(grantsOf(result.value));
    });
  }, []);

  if (!roles || !grants) return error ? <ErrorAlert message={error} /> : <Loader size="sm" />;

  const changed = roles.roles.filter((r) => !sameSet(r.permissions, grants[r.code]));

  const toggle = (role: RoleCode, permission: Permission, on: boolean) =>
    setGrants((g) => g && { ...g, [role]: on ? [...g[role], permission] : g[role].filter((p) => p !== permission) });

  async function save() {
    setSaving(true);
    setError(null);
    let next = roles!;
    for (const role of changed) {
      const result = await call('roles.setPermissions', { role: role.code, permissions: grants![role.code] });
      if (!result.ok) {
        setError(result.error.message);
        break;
      }
      next = { ...next, roles: next.roles.map((r) => (r.code === role.code ? result.value.role : r)) };
      notifications.show({ color: 'teal', message: t('users.roles.saved', { role: t(`roles.${role.code}`) }) });
    }
    setRoles(next);
    setSaving(false);
  }

  return (
    <Stack gap="md" data-testid="roles-tab">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('users.roles.hint')}
        </Text>
        <Group gap="sm">
          <Button variant="default" disabled={changed.length === 0 || saving} onClick={() => setGrants(grantsOf(roles))} data-testid="roles-revert">
            {t('users.roles.revert')}
          </Button>
          <Button disabled={changed.length === 0} loading={saving} onClick={() => void save()} data-testid="roles-save">
            {t('users.roles.save')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert message={error} testId="roles-error" />
      <Table striped highlightOnHover verticalSpacing={4} stickyHeader data-testid="roles-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.roles.permission')}</Table.Th>
            {roles.roles.map((r) => (
              <Table.Th key={r.code} ta="center" w={110}>
                <Text size="sm" fw={600}>
                  {t(`roles.${r.code}`)}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  {t('users.roles.activeUsers', { count: r.activeUsers })}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {roles.permissions.map((p) => (
            <Table.Tr key={p.code}>
              <Table.Td>
                <Text size="sm">{p.label}</Text>
                <Text size="xs" c="dimmed">
                  {p.code}
                </Text>
              </Table.Td>
              {roles.roles.map((r) => (
                <Table.Td key={r.code}>
                  <Group justify="center">
                    <Checkbox
                      checked={grants[r.code].includes(p.code)}
                      onChange={(e) => toggle(r.code, p.code, e.currentTarget.checked)}
                      disabled={saving}
                      aria-label={t('users.roles.toggle', { role: t(`roles.${r.code}`), permission: p.label })}
                      data-testid={`perm-${r.code}-${p.code}`}
                    />
                  </Group>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
