import { Alert, Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDeskMode } from './deskMode';
import { timeText } from './format';

/**
 * Says that the desk is in 手工收费 mode, on every page while it lasts: 'bar' is a full-width
 * strip for the top of the page area, 'badge' fits the shell header (the rules in its tooltip).
 * Renders nothing in normal mode.
 */
export function FallbackBanner({ variant = 'bar' }: { variant?: 'bar' | 'badge' }) {
  const { t } = useTranslation();
  const mode = useDeskMode();
  if (!mode?.fallbackMode) return null;
  const since = mode.since ? t('manual.banner.since', { time: timeText(mode.since) }) : '';
  if (variant === 'badge') {
    return (
      <Tooltip label={`${t('manual.banner.body')} ${mode.reason ? t('manual.banner.reason', { reason: mode.reason }) : ''}`} multiline w={360}>
        <Badge color="orange" variant="filled" size="lg" leftSection={<IconAlertTriangle size={14} />} data-testid="fallback-banner">
          {t('manual.banner.title')}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Alert color="orange" variant="filled" icon={<IconAlertTriangle size={20} />} py={8} mb="md" role="status" data-testid="fallback-banner">
      <Group gap="xs" wrap="wrap">
        <Text fw={700} size="sm">
          {t('manual.banner.title')}
        </Text>
        <Text size="sm">{since}</Text>
        <Text size="sm">{t('manual.banner.body')}</Text>
        {mode.reason && <Text size="sm">{t('manual.banner.reason', { reason: mode.reason })}</Text>}
      </Group>
    </Alert>
  );
}
