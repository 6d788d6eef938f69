import { ActionIcon, Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import { IconDots, IconKey, IconLockOpen, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatInstant, scopeNames, STATUS_COLOR, userStatus, type CommunityOption, type UserView } from './format';

export type UserAction = 'edit' | 'resetPassword' | 'unlock' | 'disable' | 'enable';

interface UsersTableProps {
  users: UserView[];
  communities: CommunityOption[];
  selfId: number;
  /** The user whose action is being sent: their buttons wait. */
  busyId: number | null;
  onAction(action: UserAction, user: UserView): void;
}

/** One row per user: who, role, scope, status (正常/已锁定/已停用), last sign-in and what can be done. */
export function UsersTable({ users, communities, selfId, busyId, onAction }: UsersTableProps) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover verticalSpacing="xs" data-testid="users-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('users.columns.user')}</Table.Th>
          <Table.Th w={110}>{t('users.columns.role')}</Table.Th>
          <Table.Th>{t('users.columns.communities')}</Table.Th>
          <Table.Th w={190}>{t('users.columns.status')}</Table.Th>
          <Table.Th w={140}>{t('users.columns.lastLogin')}</Table.Th>
          <Table.Th w={200}>{t('users.columns.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => {
          const status = userStatus(user);
          const self = user.id === selfId;
          const busy = busyId === user.id;
          const scope = scopeNames(user.communityIds, communities);
          return (
            <Table.Tr key={user.id} data-testid={`user-row-${user.username}`}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text fw={600} size="sm">
                    {user.displayName}
                  </Text>
                  {self && (
                    <Badge size="xs" variant="outline">
                      {t('users.self')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {user.username}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`roles.${user.role}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2} c={scope ? undefined : 'dimmed'} data-testid={`user-scope-${user.username}`}>
                  {scope ?? t('users.allCommunities')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={STATUS_COLOR[status]} variant={status === 'active' ? 'light' : 'filled'} data-testid={`user-status-${user.username}`}>
                    {t(`users.status.${status}`)}
                  </Badge>
                  {user.mustChangePassword && !user.disabled && (
                    <Badge color="orange" variant="light">
                      {t('users.status.mustChange')}
                    </Badge>
                  )}
                </Group>
                {user.lockedUntil && (
                  <Text size="xs" c="dimmed">
                    {t('users.lockedUntil', { time: formatInstant(user.lockedUntil) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={user.lastLoginAt ? undefined : 'dimmed'} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {user.lastLoginAt ? formatInstant(user.lastLoginAt) : t('users.never')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => onAction('edit', user)}
                    disabled={busy}
                    data-testid={`user-edit-${user.username}`}
                  >
                    {t('users.actions.edit')}
                  </Button>
                  {user.locked && (
                    <Button
                      size="xs"
                      color="red"
                      leftSection={<IconLockOpen size={14} />}
                      onClick={() => onAction('unlock', user)}
                      loading={busy}
                      data-testid={`user-unlock-${user.username}`}
                    >
                      {t('users.actions.unlock')}
                    </Button>
                  )}
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('users.actions.menu', { name: user.displayName })}
                        disabled={busy}
                        data-testid={`user-menu-${user.username}`}
                      >
                        <IconDots size={18} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconKey size={14} />} onClick={() => onAction('resetPassword', user)} data-testid={`user-reset-${user.username}`}>
                        {t('users.actions.resetPassword')}
                      </Menu.Item>
                      {/* Nobody disables their own account: it would end this very session. */}
                      {!self &&
                        (user.disabled ? (
                          <Menu.Item leftSection={<IconUserCheck size={14} />} onClick={() => onAction('enable', user)} data-testid={`user-enable-${user.username}`}>
                            {t('users.actions.enable')}
                          </Menu.Item>
                        ) : (
                          <Menu.Item
                            color="red"
                            leftSection={<IconUserOff size={14} />}
                            onClick={() => onAction('disable', user)}
                            data-testid={`user-disable-${user.username}`}
                          >
                            {t('users.actions.disable')}
                          </Menu.Item>
                        ))}
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
