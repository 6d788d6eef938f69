import { Button, FileButton, Group, Image, Loader, Paper, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { call, isDesktop } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CompanyServerSettings } from '../manual/CompanyServerSettings';

type Settings = CallOutput<'settings.get'>;
type Layout = Settings['receiptLayout'];

const LAYOUTS: Layout[] = ['a4', 'triplicate', 'thermal80'];
/** Kept well under the contract's limit once base64 has grown it by a third. */
const MAX_SEAL_BYTES = 500 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** 设置: company name and how receipts print (admin, settings.manage). */
export function SettingsPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void call('settings.get', {}).then((result) => {
      if (result.ok) setForm(result.value);
      else setError(result.error.message);
    });
  }, []);

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setForm((f) => (f ? { ...f, [key]: value } : f));

  const pickSeal = async (file: File | null) => {
    if (!file) return;
    if (file.type !== 'image/png') return setError(t('settings.sealNotPng'));
    if (file.size > MAX_SEAL_BYTES) return setError(t('settings.sealTooLarge'));
    setError(null);
    set('sealImage', await readAsDataUrl(file));
  };

  const save = async () => {
    if (!form) return;
    setSaving(true);
    const result = await call('settings.update', form);
    setSaving(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setForm(result.value);
    notifications.show({ color: 'teal', message: t('settings.saved') });
  };

  if (!form) {
    return error ? <ErrorAlert message={error} /> : <Loader size="sm" aria-label={t('settings.loading')} />;
  }

  return (
    <Stack gap="lg" maw={720} data-testid="page-settings">
      <div>
        <Title order={2}>{t('settings.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('settings.subtitle')}
        </Text>
      </div>
      {error && <ErrorAlert message={error} />}
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <TextInput
            label={t('settings.companyName')}
            description={t('settings.companyNameHint')}
            value={form.companyName}
            onChange={(e) => set('companyName', e.currentTarget.value)}
            maxLength={60}
            required
            data-testid="settings-company-name"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('settings.receiptLayout')}
            </Text>
            <SegmentedControl
              value={form.receiptLayout}
              onChange={(value) => set('receiptLayout', value as Layout)}
              data={LAYOUTS.map((value) => ({ value, label: t(`settings.layouts.${value}`) }))}
              data-testid="settings-layout"
            />
          </Stack>
          <TextInput
            label={t('settings.printerName')}
            description={isDesktop ? t('settings.printerHint') : t('settings.printerBrowserHint')}
            value={form.printerName}
            onChange={(e) => set('printerName', e.currentTarget.value)}
            placeholder={t('settings.printerDefault')}
            data-testid="settings-printer"
          />
          <Switch
            label={t('settings.silentPrint')}
            description={t('settings.silentPrintHint')}
            checked={form.silentPrint}
            onChange={(e) => set('silentPrint', e.currentTarget.checked)}
            data-testid="settings-silent"
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('settings.seal')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('settings.sealHint')}
            </Text>
            <Group gap="md" align="center">
              {form.sealImage ? (
                <Image src={form.sealImage} alt={t('settings.seal')} w={96} h={96} fit="contain" bd="1px dashed gray.4" data-testid="settings-seal-preview" />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('settings.noSeal')}
                </Text>
              )}
              <FileButton onChange={(file) => void pickSeal(file)} accept="image/png">
                {(props) => (
                  <Button variant="default" leftSection={<IconUpload size={16} />} {...props} data-testid="settings-seal-upload">
                    {t('settings.uploadSeal')}
                  </Button>
                )}
              </FileButton>
              {form.sealImage && (
                <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => set('sealImage', '')}>
                  {t('settings.removeSeal')}
                </Button>
              )}
            </Group>
          </Stack>
          <Group justify="flex-end">
            <Button leftSection={<IconDeviceFloppy size={16} />} loading={saving} onClick={() => void save()} data-testid="settings-save">
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <CompanyServerSettings />
    </Stack>
  );
}
