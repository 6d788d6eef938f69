import { Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../src-shared/domain/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { inDialog } from './format';
import { ReceiptView } from './ReceiptView';
import { ShiftGate, useOpenShift } from './ShiftGate';
import type { Posted } from './useCollectForm';
import { UnitSearch } from './UnitSearch';
import type { SearchHit } from './useUnitSearch';
import { UnitWorkspace } from './UnitWorkspace';

type Phase = { kind: 'desk'; hit: SearchHit | null } | { kind: 'receipt'; posted: Posted; unitId: number };

/**
 * 收费台: find the unit (F2), pick its bills, collect, print, next. Each owner in the queue starts
 * a fresh workspace — a new payment form with its own request key.
 */
export function DeskPage() {
  const { t } = useTranslation();
  const { shift, setShift, error } = useOpenShift();
  const [phase, setPhase] = useState<Phase>({ kind: 'desk', hit: null });
  // Each opening of a unit is a new form, even for the same unit twice in a row.
  const [visit, setVisit] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);

  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  const next = () => {
    setPhase({ kind: 'desk', hit: null });
    // The search box mounts again with the desk; autoFocus puts the cursor there.
  };
  useHotkeys(
    [
      ['F2', (e) => !inDialog(e) && (phase.kind === 'receipt' ? next() : focusSearch())],
      ['Escape', (e) => !inDialog(e) && phase.kind === 'desk' && focusSearch()],
    ],
    [],
  );

  // The search box sits in the title row: every pixel of height goes to the bills and the payment.
  const root = (children: React.ReactNode, search?: React.ReactNode) => (
    <Stack gap="sm" data-testid="page-desk" h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-lg))" style={{ minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Title order={1} size="h3" style={{ whiteSpace: 'nowrap' }}>
          {t('desk.title')}
        </Title>
        <div style={{ flex: 1, minWidth: 0 }}>{search}</div>
        {shift && (
          <Badge variant="light" color="teal" size="lg" data-testid="desk-shift-badge">
            {t('desk.shift.badge', { amount: formatYuan(shift.floatFen) })}
          </Badge>
        )}
      </Group>
      {children}
    </Stack>
  );

  if (shift === undefined) {
    return root(error ? <ErrorAlert message={error} /> : <Loader size="sm" aria-label={t('desk.loading')} />);
  }
  if (shift === null) return root(<ShiftGate onOpened={setShift} />);
  if (phase.kind === 'receipt') {
    return root(<ReceiptView posted={phase.posted} unitId={phase.unitId} onNext={next} />);
  }

  const hit = phase.hit;
  return root(
    <>
      {hit ? (
        <UnitWorkspace
          key={`${hit.unitId}-${visit}`}
          unitId={hit.unitId}
          hitOwner={hit.ownerName}
          onPosted={(posted) => setPhase({ kind: 'receipt', posted, unitId: hit.unitId })}
          onShiftLost={() => setShift(null)}
        />
      ) : (
        <Text c="dimmed" size="sm" px={4} data-testid="desk-idle">
          {t('desk.search.idle')}
        </Text>
      )}
    </>,
    <UnitSearch
      inputRef={searchRef}
      onPick={(picked) => {
        setVisit((v) => v + 1);
        setPhase({ kind: 'desk', hit: picked });
      }}
    />,
  );
}
