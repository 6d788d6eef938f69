import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../src-shared/domain/money';
import { call } from '../../../app/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { YuanInput } from '../../../components/YuanInput';
import type { BillLine } from '../billSelection';
import { periodText } from '../format';

/**
 * 减免 of one bill (RULES §6): an amount or a percentage with a reason. Above the approval limit
 * the ledger records a request; the desk then asks for the supervisor's approval right away
 * (collection.approveWaiver opens the on-the-spot approval dialog), or leaves it pending.
 */
export function WaiveLineDialog({
  line,
  itemName,
  onClose,
  onDone,
}: {
  line: BillLine;
  itemName: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'amount' | 'percent'>('amount');
  const [amountFen, setAmountFen] = useState<number | null>(null);
  const [percent, setPercent] = useState('');
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = `${itemName} ${periodText(line.periodStart, line.periodEnd)}`;

  const submit = async () => {
    if (pending) return;
    setPending(true);
    const amount = by === 'amount' ? { amountFen: amountFen ?? 0 } : { percent: percent.trim() };
    const r = await call('collection.waive', { lineId: line.lineId, ...amount, reason: reason.trim() });
    if (!r.ok) {
      setPending(false);
      return setError(r.error.message);
    }
    let status = r.value.status;
    if (status === 'requested') {
      const approved = await call('collection.approveWaiver', { waiverId: r.value.waiverId, approve: true });
      if (approved.ok) status = approved.value.status === 'live' ? 'live' : status;
    }
    setPending(false);
    onDone(t(status === 'live' ? 'desk.dialogs.waive.live' : 'desk.dialogs.waive.requested', { amount: formatYuan(r.value.amountFen) }));
  };

  return (
    <Modal opened onClose={onClose} title={t('desk.dialogs.waive.title', { line: label })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm" data-testid="desk-waive-dialog">
          <Text size="sm">{t('desk.dialogs.waive.outstanding', { amount: formatYuan(line.outstandingFen) })}</Text>
          <SegmentedControl
            value={by}
            onChange={(v) => setBy(v as 'amount' | 'percent')}
            data={[
              { value: 'amount', label: t('desk.dialogs.waive.byAmount') },
              { value: 'percent', label: t('desk.dialogs.waive.byPercent') },
            ]}
          />
          {by === 'amount' ? (
            <YuanInput label={t('desk.dialogs.waive.amount')} valueFen={amountFen} onChangeFen={setAmountFen} data-autofocus w={220} data-testid="desk-waive-amount" />
          ) : (
            <TextInput
              label={t('desk.dialogs.waive.percent')}
              value={percent}
              onChange={(e) => setPercent(e.currentTarget.value)}
              inputMode="decimal"
              data-autofocus
              w={220}
              data-testid="desk-waive-percent"
            />
          )}
          <TextInput
            label={t('desk.dialogs.reason')}
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="desk-waive-line-reason"
          />
          <ErrorAlert message={error} testId="desk-waive-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('desk.dialogs.cancel')}
            </Button>
            <Button type="submit" loading={pending} data-testid="desk-waive-submit">
              {t('desk.dialogs.waive.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
