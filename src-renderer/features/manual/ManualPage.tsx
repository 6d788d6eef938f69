import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ManualPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="page-manual">
      <Title order={1} size="h2">
        {t('manual.title')}
      </Title>
    </Stack>
  );
}
