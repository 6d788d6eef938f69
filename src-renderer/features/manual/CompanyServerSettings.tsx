import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { setServerAddress, useDeskMode } from './deskMode';

/**
 * The company-server address the desk's health check asks (settings.manage), for the settings
 * page: empty means 单机 (standalone), which nothing checks.
 */
export function CompanyServerSettings() {
  const { t } = useTranslation();
  const mode = useDeskMode();
  const [url, setUrl] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = url ?? mode?.serverUrl ?? '';

  const save = async () => {
    if (pending) return;
    setPending(true);
    const failed = await setServerAddress(shown.trim());
    setPending(false);
    setError(failed);
    if (!failed) {
      setUrl(null);
      notifications.show({ color: 'teal', message: t('manual.server.saved') });
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" data-testid="company-server-settings">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('manual.server.title')}
          </Title>
          <TextInput
            label={t('manual.server.url')}
            description={t('manual.server.urlHint')}
            placeholder="http://192.168.1.10:8080/"
            value={shown}
            onChange={(e) => setUrl(e.currentTarget.value)}
            maxLength={200}
            data-testid="company-server-url"
          />
          {mode && (
            <Text size="xs" c="dimmed">
              {t(`manual.status.${mode.mode}`)}
            </Text>
          )}
          <ErrorAlert message={error} />
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={pending} data-testid="company-server-save">
              {t('manual.server.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
