import { Alert, Divider, Drawer, Group, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArrearsRow, FollowUpView } from '../../../src-shared/api/calls/arrears';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { FollowUpForm } from './FollowUpForm';

/** One unit's 催缴跟进: who owes what, a form for today's contact, and the history below it. */
export function FollowUpDrawer({
  row,
  today,
  canRecord,
  onClose,
  onRecorded,
}: {
  row: ArrearsRow | null;
  today: string;
  canRecord: boolean;
  onClose: () => void;
  onRecorded: (f: FollowUpView) => void;
}) {
  const { t } = useTranslation();
  const [history, setHistory] = useState<FollowUpView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unitId = row?.unitId;

  const load = useCallback(async (id: number) => {
    const result = await call('arrears.followUps', { unitId: id });
    if (result.ok) {
      setHistory(result.value.followUps);
      setError(null);
    } else setError(result.error.message);
  }, []);

  useEffect(() => {
    setHistory(null);
    if (unitId !== undefined) void load(unitId);
  }, [unitId, load]);

  const saved = (f: FollowUpView) => {
    notifications.show({ color: 'teal', message: t('arrears.followUp.saved') });
    setHistory((h) => [f, ...(h ?? []).filter((x) => x.id !== f.id)]);
    onRecorded(f);
  };

  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position="right"
      size={440}
      title={<Title order={2} size="h4">{row ? t('arrears.followUp.title', { unit: row.unitCode }) : ''}</Title>}
      data-testid="followup-drawer"
    >
      {row && (
        <Stack gap="md">
          <Stack gap={2}>
            <Text size="sm">{t('arrears.followUp.owner', { name: row.ownerName ?? t('arrears.table.noOwner'), phone: row.phoneMasked ?? '—' })}</Text>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('arrears.followUp.outstanding')}
              </Text>
              <Money fen={row.outstandingFen} fw={700} />
            </Group>
          </Stack>
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} p="xs">
            <Text size="xs">{t('arrears.followUp.wording')}</Text>
          </Alert>
          {canRecord && <FollowUpForm key={row.unitId} unitId={row.unitId} today={today} onSaved={saved} />}
          <Divider label={t('arrears.followUp.history')} labelPosition="left" />
          <ErrorAlert message={error} />
          {history === null && !error && <Loader size="sm" />}
          {history?.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('arrears.followUp.noHistory')}
            </Text>
          )}
          {history && history.length > 0 && (
            <Timeline bulletSize={14} lineWidth={2} data-testid="followup-history">
              {history.map((f) => (
                <Timeline.Item
                  key={f.id}
                  title={t(`arrears.followUp.outcomes.${f.outcome}`)}
                  data-testid="followup-history-item"
                >
                  <Text size="xs" c="dimmed">
                    {t('arrears.followUp.historyLine', { date: f.contactDate, method: t(`arrears.followUp.methods.${f.method}`), who: f.createdByName })}
                  </Text>
                  {f.promisedDate && <Text size="sm">{t('arrears.followUp.promisedLine', { date: f.promisedDate })}</Text>}
                  {f.note && <Text size="sm">{f.note}</Text>}
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      {t('arrears.followUp.outstandingThen')}
                    </Text>
                    <Money fen={f.outstandingFen} size="xs" c="dimmed" />
                  </Group>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
