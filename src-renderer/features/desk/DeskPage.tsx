import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DeskPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="page-desk">
      <Title order={1} size="h2">
        {t('desk.title')}
      </Title>
    </Stack>
  );
}
