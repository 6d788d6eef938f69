import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserView } from './format';

/** Disabling ends the user's sessions at once, so it is confirmed; enabling needs no question. */
export function ConfirmDisableModal({ user, busy, onCancel, onConfirm }: { user: UserView; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={() => !busy && onCancel()}
      title={<Text fw={600}>{t('users.confirmDisable.title', { name: user.displayName })}</Text>}
      data-testid="confirm-disable"
    >
      <Stack gap="md">
        <Text size="sm">{t('users.confirmDisable.body')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('users.form.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={busy} data-autofocus data-testid="confirm-disable-submit">
            {t('users.confirmDisable.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
