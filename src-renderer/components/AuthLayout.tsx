import { Box, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

interface AuthLayoutProps {
  /** The company (or product) shown above the card. */
  heading: string;
  title: string;
  subtitle?: string;
  width?: number;
  /** The program version, shown small under the card. */
  version?: string;
  children: ReactNode;
}

/** The centred card used by first-run setup and login. */
export function AuthLayout({ heading, title, subtitle, width = 420, version, children }: AuthLayoutProps) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" py="md" px="md">
      <Group justify="flex-end" maw={width} mx="auto" mb="md">
        <LanguageSwitch />
      </Group>
      <Stack maw={width} mx="auto" gap="lg">
        <Group gap="sm" justify="center" wrap="nowrap">
          <ThemeIcon size={40} radius="sm" variant="filled" aria-hidden>
            <IconBuildingCommunity size={24} />
          </ThemeIcon>
          <div>
            <Text fw={600} size="lg" lh={1.3} data-testid="auth-heading">
              {heading}
            </Text>
            {heading !== t('app.productName') && (
              <Text size="sm" c="dimmed" lh={1.3}>
                {t('app.productName')}
              </Text>
            )}
          </div>
        </Group>
        <Paper withBorder shadow="sm" px="xl" py="lg" radius="sm">
          <Stack gap="md">
            <div>
              <Title order={1} size="h3">
                {title}
              </Title>
              {subtitle && (
                <Text size="sm" c="dimmed" mt={4}>
                  {subtitle}
                </Text>
              )}
            </div>
            {children}
          </Stack>
        </Paper>
        {version && (
          <Text size="xs" c="dimmed" ta="center" data-testid="app-version">
            {t('app.version', { version })}
          </Text>
        )}
      </Stack>
    </Box>
  );
}
