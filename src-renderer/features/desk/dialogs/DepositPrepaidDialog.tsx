import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectResult } from '../../../../src-shared/api/calls/collection';
import { formatYuan } from '../../../../src-shared/domain/money';
import { call } from '../../../app/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Money } from '../../../components/Money';
import { YuanInput } from '../../../components/YuanInput';
import type { Account } from '../billSelection';
import { newRequestKey } from '../format';
import { TenderLines } from '../TenderLines';
import { newTender, tenderSums, tendersToSend, type TenderDraft } from '../tenders';

/**
 * 预存: money into the unit's general or earmarked prepaid account, with its own receipt
 * (accounts.depositPrepaid). One request key per opening of the dialog, like the payment form.
 */
export function DepositPrepaidDialog({
  account,
  defaultPayer,
  onClose,
  onDeposited,
}: {
  account: Account;
  defaultPayer: string;
  onClose: () => void;
  onDeposited: (result: CollectResult, warning: string | null) => void;
}) {
  const { t } = useTranslation();
  const [requestKey] = useState(newRequestKey);
  const [target, setTarget] = useState('general');
  const [amountFen, setAmountFen] = useState<number | null>(null);
  const [tenders, setTenders] = useState<TenderDraft[]>(() => [newTender('cash', true)]);
  const [cashGivenFen, setCashGivenFen] = useState<number | null>(null);
  const [payer, setPayer] = useState(defaultPayer);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Earmarked accounts: items the unit is billed for or already holds money for.
  const items = new Map<number, string>();
  for (const g of account.groups) items.set(g.feeItemId, g.feeItemName);
  for (const p of account.prepaid) if (p.feeItemId !== null) items.set(p.feeItemId, p.feeItemName);
  const toPay = amountFen ?? 0;
  const sums = tenderSums(tenders, toPay, cashGivenFen);

  const submit = async () => {
    if (pending) return;
    const send = tendersToSend(tenders, toPay);
    if (toPay <= 0 || send.length === 0) return setError(t('desk.collect.errors.noTender'));
    if (sums.differenceFen !== 0) return setError(t('desk.collect.errors.mismatch', { total: formatYuan(sums.totalFen), amount: formatYuan(toPay) }));
    setPending(true);
    const r = await call('accounts.depositPrepaid', {
      idempotencyKey: requestKey,
      unitId: account.unit.id,
      payerName: payer.trim(),
      tenders: send,
      ...(sums.cashFen > 0 && cashGivenFen !== null ? { cashGivenFen } : {}),
      feeItemId: target === 'general' ? null : Number(target),
    });
    setPending(false);
    if (!r.ok) return setError(r.error.message);
    onDeposited(r.value, r.value.warning);
  };

  return (
    <Modal opened onClose={onClose} title={t('desk.dialogs.deposit.title', { unit: account.unit.code })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm" data-testid="desk-deposit-dialog">
          <NativeSelect
            label={t('desk.dialogs.deposit.account')}
            value={target}
            onChange={(e) => setTarget(e.currentTarget.value)}
            data={[{ value: 'general', label: t('desk.dialogs.general') }, ...[...items].map(([id, name]) => ({ value: String(id), label: name }))]}
            data-testid="desk-deposit-account"
          />
          <YuanInput label={t('desk.collect.amount')} valueFen={amountFen} onChangeFen={setAmountFen} data-autofocus w={220} data-testid="desk-deposit-amount" />
          <TenderLines tenders={tenders} onChange={setTenders} toPayFen={toPay} testIdPrefix="desk-deposit-tender" />
          <Group align="flex-end">
            <YuanInput label={t('desk.collect.cashGiven')} valueFen={cashGivenFen} onChangeFen={setCashGivenFen} disabled={sums.cashFen === 0} w={220} data-testid="desk-deposit-cash-given" />
            <Stack gap={0}>
              <Text size="sm" c="dimmed">
                {t('desk.collect.change')}
              </Text>
              <Money fen={Math.max(0, sums.changeFen ?? 0)} size="xl" fw={700} />
            </Stack>
          </Group>
          <TextInput label={t('desk.collect.payer')} value={payer} onChange={(e) => setPayer(e.currentTarget.value)} maxLength={50} data-testid="desk-deposit-payer" />
          <ErrorAlert message={error} testId="desk-deposit-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('desk.dialogs.cancel')}
            </Button>
            <Button type="submit" loading={pending} data-testid="desk-deposit-submit">
              {t('desk.dialogs.deposit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
