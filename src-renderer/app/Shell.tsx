import { AppShell, Badge, Button, Group, Kbd, NavLink, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconBuildingCommunity, IconLock, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ArrearsPage } from '../features/arrears/ArrearsPage';
import { ComingLaterPage } from '../features/coming-later/ComingLaterPage';
import { DayClosePage } from '../features/dayClose/DayClosePage';
import { DeskPage } from '../features/desk/DeskPage';
import { FallbackBanner } from '../features/manual/FallbackBanner';
import { ManualPage } from '../features/manual/ManualPage';
import { QueryPage } from '../features/query/QueryPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StatusPage } from '../features/status/StatusPage';
import { UsersPage } from '../features/users/UsersPage';
import { HelpOverlay } from './HelpOverlay';
import { navShortcutDigit, visibleNavItems, type PageId } from './navigation';
import { useSignedIn } from './session';

function PageView({ page }: { page: PageId }) {
  switch (page) {
    case 'desk':
      return <DeskPage />;
    case 'query':
      return <QueryPage />;
    case 'arrears':
      return <ArrearsPage />;
    case 'manual':
      return <ManualPage />;
    case 'dayClose':
      return <DayClosePage />;
    case 'users':
      return <UsersPage />;
    case 'settings':
      return <SettingsPage />;
    case 'status':
      return <StatusPage />;
    default:
      return <ComingLaterPage page={page} />;
  }
}

/** The signed-in frame: header (company, user, language, logout), left menu, and the page. */
export function Shell() {
  const { t } = useTranslation();
  const { bootstrap, session, logout, lockNow } = useSignedIn();
  const items = visibleNavItems(session.user.permissions);
  const [page, setPage] = useState<PageId>(items[0]?.id ?? 'status');
  const [leaving, setLeaving] = useState(false);

  // Alt+1 … Alt+0 open the menu items in order, also while typing in a field.
  useHotkeys(
    items.flatMap((item, index) => {
      const digit = navShortcutDigit(index);
      return digit === null ? [] : [[`alt+digit${digit}`, () => setPage(item.id), { usePhysicalKeys: true }] as const];
    }),
    [],
  );
  // Ctrl+L locks the desk when the cashier steps away from the counter.
  useHotkeys([['mod+L', lockNow]], []);

  const { user } = session;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 228, breakpoint: 0 }} padding="lg">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <ThemeIcon size={32} radius="sm" aria-hidden>
              <IconBuildingCommunity size={20} />
            </ThemeIcon>
            <Stack gap={0} miw={0}>
              <Text fw={600} size="md" lh={1.25} truncate="end" data-testid="shell-company-name">
                {bootstrap.companyName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.25}>
                {t('app.productName')}
              </Text>
            </Stack>
            {bootstrap.training && (
              <Badge color="orange" variant="filled" data-testid="training-badge">
                {t('app.training')}
              </Badge>
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            <Group gap={6} wrap="nowrap" aria-label={t('shell.currentUser')} role="group">
              <IconUserCircle size={20} aria-hidden color="var(--mantine-color-gray-6)" />
              <Text size="sm" fw={500} data-testid="shell-user-name">
                {user.displayName}
              </Text>
              <Badge variant="light" size="md" data-testid="shell-user-role">
                {t(`roles.${user.role}`)}
              </Badge>
            </Group>
            <LanguageSwitch />
            <Button variant="default" size="sm" leftSection={<IconLock size={16} />} onClick={lockNow} data-testid="lock-button">
              {t('shell.lock')}
            </Button>
            <Button
              variant="default"
              size="sm"
              leftSection={<IconLogout size={16} />}
              loading={leaving}
              onClick={async () => {
                setLeaving(true);
                await logout();
              }}
              data-testid="logout-button"
            >
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" aria-label={t('shell.navLabel')}>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item, index) => (
            <NavLink
              key={item.id}
              component="button"
              type="button"
              label={t(`nav.${item.id}`)}
              leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
              rightSection={
                navShortcutDigit(index) !== null && (
                  <Kbd size="xs" aria-hidden c="dimmed">
                    {t('shell.shortcut', { key: navShortcutDigit(index) })}
                  </Kbd>
                )
              }
              active={page === item.id}
              aria-current={page === item.id ? 'page' : undefined}
              onClick={() => setPage(item.id)}
              data-testid={`nav-${item.id}`}
              variant="light"
              styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' }, label: { fontSize: 'var(--mantine-font-size-sm)' } }}
              mb={2}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        {/* Whoever takes money must see on every page that the desk is in 手工收费 mode. */}
        {(user.permissions.includes('payment.collect') || user.permissions.includes('manual.entry')) && (
          <FallbackBanner />
        )}
        <PageView page={page} />
      </AppShell.Main>
      <HelpOverlay page={page} pages={items.map((item) => item.id)} />
    </AppShell>
  );
}
