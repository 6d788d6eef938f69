import { Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import type { ShiftView } from './countMath';

/**
 * 主管确认 of a counted shift. On a supervisor's own login it simply confirms; at the cashier's
 * desk the ledger asks for approval and the central dialog takes the supervisor's password.
 */
export function ConfirmShiftButton({
  shift,
  atDesk,
  onConfirmed,
  onError,
}: {
  shift: ShiftView;
  /** At the cashier's own desk: focus waits here and the supervisor approves on the spot. */
  atDesk: boolean;
  onConfirmed: (shift: ShiftView) => void;
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);

  const confirm = async () => {
    if (pending) return;
    setPending(true);
    const r = await call('shifts.confirm', { shiftId: shift.id, note: note.trim() });
    setPending(false);
    if (!r.ok) return onError(r.error.message);
    onError(null);
    notifications.show({ color: 'teal', message: t('dayClose.confirm.done', { cashier: shift.cashierName }) });
    // The confirmation stands even when the automatic backup after it could not be written.
    if (!r.value.backup.ok) notifications.show({ color: 'yellow', message: r.value.backup.message });
    onConfirmed(r.value.shift);
  };

  return (
    <Group gap="sm" align="flex-end">
      <TextInput
        size="sm"
        w={280}
        label={t('dayClose.confirm.note')}
        value={note}
        maxLength={200}
        onChange={(e) => setNote(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && void confirm()}
        data-testid={`confirm-note-${shift.id}`}
      />
      <Button
        leftSection={<IconShieldCheck size={18} />}
        autoFocus={atDesk}
        loading={pending}
        onClick={() => void confirm()}
        data-testid={`confirm-shift-${shift.id}`}
      >
        {t(atDesk ? 'dayClose.confirm.atDesk' : 'dayClose.confirm.submit')}
      </Button>
      {atDesk && (
        <Text size="xs" c="dimmed" maw={300}>
          {t('dayClose.confirm.hint')}
        </Text>
      )}
    </Group>
  );
}
