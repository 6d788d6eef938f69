import { Stack, Tabs, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReceiptDrawer } from './ReceiptDrawer';
import { ReceiptSearch, type ReceiptSearchHandle } from './ReceiptSearch';
import { UnitHistory, type UnitHistoryHandle } from './UnitHistory';
import { useQueryOptions } from './useQueryOptions';

type Tab = 'receipts' | 'unit';

/** 查询: receipts by number, date, cashier, unit or method; a unit's payments and its statement. */
export function QueryPage() {
  const { t } = useTranslation();
  const options = useQueryOptions();
  const [tab, setTab] = useState<Tab>('receipts');
  const [openId, setOpenId] = useState<number | null>(null);
  const receipts = useRef<ReceiptSearchHandle>(null);
  const history = useRef<UnitHistoryHandle>(null);

  const show = (next: Tab) => {
    setTab(next);
    // The panel is mounted already (kept mounted), so focus can move at once.
    setTimeout(() => (next === 'receipts' ? receipts.current?.focusNumber() : history.current?.focusUnit()), 0);
  };

  // Also while typing in a field; not while a receipt is open over the page.
  useHotkeys(
    [
      ['F2', () => openId === null && show('receipts')],
      ['F3', () => openId === null && show('unit')],
    ],
    [],
  );

  const closeDetail = () => {
    setOpenId(null);
    // Back where the cashier was: the list they opened the receipt from.
    setTimeout(() => (tab === 'receipts' ? receipts.current?.focusResults() : undefined), 0);
  };

  return (
    <Stack data-testid="page-query" gap="md">
      <Title order={1} size="h2">
        {t('query.title')}
      </Title>
      {/* Hidden, not suspended: each tab keeps its search as it was, and nothing reloads on return. */}
      <Tabs value={tab} onChange={(v) => v && show(v as Tab)} keepMounted keepMountedMode="display-none">
        <Tabs.List mb="md">
          <Tabs.Tab value="receipts" data-testid="query-tab-receipts">
            {t('query.tabs.receipts')}
          </Tabs.Tab>
          <Tabs.Tab value="unit" data-testid="query-tab-unit">
            {t('query.tabs.unit')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="receipts">
          <ReceiptSearch ref={receipts} options={options} onOpen={(row) => setOpenId(row.receiptId)} />
        </Tabs.Panel>
        <Tabs.Panel value="unit">
          <UnitHistory ref={history} today={options.today} onOpen={(row) => setOpenId(row.receiptId)} />
        </Tabs.Panel>
      </Tabs>
      <ReceiptDrawer
        receiptId={openId}
        onClose={closeDetail}
        onChanged={() => void (tab === 'receipts' ? receipts.current?.refresh() : history.current?.refresh())}
      />
    </Stack>
  );
}
