import { Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ComingLaterPageId } from '../../app/navigation';

/** Stands in for a screen that arrives in a later version, so no menu item is a dead end. */
export function ComingLaterPage({ page }: { page: ComingLaterPageId }) {
  const { t } = useTranslation();
  const name = t(`nav.${page}`);
  return (
    <Stack gap="lg" maw={760} data-testid={`page-${page}`}>
      <Group gap="sm">
        <Title order={1} size="h2">
          {name}
        </Title>
        <Badge color="gray" variant="light">
          {t('comingLater.badge')}
        </Badge>
      </Group>
      <Paper withBorder p="xl" radius="sm" data-testid="coming-later">
        <Group align="flex-start" wrap="nowrap" gap="lg">
          <ThemeIcon size={48} radius="sm" variant="light" color="gray" aria-hidden>
            <IconTools size={28} />
          </ThemeIcon>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('comingLater.title', { name })}
            </Title>
            <Text c="dimmed">{t('comingLater.body')}</Text>
            <Text fw={500} size="sm" mt="xs">
              {t('comingLater.plannedTitle')}
            </Text>
            <Text size="sm">{t(`comingLater.${page}`)}</Text>
          </Stack>
        </Group>
      </Paper>
    </Stack>
  );
}
