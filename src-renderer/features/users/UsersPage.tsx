import { Stack, Tabs, Text, Title } from '@mantine/core';
import { IconLock, IconShieldHalf, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RolesTab } from './RolesTab';
import { SecurityTab } from './SecurityTab';
import { UsersTab } from './UsersTab';

/** 用户与权限 (users.manage): users, the role × permission ticks, and the security settings. */
export function UsersPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="page-users">
      <div>
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('users.subtitle')}
        </Text>
      </div>
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users" leftSection={<IconUsers size={16} />} data-testid="users-tab-users">
            {t('users.tabs.users')}
          </Tabs.Tab>
          <Tabs.Tab value="roles" leftSection={<IconShieldHalf size={16} />} data-testid="users-tab-roles">
            {t('users.tabs.roles')}
          </Tabs.Tab>
          <Tabs.Tab value="security" leftSection={<IconLock size={16} />} data-testid="users-tab-security">
            {t('users.tabs.security')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="roles">
          <RolesTab />
        </Tabs.Panel>
        <Tabs.Panel value="security">
          <SecurityTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
