import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TenderMethod } from '../../../src-shared/api/calls/collection';
import { YuanInput } from '../../components/YuanInput';

export interface TenderDraft {
  key: number;
  method: TenderMethod;
  amountFen: number | null;
  reference: string;
}

let nextKey = 1;
export function newTender(method: TenderMethod): TenderDraft {
  return { key: nextKey++, method, amountFen: null, reference: '' };
}

/**
 * The tender lines of a paper receipt. Only the methods the desk may take now are offered (in
 * fallback: cash, card, transfer); every method but cash needs its slip or transfer number.
 */
export function EntryTenders({ tenders, methods, onChange }: { tenders: TenderDraft[]; methods: TenderMethod[]; onChange: (next: TenderDraft[]) => void }) {
  const { t } = useTranslation();
  const set = (key: number, patch: Partial<TenderDraft>) => onChange(tenders.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('manual.entry.tenders')}
      </Text>
      {tenders.map((d, i) => (
        <Group key={d.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="entry-tender">
          <Select
            size="md"
            aria-label={t('manual.entry.method')}
            w={110}
            data={methods.map((m) => ({ value: m, label: t(`manual.methods.${m}`) }))}
            value={d.method}
            onChange={(v) => v && set(d.key, { method: v as TenderMethod })}
            allowDeselect={false}
            data-testid="entry-tender-method"
          />
          <YuanInput
            aria-label={t('manual.entry.amount')}
            w={150}
            valueFen={d.amountFen}
            onChangeFen={(fen) => set(d.key, { amountFen: fen })}
            data-testid="entry-tender-amount"
          />
          {d.method !== 'cash' && (
            <TextInput
              aria-label={t('manual.entry.reference')}
              placeholder={t('manual.entry.referencePlaceholder')}
              w={180}
              value={d.reference}
              onChange={(e) => set(d.key, { reference: e.currentTarget.value })}
              maxLength={64}
              error={d.reference.trim() === '' ? ' ' : undefined}
              data-testid="entry-tender-reference"
            />
          )}
          {tenders.length > 1 && (
            <ActionIcon variant="subtle" color="red" mt={6} aria-label={`${t('manual.entry.removeTender')} ${i + 1}`} onClick={() => onChange(tenders.filter((x) => x.key !== d.key))}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...tenders, newTender(methods.find((m) => !tenders.some((x) => x.method === m)) ?? methods[0]!)])}
          disabled={tenders.length >= 5}
          data-testid="entry-add-tender"
        >
          {t('manual.entry.addTender')}
        </Button>
      </Group>
    </Stack>
  );
}
