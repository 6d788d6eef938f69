import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCashRegister } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftView } from '../../../src-shared/api/calls/shifts';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { YuanInput } from '../../components/YuanInput';

/** The cashier's open shift, read once when the desk opens; null when none is open. */
export function useOpenShift() {
  const [shift, setShift] = useState<ShiftView | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const result = await call('shifts.current', {});
    if (result.ok) setShift(result.value.shift?.status === 'open' ? result.value.shift : null);
    else setError(result.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return { shift, setShift, error };
}

/**
 * Cashiers start their day at the desk: without an open shift nothing can be collected, so the
 * desk asks for the float and opens one (shifts.open). Counting and closing belong to 日结.
 */
export function ShiftGate({ onOpened }: { onOpened: (shift: ShiftView) => void }) {
  const { t } = useTranslation();
  const [floatFen, setFloatFen] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    if (pending || floatFen === null) return;
    setPending(true);
    const result = await call('shifts.open', { floatFen });
    setPending(false);
    if (result.ok) onOpened(result.value);
    else setError(result.error.message);
  };

  return (
    <Paper withBorder p="xl" maw={560} data-testid="desk-no-shift">
      <Stack gap="md">
        <Group gap="sm">
          <IconCashRegister size={28} aria-hidden color="var(--mantine-color-orange-7)" />
          <Title order={2} size="h3">
            {t('desk.shift.noShiftTitle')}
          </Title>
        </Group>
        <Alert color="orange" variant="light">
          <Text size="sm">{t('desk.shift.noShiftBody')}</Text>
        </Alert>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void open();
          }}
        >
          <Group align="flex-end" gap="md">
            <YuanInput
              label={t('desk.shift.float')}
              valueFen={floatFen}
              onChangeFen={setFloatFen}
              allowZero
              autoFocus
              w={220}
              data-testid="desk-shift-float"
            />
            <Button type="submit" loading={pending} disabled={floatFen === null} data-testid="desk-shift-open">
              {t('desk.shift.open')}
            </Button>
          </Group>
        </form>
        <ErrorAlert message={error} testId="desk-shift-error" />
      </Stack>
    </Paper>
  );
}
