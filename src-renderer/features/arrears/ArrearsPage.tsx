import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ArrearsPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="page-arrears">
      <Title order={1} size="h2">
        {t('arrears.title')}
      </Title>
    </Stack>
  );
}
