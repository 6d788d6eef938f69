import { Alert, Button, Group, Modal, NativeSelect, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput, CallOutput } from '../../../../src-shared/api';
import { call } from '../../../app/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Money } from '../../../components/Money';
import type { Account } from '../billSelection';
import { periodText } from '../format';
import type { UnitDetail } from '../useUnitAccount';

type FeeItem = CallOutput<'fees.listItems'>[number];
type Plan = CallOutput<'billing.prepayQuote'>;

/**
 * 预交: bills future periods of one fee item for this unit now (billing.prepayAhead), with the
 * discount rule that applies (优惠, its own amount per line), then selects them for payment.
 */
export function PrepayAheadDialog({
  account,
  detail,
  onClose,
  onBilled,
}: {
  account: Account;
  detail: UnitDetail | null;
  onClose: () => void;
  onBilled: (lineIds: number[]) => void;
}) {
  const { t } = useTranslation();
  const [items, setItems] = useState<FeeItem[] | null>(null);
  const [itemId, setItemId] = useState('');
  const [spaceId, setSpaceId] = useState(detail?.parking[0] ? String(detail.parking[0].id) : '');
  const [months, setMonths] = useState<number>(12);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('fees.listItems', {}).then((r) => {
      if (!r.ok) return setError(r.error.message);
      // Periodic items charged to the unit itself, or to a parking space it has.
      const ok = r.value.filter(
        (i) => i.active && (i.method === 'AREA' || i.method === 'FIXED') && (i.object === 'unit' || (i.object === 'parking' && (detail?.parking.length ?? 0) > 0)),
      );
      const billed = new Set(account.groups.map((g) => g.feeItemId));
      ok.sort((a, b) => Number(billed.has(b.id)) - Number(billed.has(a.id)));
      setItems(ok);
      setItemId(ok[0] ? String(ok[0].id) : '');
    });
  }, [account, detail]);

  const item = items?.find((i) => String(i.id) === itemId);
  const input = (): CallInput<'billing.prepayQuote'> => ({
    unitId: account.unit.id,
    feeItemId: Number(itemId),
    months,
    ...(item?.object === 'parking' && spaceId ? { parkingSpaceId: Number(spaceId) } : {}),
  });

  const run = async (commit: boolean) => {
    if (pending || !item) return;
    setPending(true);
    const r = await call(commit ? 'billing.prepayAhead' : 'billing.prepayQuote', input());
    setPending(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    if (commit) onBilled(r.value.lines.flatMap((l) => (l.lineId === null ? [] : [l.lineId])));
    else setPlan(r.value);
  };

  return (
    <Modal opened onClose={onClose} title={t('desk.dialogs.prepay.title', { unit: account.unit.code })} size="lg">
      <Stack gap="sm" data-testid="desk-prepay-dialog">
        {items !== null && items.length === 0 && <Text c="orange.8">{t('desk.dialogs.prepay.noItems')}</Text>}
        <Group grow align="flex-end">
          <NativeSelect
            label={t('desk.dialogs.feeItem')}
            value={itemId}
            onChange={(e) => {
              setItemId(e.currentTarget.value);
              setPlan(null);
            }}
            data={(items ?? []).map((i) => ({ value: String(i.id), label: i.name }))}
            data-testid="desk-prepay-item"
          />
          {item?.object === 'parking' && (
            <NativeSelect
              label={t('desk.unit.parking')}
              value={spaceId}
              onChange={(e) => setSpaceId(e.currentTarget.value)}
              data={(detail?.parking ?? []).map((s) => ({ value: String(s.id), label: s.code }))}
            />
          )}
          <NumberInput
            label={t('desk.dialogs.prepay.months')}
            value={months}
            onChange={(v) => {
              setMonths(typeof v === 'number' ? v : Number(v) || 1);
              setPlan(null);
            }}
            min={1}
            max={60}
            allowDecimal={false}
            data-testid="desk-prepay-months"
          />
          <Button variant="default" onClick={() => void run(false)} loading={pending && !plan} disabled={!item} data-testid="desk-prepay-quote">
            {t('desk.dialogs.prepay.quote')}
          </Button>
        </Group>
        {plan && <PlanView plan={plan} />}
        <ErrorAlert message={error} testId="desk-prepay-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('desk.dialogs.cancel')}
          </Button>
          <Button onClick={() => void run(true)} loading={pending && !!plan} disabled={!plan || plan.lines.length === 0} data-testid="desk-prepay-submit">
            {t('desk.dialogs.prepay.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="sm">
        {t('desk.dialogs.prepay.lines', { count: plan.lines.length })} ·{' '}
        {plan.discountRule ? t('desk.dialogs.prepay.rule', { name: plan.discountRule.name }) : (plan.discountNote ?? t('desk.dialogs.prepay.noRule'))}
      </Text>
      <Table withTableBorder verticalSpacing={2} fz="sm">
        <Table.Tbody>
          {plan.lines.slice(0, 6).map((l) => (
            <Table.Tr key={l.periodStart}>
              <Table.Td>{periodText(l.periodStart, l.periodEnd)}</Table.Td>
              <Table.Td ta="right">
                <Money fen={l.amountFen} size="sm" />
              </Table.Td>
              <Table.Td ta="right">{l.discountFen > 0 && <Money fen={-l.discountFen} size="sm" c="teal.8" />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" gap="lg">
        <Text size="sm">
          {t('desk.dialogs.prepay.total')} <Money fen={plan.totalFen} size="sm" />
        </Text>
        <Text size="sm">
          {t('desk.dialogs.prepay.discountTotal')} <Money fen={-plan.discountFen} size="sm" c="teal.8" />
        </Text>
        <Text size="sm" fw={700}>
          {t('desk.dialogs.prepay.payable')} <Money fen={plan.payableFen} fw={700} />
        </Text>
      </Group>
      {plan.warning && (
        <Alert color="orange" p="xs">
          {plan.warning}
        </Alert>
      )}
    </Stack>
  );
}
