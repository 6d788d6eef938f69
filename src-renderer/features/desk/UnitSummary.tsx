import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import type { Account } from './billSelection';
import { areaText, maskPhone } from './format';
import type { UnitDetail } from './useUnitAccount';

export type UnitAction = 'deposit' | 'oneOff' | 'prepay' | 'waive' | 'refund' | 'recent';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group gap={6} wrap="nowrap" miw={0} data-testid={testId}>
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
      {children}
    </Group>
  );
}

/**
 * Who the cashier is serving: the unit, its people (phones masked), area, parking, money held
 * for it, and the unit's small actions. Actions the user may not take are not shown.
 */
export function UnitSummary({
  account,
  detail,
  can,
  onAction,
}: {
  account: Account;
  detail: UnitDetail | null;
  can: (action: UnitAction) => boolean;
  onAction: (action: UnitAction) => void;
}) {
  const { t } = useTranslation();
  const people = detail?.occupants.filter((o) => o.role !== 'payer') ?? [];
  const area = areaText(detail?.buildingArea ?? null);
  const inner = areaText(detail?.innerArea ?? null);
  const actions = ['deposit', 'oneOff', 'prepay', 'waive', 'refund'] as const;

  return (
    <Paper withBorder px="md" py="sm" data-testid="desk-unit">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Text fw={700} size="xl" ff="monospace" style={{ whiteSpace: 'nowrap', flexShrink: 0 }} data-testid="desk-unit-code">
              {account.unit.code}
            </Text>
            <Text c="dimmed" size="sm" truncate="end">
              {account.unit.communityName}
              {detail ? ` · ${detail.buildingName} · ${t(`desk.unit.use.${detail.use}`)}` : ''}
            </Text>
            {detail && (
              <Badge variant="light" color={detail.status === 'occupied' ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
                {t(`desk.unit.status.${detail.status}`)}
              </Badge>
            )}
          </Group>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            {actions.filter(can).map((action) => (
              <Button key={action} size="compact-sm" variant="default" onClick={() => onAction(action)} data-testid={`desk-action-${action}`}>
                {t(`desk.actions.${action}`)}
                {action === 'deposit' ? ' F6' : action === 'oneOff' ? ' F7' : ''}
              </Button>
            ))}
            <Button size="compact-sm" variant="subtle" onClick={() => onAction('recent')} data-testid="desk-action-recent">
              {t('desk.unit.recent')}
            </Button>
          </Group>
        </Group>

        <Group gap="lg" wrap="wrap" style={{ rowGap: 4 }}>
          {people.length === 0 && <Text size="sm">{t('desk.unit.noOccupant')}</Text>}
          {people.map((p) => (
            <Field key={p.linkId} label={t(`desk.unit.${p.role === 'owner' ? 'owner' : 'tenant'}`)} testId={`desk-unit-${p.role}`}>
              <Text size="sm" fw={600}>
                {p.name}
              </Text>
              <Text size="sm" ff="monospace">
                {maskPhone(p.phone)}
              </Text>
            </Field>
          ))}
          {area && (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="desk-unit-area">
              {t('desk.unit.area', { area })}
              {inner ? ` · ${t('desk.unit.innerArea', { area: inner })}` : ''}
            </Text>
          )}
          <Field label={t('desk.unit.parking')} testId="desk-unit-parking">
            <Text size="sm">
              {detail && detail.parking.length > 0
                ? detail.parking.map((s) => `${s.code}（${t(`desk.unit.parkingType.${s.type}`)}）${s.plates.join(' ')}`).join('，')
                : t('desk.unit.noParking')}
            </Text>
          </Field>
          <Field label={t('desk.unit.prepaid')} testId="desk-unit-prepaid">
            {account.prepaid.filter((p) => p.balanceFen !== 0).length === 0 ? (
              <Text size="sm">{t('desk.unit.noPrepaid')}</Text>
            ) : (
              account.prepaid
                .filter((p) => p.balanceFen !== 0)
                .map((p) => (
                  <Group key={p.accountId} gap={4} wrap="nowrap">
                    <Text size="sm">{p.feeItemName}</Text>
                    <Money fen={p.balanceFen} size="sm" fw={600} />
                  </Group>
                ))
            )}
          </Field>
          <Field label={t('desk.unit.deposits')} testId="desk-unit-deposits">
            {account.deposits.length === 0 ? (
              <Text size="sm">{t('desk.unit.noDeposits')}</Text>
            ) : (
              account.deposits.map((d) => (
                <Group key={d.depositId} gap={4} wrap="nowrap">
                  <Text size="sm">{d.kind}</Text>
                  <Money fen={d.amountFen} size="sm" />
                </Group>
              ))
            )}
          </Field>
          {account.pendingWaivers.length > 0 && (
            <Badge color="orange" variant="light">
              {t('desk.unit.pendingWaivers', { count: account.pendingWaivers.length })}
            </Badge>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
