import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../src-shared/api';
import { call } from '../../../app/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { YuanInput } from '../../../components/YuanInput';
import type { Account } from '../billSelection';

type FeeItem = CallOutput<'fees.listItems'>[number];

/** 一次性收费 (工本费 …): a charge added to the unit's bills, then collected like any other. */
export function OneOffChargeDialog({ account, onClose, onAdded }: { account: Account; onClose: () => void; onAdded: (lineId: number, amountFen: number) => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<FeeItem[] | null>(null);
  const [itemId, setItemId] = useState('');
  const [amountFen, setAmountFen] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('fees.listItems', {}).then((r) => {
      if (!r.ok) return setError(r.error.message);
      const oneOff = r.value.filter((i) => i.method === 'ONE_OFF' && i.active);
      setItems(oneOff);
      setItemId(oneOff[0] ? String(oneOff[0].id) : '');
    });
  }, []);

  const submit = async () => {
    if (pending || amountFen === null || itemId === '') return;
    setPending(true);
    const r = await call('collection.addOneOffCharge', { unitId: account.unit.id, feeItemId: Number(itemId), amountFen, note: note.trim() });
    setPending(false);
    if (!r.ok) return setError(r.error.message);
    onAdded(r.value.lineId, r.value.amountFen);
  };

  return (
    <Modal opened onClose={onClose} title={t('desk.dialogs.oneOff.title', { unit: account.unit.code })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm" data-testid="desk-oneoff-dialog">
          {items !== null && items.length === 0 && <Text c="orange.8">{t('desk.dialogs.oneOff.noItems')}</Text>}
          <NativeSelect
            label={t('desk.dialogs.feeItem')}
            value={itemId}
            onChange={(e) => setItemId(e.currentTarget.value)}
            data={(items ?? []).map((i) => ({ value: String(i.id), label: i.name }))}
            disabled={!items || items.length === 0}
            data-testid="desk-oneoff-item"
          />
          <YuanInput label={t('desk.dialogs.oneOff.amount')} valueFen={amountFen} onChangeFen={setAmountFen} data-autofocus w={220} data-testid="desk-oneoff-amount" />
          <TextInput
            label={t('desk.dialogs.oneOff.note')}
            placeholder={t('desk.dialogs.oneOff.notePlaceholder')}
            value={note}
            maxLength={200}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="desk-oneoff-note"
          />
          <ErrorAlert message={error} testId="desk-oneoff-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('desk.dialogs.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={amountFen === null || itemId === '' || note.trim() === ''} data-testid="desk-oneoff-submit">
              {t('desk.dialogs.oneOff.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
