import { Loader, Stack, Tabs, Title } from '@mantine/core';
import { IconChecklist, IconFilePlus, IconNotebook } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useSignedIn } from '../../app/session';
import { useDeskMode } from './deskMode';
import { ManualBooks } from './ManualBooks';
import { ManualEntryForm } from './ManualEntryForm';
import { ReviewList } from './ReviewList';
import { StatusCard } from './StatusCard';
import { useManualBooks } from './useManualBooks';

/** The cashier's open shift (補录 lands in it) and the desk's business date. */
function useShiftDay() {
  const [day, setDay] = useState<{ open: boolean; today: string } | null>(null);
  const load = useCallback(async () => {
    const r = await call('shifts.current', {});
    const shift = r.ok ? r.value.shift : null;
    setDay({ open: shift?.status === 'open', today: shift?.businessDate ?? '' });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return day;
}

/**
 * 手工收费 (RULES §7): the status light and the switch to fallback, then by permission the 补录 of
 * paper receipts, the receipt books, and the supervisor's review of flagged payments.
 */
export function ManualPage() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const can = (p: string) => session.user.permissions.includes(p);
  const mode = useDeskMode();
  const books = useManualBooks();
  const canEnter = can('manual.entry');
  const canManage = can('manualbook.manage');
  const day = useShiftDay();
  const tabs = [canEnter && 'entry', 'books', canManage && 'review'].filter((x): x is 'entry' | 'books' | 'review' => Boolean(x));
  const [tab, setTab] = useState<string | null>(tabs[0] ?? 'books');

  return (
    <Stack gap="md" data-testid="page-manual">
      <Title order={1} size="h2">
        {t('manual.title')}
      </Title>
      {mode ? <StatusCard state={mode} canSwitch={can('fallback.switch')} /> : <Loader size="sm" />}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {canEnter && (
            <Tabs.Tab value="entry" leftSection={<IconFilePlus size={16} />} data-testid="manual-tab-entry">
              {t('manual.tabs.entry')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="books" leftSection={<IconNotebook size={16} />} data-testid="manual-tab-books">
            {t('manual.tabs.books')}
          </Tabs.Tab>
          {canManage && (
            <Tabs.Tab value="review" leftSection={<IconChecklist size={16} />} data-testid="manual-tab-review">
              {t('manual.tabs.review')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        {canEnter && (
          <Tabs.Panel value="entry" pt="md">
            {day ? (
              <ManualEntryForm
                books={books.books.filter((b) => b.cashierId === session.user.id)}
                today={day.today}
                shiftOpen={day.open}
                onEntered={() => void books.reload()}
              />
            ) : (
              <Loader size="sm" />
            )}
          </Tabs.Panel>
        )}
        <Tabs.Panel value="books" pt="md">
          <ManualBooks books={books.books} canManage={canManage} error={books.error} onChanged={() => void books.reload()} />
        </Tabs.Panel>
        {canManage && (
          <Tabs.Panel value="review" pt="md">
            <ReviewList userId={session.user.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
