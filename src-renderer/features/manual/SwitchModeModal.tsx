import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { switchFallback } from './deskMode';

/** Switching in or out of 手工收费 asks for the reason the audit log keeps; Enter confirms, Esc cancels. */
export function SwitchModeModal({ opened, on, onClose }: { opened: boolean; on: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = reason.trim().length >= 2;

  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };

  const confirm = async () => {
    if (pending || !ready) return;
    setPending(true);
    const failed = await switchFallback(on, reason.trim());
    setPending(false);
    if (failed) return setError(failed);
    notifications.show({ color: on ? 'orange' : 'teal', message: t(on ? 'manual.switch.switchedOn' : 'manual.switch.switchedOff') });
    close();
  };

  return (
    <Modal opened={opened} onClose={close} title={t(on ? 'manual.switch.onTitle' : 'manual.switch.offTitle')} data-testid="manual-switch-modal">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t(on ? 'manual.switch.onBody' : 'manual.switch.offBody')}</Text>
          <TextInput
            label={t('manual.switch.reason')}
            placeholder={t(on ? 'manual.switch.onPlaceholder' : 'manual.switch.offPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={200}
            data-autofocus
            required
            data-testid="manual-switch-reason"
          />
          <ErrorAlert message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('manual.switch.cancel')}
            </Button>
            <Button type="submit" color={on ? 'orange' : 'teal'} loading={pending} disabled={!ready} data-testid="manual-switch-confirm">
              {t('manual.switch.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
