import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FOLLOW_UP_METHODS,
  FOLLOW_UP_OUTCOMES,
  type FollowUpMethod,
  type FollowUpOutcome,
  type FollowUpView,
} from '../../../src-shared/api/calls/arrears';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newRequestKey } from './format';

/**
 * Records one contact. The request key lives as long as the form: a double click or Ctrl+Enter
 * twice records once; after a save the form starts over with a new key.
 */
export function FollowUpForm({ unitId, today, onSaved }: { unitId: number; today: string; onSaved: (f: FollowUpView) => void }) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<FollowUpMethod>('phone');
  const [outcome, setOutcome] = useState<FollowUpOutcome | null>(null);
  const [promisedDate, setPromisedDate] = useState('');
  const [contactDate, setContactDate] = useState(today);
  const [note, setNote] = useState('');
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsDate = outcome === 'promised';
  const ready = outcome !== null && (!needsDate || promisedDate !== '') && contactDate !== '';

  const save = async () => {
    if (pending || !ready) return;
    setPending(true);
    const result = await call('arrears.addFollowUp', {
      idempotencyKey: requestKey,
      unitId,
      method,
      outcome,
      ...(needsDate ? { promisedDate } : {}),
      contactDate,
      note,
    });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setOutcome(null);
    setPromisedDate('');
    setNote('');
    setRequestKey(newRequestKey());
    onSaved(result.value);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
      data-testid="followup-form"
    >
      <Stack gap="sm">
        <Text fw={600}>{t('arrears.followUp.newRecord')}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('arrears.followUp.method')}
          </Text>
          <SegmentedControl
            fullWidth
            value={method}
            onChange={(v) => setMethod(v as FollowUpMethod)}
            data={FOLLOW_UP_METHODS.map((m) => ({ value: m, label: t(`arrears.followUp.methods.${m}`) }))}
            data-testid="followup-method"
          />
        </Stack>
        <Group grow align="flex-start">
          <Select
            size="md"
            label={t('arrears.followUp.outcome')}
            data={FOLLOW_UP_OUTCOMES.map((o) => ({ value: o, label: t(`arrears.followUp.outcomes.${o}`) }))}
            value={outcome}
            onChange={(v) => setOutcome(v as FollowUpOutcome | null)}
            required
            data-testid="followup-outcome"
          />
          <TextInput
            type="date"
            label={t('arrears.followUp.contactDate')}
            value={contactDate}
            max={today}
            onChange={(e) => setContactDate(e.currentTarget.value)}
            required
            data-testid="followup-contact-date"
          />
        </Group>
        {needsDate && (
          <TextInput
            type="date"
            label={t('arrears.followUp.promisedDate')}
            value={promisedDate}
            min={contactDate}
            onChange={(e) => setPromisedDate(e.currentTarget.value)}
            error={promisedDate === '' ? t('arrears.followUp.promisedRequired') : undefined}
            required
            data-testid="followup-promised-date"
          />
        )}
        <Textarea
          label={t('arrears.followUp.note')}
          placeholder={t('arrears.followUp.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          maxRows={5}
          data-testid="followup-note"
        />
        <ErrorAlert message={error} testId="followup-error" />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={pending} disabled={!ready} data-testid="followup-save">
            {t('arrears.followUp.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
