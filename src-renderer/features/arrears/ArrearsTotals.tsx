import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGING_BUCKET_KEYS } from '../../../src-shared/domain/aging';
import { Money } from '../../components/Money';
import type { ArrearsPageData } from './useArrearsList';

/**
 * The totals row of the whole result (every page, not just this one), from the same answer as
 * the rows: units, outstanding and each aging bucket. It wraps rather than widening the page.
 */
export function ArrearsTotals({ total }: { total: ArrearsPageData['total'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder px="md" py="xs" bg="blue.0" data-testid="arrears-totals">
      <Group gap="lg" wrap="wrap" align="flex-end">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('arrears.totals.label')}
          </Text>
          <Text fw={700} data-testid="arrears-total-units" data-units={total.units}>
            {t('arrears.totals.units', { count: total.units })}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('arrears.totals.outstanding')}
          </Text>
          <Money fen={total.outstandingFen} fw={700} data-testid="arrears-total-outstanding" />
        </Stack>
        {AGING_BUCKET_KEYS.map((k) => (
          <Stack gap={0} key={k}>
            <Text size="xs" c={k === 'over3y' && total.buckets[k] > 0 ? 'red.7' : 'dimmed'}>
              {t(`arrears.buckets.${k}`)}
            </Text>
            <Money fen={total.buckets[k]} size="sm" c={total.buckets[k] === 0 ? 'dimmed' : undefined} data-testid={`arrears-total-bucket-${k}`} />
          </Stack>
        ))}
      </Group>
    </Paper>
  );
}
