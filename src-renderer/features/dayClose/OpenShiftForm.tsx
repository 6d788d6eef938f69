import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { YuanInput } from '../../components/YuanInput';
import type { ShiftView } from './countMath';

/** 开班: the cash float (备用金) the drawer starts with; focus waits in the amount, Enter opens. */
export function OpenShiftForm({ autoFocus, onOpened }: { autoFocus: boolean; onOpened: (shift: ShiftView) => void }) {
  const { t } = useTranslation();
  const [floatFen, setFloatFen] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const open = async () => {
    if (floatFen === null || pending) return;
    setPending(true);
    const r = await call('shifts.open', { floatFen });
    setPending(false);
    if (!r.ok) return setError(r.error.message);
    onOpened(r.value);
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="open-shift">
      <Stack gap="sm">
        <Text fw={600}>{t('dayClose.open.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('dayClose.open.hint')}
        </Text>
        <Group align="flex-end" gap="sm">
          <YuanInput
            ref={input}
            w={220}
            allowZero
            label={t('dayClose.open.float')}
            valueFen={floatFen}
            onChangeFen={setFloatFen}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void open();
              }
            }}
            data-testid="open-float"
          />
          <Button onClick={() => void open()} disabled={floatFen === null} loading={pending} data-testid="open-submit">
            {t('dayClose.open.submit')}
          </Button>
        </Group>
        <ErrorAlert message={error} testId="open-error" />
      </Stack>
    </Paper>
  );
}
