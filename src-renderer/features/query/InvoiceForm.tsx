import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';

/** Records the 发票 number issued against a receipt (RULES §6); a later entry replaces it, audited. */
export function InvoiceForm({
  receiptId,
  current,
  onSaved,
  onError,
}: {
  receiptId: number;
  current: string | null;
  onSaved: () => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(current ?? '');
  const [pending, setPending] = useState(false);
  const changed = text.trim() !== '' && text.trim() !== (current ?? '');

  const save = async () => {
    if (!changed || pending) return;
    setPending(true);
    const r = await call('collection.setInvoiceNo', { receiptId, invoiceNo: text.trim() });
    setPending(false);
    if (!r.ok) return onError(r.error.message);
    onSaved();
  };

  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        size="sm"
        label={t('query.invoice.label')}
        placeholder={t('query.invoice.hint')}
        value={text}
        maxLength={40}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
        style={{ flex: 1 }}
        data-testid="invoice-input"
      />
      <Button size="sm" variant="light" onClick={() => void save()} disabled={!changed} loading={pending} data-testid="invoice-save">
        {t('query.invoice.save')}
      </Button>
    </Group>
  );
}
