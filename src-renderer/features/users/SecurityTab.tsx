import { Button, Code, Divider, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconKey } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';
import { useSignedIn } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';

type Settings = CallOutput<'users.securitySettings'>;
type Key = keyof Settings;

const FIELDS: Array<{ key: Key; min: number; max: number }> = [
  { key: 'lockoutThreshold', min: 3, max: 20 },
  { key: 'lockoutMinutes', min: 1, max: 1440 },
  { key: 'idleLockMinutes', min: 1, max: 240 },
];

/** 安全设置: the lockout and idle lock settings (settings.manage), and a new recovery code. */
export function SecurityTab() {
  const { session } = useSignedIn();
  return (
    <Stack gap="lg" maw={820} data-testid="security-tab">
      {session.user.permissions.includes('settings.manage') && <SettingsCard />}
      <RecoveryCodeCard />
    </Stack>
  );
}

function SettingsCard() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Record<Key, number | string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void call('users.securitySettings', {}).then((result) => (result.ok ? setForm(result.value) : setError(result.error.message)));
  }, []);

  async function save() {
    if (!form) return;
    setSaving(true);
    setError(null);
    // An emptied field is sent as it is: the ledger answers with its own Chinese message.
    const result = await call('users.setSecuritySettings', Object.fromEntries(FIELDS.map(({ key }) => [key, Number(form[key])])));
    setSaving(false);
    if (!result.ok) return setError(result.error.message);
    setForm(result.value);
    notifications.show({ color: 'teal', message: t('users.security.saved') });
  }

  if (!form) return error ? <ErrorAlert message={error} /> : <Loader size="sm" />;

  return (
    <Paper withBorder p="lg" radius="sm">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('users.security.title')}
        </Title>
        <SimpleGrid cols={3} spacing="lg" style={{ alignItems: 'end' }}>
          {FIELDS.map(({ key, min, max }) => (
            <NumberInput
              key={key}
              label={t(`users.security.${key}`)}
              description={t(`users.security.${key}Hint`)}
              value={form[key]}
              onChange={(value) => setForm((f) => f && { ...f, [key]: value })}
              min={min}
              max={max}
              allowDecimal={false}
              allowNegative={false}
              data-testid={`security-${key}`}
            />
          ))}
        </SimpleGrid>
        <ErrorAlert message={error} testId="security-error" />
        <Group>
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={saving} onClick={() => void save()} data-testid="security-save">
            {t('users.security.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A new code voids the old one at once; it is shown here this once. */
function RecoveryCodeCard() {
  const { t } = useTranslation();
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);

  async function issue() {
    setIssuing(true);
    setError(null);
    const result = await call('users.newRecoveryCode', {});
    setIssuing(false);
    if (!result.ok) return setError(result.error.message);
    setRecoveryCode(result.value.recoveryCode);
    notifications.show({ color: 'teal', message: t('users.security.recoveryDone') });
  }

  return (
    <Paper withBorder p="lg" radius="sm">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('users.security.recoveryTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('users.security.recoveryBody')}
        </Text>
        {recoveryCode && (
          <>
            <Divider label={t('users.security.recoveryShown')} labelPosition="left" />
            <Code fz="xl" fw={700} ta="center" p="md" block data-testid="security-recovery-code">
              {recoveryCode}
            </Code>
          </>
        )}
        <ErrorAlert message={error} testId="recovery-error" />
        <Group>
          <Button variant="default" leftSection={<IconKey size={16} />} loading={issuing} onClick={() => void issue()} data-testid="security-recovery-generate">
            {t('users.security.recoveryGenerate')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
