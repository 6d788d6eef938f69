import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconNotebook } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Draft {
  code: string;
  prefix: string;
  rangeStart: number | '';
  rangeEnd: number | '';
  cashierId: string | null;
}

const EMPTY: Draft = { code: '', prefix: 'SG', rangeStart: 1, rangeEnd: 50, cashierId: null };

/** 登记: the supervisor hands a paper receipt book (code, number range) to one cashier. */
export function RegisterBookForm({ onRegistered }: { onRegistered: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [holders, setHolders] = useState<Array<{ value: string; label: string }>>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    void call('shifts.bookHolders', {}).then((r) => {
      if (r.ok) setHolders(r.value.users.map((u) => ({ value: String(u.id), label: `${u.name}（${u.username}）` })));
      else setError(r.error.message);
    });
  }, []);

  const ready = draft.code.trim() !== '' && draft.prefix.trim() !== '' && draft.rangeStart !== '' && draft.rangeEnd !== '' && draft.cashierId !== null;

  const register = async () => {
    if (pending || !ready) return;
    setPending(true);
    const result = await call('shifts.registerManualBook', {
      code: draft.code,
      prefix: draft.prefix,
      rangeStart: Number(draft.rangeStart),
      rangeEnd: Number(draft.rangeEnd),
      cashierId: Number(draft.cashierId),
    });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    notifications.show({ color: 'teal', message: t('manual.books.registered', { code: result.value.code }) });
    setDraft({ ...EMPTY, prefix: draft.prefix });
    onRegistered();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void register();
      }}
      data-testid="book-register-form"
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label={t('manual.books.code')}
          placeholder={t('manual.books.codeHint')}
          w={140}
          value={draft.code}
          onChange={(e) => set({ code: e.currentTarget.value.toUpperCase() })}
          maxLength={20}
          required
          data-testid="book-code"
        />
        <TextInput
          label={t('manual.books.prefix')}
          title={t('manual.books.prefixHint')}
          w={90}
          value={draft.prefix}
          onChange={(e) => set({ prefix: e.currentTarget.value.toUpperCase() })}
          maxLength={4}
          required
          data-testid="book-prefix"
        />
        <NumberInput
          size="md"
          label={t('manual.books.rangeStart')}
          w={100}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          value={draft.rangeStart}
          onChange={(v) => set({ rangeStart: typeof v === 'number' ? v : '' })}
          required
          data-testid="book-range-start"
        />
        <NumberInput
          size="md"
          label={t('manual.books.rangeEnd')}
          w={100}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          value={draft.rangeEnd}
          onChange={(v) => set({ rangeEnd: typeof v === 'number' ? v : '' })}
          required
          data-testid="book-range-end"
        />
        <Select
          size="md"
          label={t('manual.books.cashier')}
          w={190}
          data={holders}
          value={draft.cashierId}
          onChange={(v) => set({ cashierId: v })}
          searchable
          required
          data-testid="book-cashier"
        />
        <Button type="submit" leftSection={<IconNotebook size={16} />} loading={pending} disabled={!ready} data-testid="book-register">
          {t('manual.books.register')}
        </Button>
      </Group>
      <ErrorAlert message={error} testId="book-register-error" />
    </form>
  );
}
