import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DayClosePage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="page-dayClose">
      <Title order={1} size="h2">
        {t('dayClose.title')}
      </Title>
    </Stack>
  );
}
