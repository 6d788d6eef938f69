import { Loader, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useSignedIn } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConfirmShiftButton } from './ConfirmShiftButton';
import type { ShiftView } from './countMath';
import { ShiftPayments } from './ShiftPayments';
import { ShiftReports } from './ShiftReports';
import { ShiftSummary } from './ShiftSummary';

/** 待确认: every counted shift, each with its count, its payments and 确认 (not one's own). */
export function PendingShifts({ onCount }: { onCount: (n: number) => void }) {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const [shifts, setShifts] = useState<ShiftView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const r = await call('shifts.list', { status: 'counted', limit: 100 });
    if (!r.ok) return setError(r.error.message);
    setShifts(r.value.shifts);
    onCount(r.value.shifts.length);
  }, [onCount]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (!shifts) return error ? <ErrorAlert message={error} /> : <Loader size="sm" />;
  return (
    <Stack gap="md" data-testid="pending-shifts">
      <ErrorAlert message={error} />
      {shifts.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('dayClose.pending.none')}
        </Text>
      )}
      {shifts.map((shift) => (
        <Paper key={shift.id} withBorder p="md" radius="md" data-testid="pending-shift">
          <ShiftSummary shift={shift}>
            <ShiftPayments shiftId={shift.id} version={0} />
            {shift.cashierId === session.user.id ? (
              <Text size="sm" c="orange.8">
                {t('dayClose.confirm.notOwn')}
              </Text>
            ) : (
              <ConfirmShiftButton shift={shift} atDesk={false} onError={setError} onConfirmed={() => void reload()} />
            )}
            <ShiftReports scope={{ shiftId: shift.id }} onError={setError} testPrefix={`daily-${shift.id}`} />
          </ShiftSummary>
        </Paper>
      ))}
    </Stack>
  );
}
