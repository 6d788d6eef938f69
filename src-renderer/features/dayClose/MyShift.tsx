import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useSignedIn } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { localDateTime } from '../query/format';
import { ConfirmShiftButton } from './ConfirmShiftButton';
import { collectedFen, type ShiftView } from './countMath';
import { CountForm } from './CountForm';
import { OpenShiftForm } from './OpenShiftForm';
import { ShiftPayments } from './ShiftPayments';
import { ShiftReports } from './ShiftReports';
import { ShiftSummary } from './ShiftSummary';

interface Mine {
  /** The open shift, if any. */
  current: ShiftView | null;
  /** The newest of the user's shifts, open or not. */
  latest: ShiftView | null;
}

/**
 * The signed-in cashier's own shift: open it with a float, count it, have it confirmed, print its
 * 日报. Once confirmed it is read-only and a new shift can be opened.
 */
export function MyShift() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const [mine, setMine] = useState<Mine | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const userId = session.user.id;
  // A supervisor's own shift must be confirmed by another supervisor on their own login.
  const confirmsOwn = session.user.permissions.includes('shift.confirm');

  const reload = useCallback(async () => {
    const [current, list] = await Promise.all([call('shifts.current', {}), call('shifts.list', { cashierId: userId, limit: 1 })]);
    if (!current.ok) return setError(current.error.message);
    setMine({ current: current.value.shift, latest: list.ok ? (list.value.shifts[0] ?? null) : null });
    setVersion((v) => v + 1);
  }, [userId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (!mine) return error ? <ErrorAlert message={error} /> : <Loader size="sm" />;

  const { current, latest } = mine;
  // A count waiting for its confirmation comes first, with focus on 主管确认.
  const awaiting = !current && latest?.status === 'counted';
  return (
    <Stack gap="md">
      <ErrorAlert message={error} testId="dayclose-error" />
      {current ? (
        <Paper withBorder p="md" radius="md" data-testid="current-shift">
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Group gap="sm">
                  <Title order={2} size="h4">
                    {t('dayClose.current.title')}
                  </Title>
                  <Badge color="blue" variant="filled" data-testid="shift-status">
                    {t('dayClose.status.open')}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t('dayClose.current.opened', { at: localDateTime(current.openedAt), date: current.businessDate })}
                </Text>
              </Stack>
              <Group gap="xl">
                <Stack gap={0} align="flex-end">
                  <Text size="xs" c="dimmed">
                    {t('dayClose.summary.float')}
                  </Text>
                  <Money fen={current.floatFen} data-testid="current-float" />
                </Stack>
                <Stack gap={0} align="flex-end">
                  <Text size="xs" c="dimmed">
                    {t('dayClose.summary.collected')}
                  </Text>
                  <Money fen={collectedFen(current)} fw={700} size="lg" data-testid="shift-collected" />
                </Stack>
              </Group>
            </Group>
            <CountForm
              key={current.id}
              shift={current}
              onCounted={() => void reload()}
            />
            <Text fw={600} size="sm">
              {t('dayClose.payments.title', { n: current.paymentCount })}
            </Text>
            <ShiftPayments shiftId={current.id} version={version} />
          </Stack>
        </Paper>
      ) : (
        !awaiting && <OpenShiftForm autoFocus onOpened={() => void reload()} />
      )}
      {!current && latest && (
        <Paper withBorder p="md" radius="md" data-testid="latest-shift">
          <ShiftSummary shift={latest}>
            {latest.status === 'counted' && !confirmsOwn && (
              <ConfirmShiftButton shift={latest} atDesk onError={setError} onConfirmed={() => void reload()} />
            )}
            {latest.status === 'counted' && confirmsOwn && (
              <Text size="sm" c="orange.8">
                {t('dayClose.confirm.notOwn')}
              </Text>
            )}
            {latest.status === 'confirmed' && (
              <Text size="sm" c="dimmed" data-testid="shift-readonly">
                {t('dayClose.confirm.readOnly')}
              </Text>
            )}
            <ShiftReports scope={{ shiftId: latest.id }} onError={setError} />
          </ShiftSummary>
        </Paper>
      )}
      {awaiting && <OpenShiftForm autoFocus={false} onOpened={() => void reload()} />}
    </Stack>
  );
}
