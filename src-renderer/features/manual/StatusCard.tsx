import { Box, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlugConnected, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { probeServer, type DeskModeState } from './deskMode';
import { timeText } from './format';
import { SwitchModeModal } from './SwitchModeModal';

type Light = 'standalone' | 'online' | 'offline' | 'fallback';

const COLORS: Record<Light, string> = { standalone: 'gray.5', online: 'teal.6', offline: 'red.6', fallback: 'orange.6' };

function lightOf(s: DeskModeState): Light {
  if (s.mode === 'fallback') return 'fallback';
  if (s.mode === 'standalone') return 'standalone';
  return s.lastCheckOk === false ? 'offline' : 'online';
}

/** The status light, what it is based on, and the cashier's switch in and out of 手工收费. */
export function StatusCard({ state, canSwitch }: { state: DeskModeState; canSwitch: boolean }) {
  const { t } = useTranslation();
  const [switching, setSwitching] = useState(false);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const light = lightOf(state);
  const hint = {
    standalone: t('manual.status.standaloneHint'),
    online: t('manual.status.onlineHint'),
    offline: t('manual.status.offlineHint', { count: state.consecutiveFailures, threshold: state.threshold }),
    // The banner above says what fallback means; here, why and since when.
    fallback: [state.since ? t('manual.banner.since', { time: timeText(state.since) }) : '', state.reason ? t('manual.banner.reason', { reason: state.reason }) : '']
      .filter(Boolean)
      .join('　'),
  }[light];

  const checkNow = async () => {
    setChecking(true);
    setError(await probeServer());
    setChecking(false);
  };

  return (
    <Paper withBorder p="md" data-testid="manual-status">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Group gap="md" align="flex-start" wrap="nowrap">
          <Box
            w={18}
            h={18}
            mt={4}
            bg={COLORS[light]}
            style={{ borderRadius: '50%', flexShrink: 0, boxShadow: '0 0 0 4px var(--mantine-color-gray-1)' }}
            aria-hidden
            data-testid="manual-status-light"
            data-light={light}
          />
          <Stack gap={2}>
            <Text fw={700} size="lg" data-testid="manual-status-text">
              {t(`manual.status.${light}`)}
            </Text>
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
            {state.serverUrl !== '' && (
              <Text size="xs" c="dimmed">
                {t('manual.status.server', { url: state.serverUrl })}
                {'　'}
                {state.lastCheckAt
                  ? t('manual.status.lastCheck', {
                      time: timeText(state.lastCheckAt),
                      result: t(state.lastCheckOk ? 'manual.status.checkOk' : 'manual.status.checkFailed'),
                    })
                  : t('manual.status.never')}
              </Text>
            )}
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {state.serverUrl !== '' && (
            <Button variant="default" leftSection={<IconRefresh size={16} />} loading={checking} onClick={() => void checkNow()} data-testid="manual-check-now">
              {t('manual.status.checkNow')}
            </Button>
          )}
          <Tooltip label={t('manual.status.noSwitchPermission')} disabled={canSwitch}>
            <span>
              <Button
                color={state.fallbackMode ? 'teal' : 'orange'}
                leftSection={state.fallbackMode ? <IconPlugConnected size={16} /> : <IconPlugConnectedX size={16} />}
                onClick={() => setSwitching(true)}
                disabled={!canSwitch}
                data-testid={state.fallbackMode ? 'manual-switch-off' : 'manual-switch-on'}
              >
                {t(state.fallbackMode ? 'manual.status.switchOff' : 'manual.status.switchOn')}
              </Button>
            </span>
          </Tooltip>
        </Group>
      </Group>
      <ErrorAlert message={error} />
      <SwitchModeModal opened={switching} on={!state.fallbackMode} onClose={() => setSwitching(false)} />
    </Paper>
  );
}
