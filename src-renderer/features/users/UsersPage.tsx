import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function UsersPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="page-users">
      <Title order={1} size="h2">
        {t('users.title')}
      </Title>
    </Stack>
  );
}
