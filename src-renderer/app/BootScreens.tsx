import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" data-testid="boot-loading">
      <Stack align="center" gap="sm">
        <Loader />
        <Text c="dimmed">{t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** The ledger could not be reached at start: say why and offer a retry. */
export function UnreachableScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="xl">
      <Stack maw={520} gap="md">
        <Alert color="red" variant="light" icon={<IconAlertCircle size={20} />} title={t('errors.bootTitle')} role="alert" data-testid="boot-error">
          {message}
        </Alert>
        <Button leftSection={<IconRefresh size={16} />} onClick={onRetry} variant="default" style={{ alignSelf: 'flex-start' }}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
