import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function QueryPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="page-query">
      <Title order={1} size="h2">
        {t('query.title')}
      </Title>
    </Stack>
  );
}
