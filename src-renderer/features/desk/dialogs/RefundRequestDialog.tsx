import { Button, Checkbox, Group, Modal, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../src-shared/domain/money';
import { call } from '../../../app/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { YuanInput } from '../../../components/YuanInput';
import type { Account } from '../billSelection';
import { periodText } from '../format';

type Payout = 'original' | 'cash' | 'prepaid';

/**
 * 退费申请 (RULES §6): what was paid on some bills of a payment, or money from a prepaid account.
 * The desk only requests; a supervisor approves and a cashier executes it later.
 */
export function RefundRequestDialog({ account, onClose, onDone }: { account: Account; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const payments = account.recentPayments.filter((p) => p.kind === 'collection' && p.status === 'posted');
  const prepaid = account.prepaid.filter((p) => p.balanceFen > 0);
  const [source, setSource] = useState<'payment' | 'prepaid'>(payments.length > 0 || prepaid.length === 0 ? 'payment' : 'prepaid');
  const [paymentId, setPaymentId] = useState(payments[0] ? String(payments[0].paymentId) : '');
  const [allocationIds, setAllocationIds] = useState<Set<number>>(new Set());
  const [payout, setPayout] = useState<Payout>('original');
  const [accountId, setAccountId] = useState(prepaid[0] ? String(prepaid[0].accountId) : '');
  const [amountFen, setAmountFen] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const items = account.history.filter((h) => h.status === 'live' && h.paymentId === Number(paymentId));

  const submit = async () => {
    if (pending) return;
    setPending(true);
    const chosen = prepaid.find((p) => String(p.accountId) === accountId);
    const r =
      source === 'payment'
        ? await call('accounts.requestRefund', { source: 'payment', paymentId: Number(paymentId), allocationIds: [...allocationIds], payout, reason: reason.trim() })
        : await call('accounts.requestRefund', {
            source: 'prepaid',
            unitId: account.unit.id,
            feeItemId: chosen?.feeItemId ?? null,
            amountFen: amountFen ?? 0,
            payout: 'cash',
            reason: reason.trim(),
          });
    setPending(false);
    if (!r.ok) return setError(r.error.message);
    onDone(t('desk.dialogs.refund.done', { amount: formatYuan(r.value.amountFen) }));
  };

  return (
    <Modal opened onClose={onClose} title={t('desk.dialogs.refund.title', { unit: account.unit.code })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm" data-testid="desk-refund-dialog">
          <SegmentedControl
            aria-label={t('desk.dialogs.refund.source')}
            value={source}
            onChange={(v) => setSource(v as 'payment' | 'prepaid')}
            data={[
              { value: 'payment', label: t('desk.dialogs.refund.fromPayment') },
              { value: 'prepaid', label: t('desk.dialogs.refund.fromPrepaid') },
            ]}
          />
          {source === 'payment' ? (
            payments.length === 0 ? (
              <Text c="dimmed">{t('desk.dialogs.refund.noPayments')}</Text>
            ) : (
              <>
                <NativeSelect
                  label={t('desk.dialogs.refund.payment')}
                  value={paymentId}
                  onChange={(e) => {
                    setPaymentId(e.currentTarget.value);
                    setAllocationIds(new Set());
                  }}
                  data={payments.map((p) => ({ value: String(p.paymentId), label: `${p.receiptNo} · ${p.businessDate} · ${p.payerName} · ${formatYuan(p.tenderedFen)}` }))}
                  data-testid="desk-refund-payment"
                />
                <Text size="sm" fw={500}>
                  {t('desk.dialogs.refund.items')}
                </Text>
                {items.length === 0 && <Text size="sm" c="dimmed">{t('desk.dialogs.refund.noItems')}</Text>}
                {items.map((h) => (
                  <Checkbox
                    key={h.allocationId}
                    label={`${h.feeItemName} ${periodText(h.periodStart, h.periodEnd)} · ${formatYuan(h.amountFen)}`}
                    checked={allocationIds.has(h.allocationId)}
                    onChange={() =>
                      setAllocationIds((s) => {
                        const next = new Set(s);
                        if (next.has(h.allocationId)) next.delete(h.allocationId);
                        else next.add(h.allocationId);
                        return next;
                      })
                    }
                    data-testid="desk-refund-item"
                  />
                ))}
                <NativeSelect
                  label={t('desk.dialogs.refund.payout')}
                  value={payout}
                  onChange={(e) => setPayout(e.currentTarget.value as Payout)}
                  data={(['original', 'cash', 'prepaid'] as const).map((p) => ({ value: p, label: t(`desk.dialogs.refund.payouts.${p}`) }))}
                />
              </>
            )
          ) : prepaid.length === 0 ? (
            <Text c="dimmed">{t('desk.dialogs.refund.noPrepaid')}</Text>
          ) : (
            <>
              <NativeSelect
                label={t('desk.dialogs.refund.prepaidAccount')}
                value={accountId}
                onChange={(e) => setAccountId(e.currentTarget.value)}
                data={prepaid.map((p) => ({ value: String(p.accountId), label: `${p.feeItemName} · ${formatYuan(p.balanceFen)}` }))}
              />
              <YuanInput label={t('desk.dialogs.refund.amount')} valueFen={amountFen} onChangeFen={setAmountFen} w={220} data-testid="desk-refund-amount" />
            </>
          )}
          <TextInput label={t('desk.dialogs.reason')} value={reason} maxLength={200} onChange={(e) => setReason(e.currentTarget.value)} data-testid="desk-refund-reason" />
          <ErrorAlert message={error} testId="desk-refund-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('desk.dialogs.cancel')}
            </Button>
            <Button
              type="submit"
              loading={pending}
              disabled={source === 'payment' ? allocationIds.size === 0 : amountFen === null}
              data-testid="desk-refund-submit"
            >
              {t('desk.dialogs.refund.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
