import { Badge, Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session';
import { MyShift } from './MyShift';
import { PendingShifts } from './PendingShifts';
import { ShiftHistory } from './ShiftHistory';

type Tab = 'mine' | 'pending' | 'history';

/**
 * 日结: a cashier's own shift (shift.own), the counted shifts awaiting a supervisor
 * (shift.confirm), and the shift records (everyone's with shift.read, else one's own).
 */
export function DayClosePage() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const can = (p: string) => session.user.permissions.includes(p);
  const tabs: Tab[] = [...(can('shift.own') ? (['mine'] as const) : []), ...(can('shift.confirm') ? (['pending'] as const) : []), 'history'];
  const [tab, setTab] = useState<Tab>(tabs[0]!);
  const [pendingCount, setPendingCount] = useState<number | null>(null);

  return (
    <Stack data-testid="page-dayClose" gap="md">
      <Title order={1} size="h2">
        {t('dayClose.title')}
      </Title>
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)}>
        <Tabs.List mb="md">
          {tabs.map((id) => (
            <Tabs.Tab
              key={id}
              value={id}
              data-testid={`dayclose-tab-${id}`}
              rightSection={
                id === 'pending' && pendingCount ? (
                  <Badge size="sm" color="orange" circle>
                    {pendingCount}
                  </Badge>
                ) : undefined
              }
            >
              {t(`dayClose.tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.includes('mine') && (
          <Tabs.Panel value="mine">
            <MyShift />
          </Tabs.Panel>
        )}
        {tabs.includes('pending') && (
          <Tabs.Panel value="pending" keepMounted>
            <PendingShifts onCount={setPendingCount} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="history">{tab === 'history' && <ShiftHistory />}</Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
