import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Shows a ledger error message (already in Chinese) to the user; never a stack trace. */
export function ErrorAlert({ message, testId = 'error-alert' }: { message: string | null; testId?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert color="red" variant="light" title={t('errors.title')} icon={<IconAlertCircle size={20} />} role="alert" data-testid={testId}>
      {message}
    </Alert>
  );
}
