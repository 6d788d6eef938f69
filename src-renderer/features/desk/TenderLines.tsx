import { ActionIcon, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { YuanInput } from '../../components/YuanInput';
import { tendersFor, useDeskMode } from '../manual/deskMode';
import { effectiveAmounts, newTender, TENDER_METHODS, type TenderDraft, type TenderMethod } from './tenders';

/**
 * Tender lines (现金/微信/支付宝/银行卡/转账): method, amount, and the transaction or POS slip
 * reference every non-cash line needs. The `auto` line shows and takes whatever is left to pay.
 */
export function TenderLines({
  tenders,
  onChange,
  toPayFen,
  firstAmountRef,
  testIdPrefix = 'desk-tender',
}: {
  tenders: TenderDraft[];
  onChange: (next: TenderDraft[]) => void;
  toPayFen: number;
  firstAmountRef?: RefObject<HTMLInputElement | null>;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  const amounts = effectiveAmounts(tenders, toPayFen);
  // In 手工收费 mode only tenders that need no online confirmation are offered (RULES §7).
  const offered = tendersFor(useDeskMode(), TENDER_METHODS);
  const patch = (key: number, change: Partial<TenderDraft>) => onChange(tenders.map((x) => (x.key === key ? { ...x, ...change } : x)));

  const add = () => {
    const used = new Set(tenders.map((x) => x.method));
    const method: TenderMethod = (['wechat', 'alipay', 'card', 'transfer', 'cash'] as const).find((m) => offered.includes(m) && !used.has(m)) ?? offered[0]!;
    onChange([...tenders, newTender(method, tenders.length === 0)]);
  };

  return (
    <Stack gap={6}>
      {tenders.map((tender, i) => (
        <Group key={tender.key} gap={6} wrap="nowrap" align="flex-start" data-testid={`${testIdPrefix}-line`}>
          <NativeSelect
            size="sm"
            w={92}
            aria-label={t('desk.collect.method')}
            value={tender.method}
            onChange={(e) => patch(tender.key, { method: e.currentTarget.value as TenderMethod })}
            data={TENDER_METHODS.filter((m) => offered.includes(m) || m === tender.method).map((m) => ({ value: m, label: t(`desk.collect.methods.${m}`) }))}
            data-testid={`${testIdPrefix}-method`}
          />
          <YuanInput
            size="sm"
            w={128}
            aria-label={tender.auto ? `${t('desk.collect.amount')}（${t('desk.collect.auto')}）` : t('desk.collect.amount')}
            valueFen={tender.auto ? amounts[i]! : tender.amountFen}
            onChangeFen={(fen) => patch(tender.key, { amountFen: fen, auto: false })}
            ref={i === 0 ? firstAmountRef : undefined}
            data-testid={`${testIdPrefix}-amount`}
          />
          {tender.method !== 'cash' ? (
            <TextInput
              size="sm"
              style={{ flex: 1 }}
              miw={0}
              aria-label={t('desk.collect.reference')}
              placeholder={t('desk.collect.referencePlaceholder')}
              value={tender.reference}
              maxLength={64}
              onChange={(e) => patch(tender.key, { reference: e.currentTarget.value })}
              data-testid={`${testIdPrefix}-reference`}
            />
          ) : (
            <div style={{ flex: 1 }} />
          )}
          {tenders.length > 1 && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size={36}
              aria-label={t('desk.collect.removeTender')}
              onClick={() => onChange(tenders.filter((x) => x.key !== tender.key))}
              data-testid={`${testIdPrefix}-remove`}
            >
              <IconX size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={add}
          disabled={tenders.length >= 5}
          data-testid={`${testIdPrefix}-add`}
        >
          {t('desk.collect.addTender')}
        </Button>
      </Group>
    </Stack>
  );
}
