import { Alert, Button, Checkbox, Divider, Group, Kbd, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../src-shared/domain/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { YuanInput } from '../../components/YuanInput';
import type { SelectionTotals } from './billSelection';
import { TenderLines } from './TenderLines';
import type { CollectForm } from './useCollectForm';

function Row({ label, children, strong }: { label: ReactNode; children: ReactNode; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 600 : 400} c={strong ? undefined : 'dimmed'}>
        {label}
      </Text>
      {children}
    </Group>
  );
}

/**
 * The payment: what is due (bills + today's late fees, less a waiver or the prepaid offset), the
 * tender lines, cash handed over and the change. Enter in any field, F8 or Ctrl+Enter collects.
 */
export function CollectPanel({
  form,
  totals,
  canWaive,
  cashGivenRef,
  firstAmountRef,
}: {
  form: CollectForm;
  totals: SelectionTotals;
  canWaive: boolean;
  cashGivenRef: RefObject<HTMLInputElement | null>;
  firstAmountRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const { sums } = form;
  const hasCash = sums.cashFen > 0 || form.tenders.some((x) => x.method === 'cash');

  return (
    <Paper withBorder p="md" component="section" aria-label={t('desk.collect.title')} data-testid="desk-collect">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit();
        }}
      >
        <Stack gap={8}>
          <Row label={t('desk.collect.principal')}>
            <Money fen={totals.principalFen} data-testid="desk-principal" />
          </Row>
          {totals.lateFeeFen > 0 && (
            <Row label={t('desk.collect.lateFee')}>
              <Money fen={totals.lateFeeFen} c={form.waive ? 'dimmed' : 'orange.8'} td={form.waive ? 'line-through' : undefined} data-testid="desk-late-fee" />
            </Row>
          )}
          {totals.lateFeeFen > 0 && canWaive && (
            <Stack gap={4}>
              <Checkbox label={t('desk.collect.waive')} checked={form.waive} onChange={(e) => form.setWaive(e.currentTarget.checked)} data-testid="desk-waive" />
              {form.waive && (
                <TextInput
                  size="sm"
                  aria-label={t('desk.collect.waiveReason')}
                  placeholder={t('desk.collect.waiveReasonPlaceholder')}
                  description={t('desk.collect.waiveHint')}
                  value={form.waiveReason}
                  maxLength={200}
                  onChange={(e) => form.setWaiveReason(e.currentTarget.value)}
                  data-testid="desk-waive-reason"
                />
              )}
            </Stack>
          )}
          {form.hasPrepaid && form.quote && (
            <PrepaidChoice form={form} />
          )}
          <Divider />
          <Row label={form.prepaidUsedFen > 0 ? t('desk.collect.toPay') : t('desk.collect.due')} strong>
            <Money fen={form.toPayFen} size="xl" fw={700} data-testid="desk-due" />
          </Row>

          <Text size="sm" fw={500}>
            {t('desk.collect.tenders')}
          </Text>
          <TenderLines tenders={form.tenders} onChange={form.setTenders} toPayFen={form.toPayFen} firstAmountRef={firstAmountRef} />

          <Group align="flex-end" wrap="nowrap" gap="md">
            <YuanInput
              label={t('desk.collect.cashGiven')}
              valueFen={form.cashGivenFen}
              onChangeFen={form.setCashGivenFen}
              disabled={!hasCash}
              ref={cashGivenRef}
              w={190}
              data-testid="desk-cash-given"
            />
            <Stack gap={0} align="flex-end" style={{ flex: 1 }}>
              <Text size="sm" c="dimmed">
                {t('desk.collect.change')}
              </Text>
              <Money
                fen={Math.max(0, sums.changeFen ?? 0)}
                size="28px"
                fw={700}
                c={sums.changeFen !== null && sums.changeFen > 0 ? 'teal.8' : 'dimmed'}
                data-testid="desk-change"
              />
            </Stack>
          </Group>

          {sums.differenceFen > 0 && !form.usePrepaid && (
            <Checkbox
              label={t('desk.collect.overpay', { amount: formatYuan(sums.differenceFen) })}
              checked={form.overpay}
              onChange={(e) => form.setOverpay(e.currentTarget.checked)}
              data-testid="desk-overpay"
            />
          )}
          {sums.differenceFen < 0 && sums.totalFen > 0 && (
            <Text size="sm" c="orange.8" data-testid="desk-underpay">
              {t('desk.collect.under', { amount: formatYuan(-sums.differenceFen) })}
            </Text>
          )}

          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('desk.collect.payer')}
            </Text>
            <TextInput
              size="sm"
              style={{ flex: 1 }}
              aria-label={t('desk.collect.payer')}
              value={form.payerName}
              maxLength={50}
              onChange={(e) => form.setPayer(e.currentTarget.value)}
              data-testid="desk-payer"
            />
          </Group>
          <ErrorAlert message={form.error} testId="desk-collect-error" />
          <Button
            type="submit"
            size="md"
            fullWidth
            loading={form.pending}
            disabled={totals.count === 0}
            rightSection={<Kbd size="xs">{t('desk.collect.confirmKeys')}</Kbd>}
            data-testid="desk-collect-submit"
          >
            {t('desk.collect.confirm')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function PrepaidChoice({ form }: { form: CollectForm }) {
  const { t } = useTranslation();
  const quote = form.quote!;
  if (quote.prepaidUsableFen === 0) {
    return (
      <Text size="xs" c="dimmed" data-testid="desk-prepaid-none">
        {t('desk.collect.prepaidNone', { amount: formatYuan(quote.prepaidBalanceFen) })}
      </Text>
    );
  }
  if (form.prepaidCoversAll) {
    return (
      <Alert color="gray" variant="light" p="xs" data-testid="desk-prepaid-all">
        <Text size="xs">{t('desk.collect.prepaidAll')}</Text>
      </Alert>
    );
  }
  return (
    <Checkbox
      label={t('desk.collect.usePrepaid', { amount: formatYuan(quote.prepaidUsableFen) })}
      checked={form.usePrepaid}
      onChange={(e) => form.setUsePrepaid(e.currentTarget.checked)}
      data-testid="desk-use-prepaid"
    />
  );
}
