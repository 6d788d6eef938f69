import { Group, Loader, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectResult } from '../../../src-shared/api/calls/collection';
import { useSignedIn } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BillTable } from './BillTable';
import { defaultSelection, flatLines, selectedIds, selectionTotals, type Account } from './billSelection';
import { CollectPanel } from './CollectPanel';
import { UnitDialogs } from './UnitDialogs';
import { inDialog } from './format';
import { UnitSummary, type UnitAction } from './UnitSummary';
import { useCollectForm, type Posted } from './useCollectForm';
import { useUnitAccount, type UnitDetail } from './useUnitAccount';

interface Props {
  unitId: number;
  /** The owner named by the search hit, the payer until the register says otherwise. */
  hitOwner: string | null;
  onPosted: (posted: Posted) => void;
  onShiftLost: () => void;
}

/** One unit at the desk: who it is, its open bills (left) and the payment (right). */
export function UnitWorkspace({ unitId, hitOwner, onPosted, onShiftLost }: Props) {
  const { t } = useTranslation();
  const unit = useUnitAccount(unitId);
  if (!unit.account) {
    return unit.error ? (
      <ErrorAlert message={unit.error} testId="desk-unit-error" />
    ) : (
      <Group gap="xs" p="md">
        <Loader size="sm" />
        <Text c="dimmed">{t('desk.unit.loading')}</Text>
      </Group>
    );
  }
  return <LoadedWorkspace account={unit.account} detail={unit.detail} reload={unit.reload} hitOwner={hitOwner} onPosted={onPosted} onShiftLost={onShiftLost} />;
}

function LoadedWorkspace({
  account,
  detail,
  reload,
  hitOwner,
  onPosted,
  onShiftLost,
}: Omit<Props, 'unitId'> & { account: Account; detail: UnitDetail | null; reload: () => Promise<Account | null> }) {
  const { session } = useSignedIn();
  const can = (p: string) => session.user.permissions.includes(p);
  const [selected, setSelected] = useState<Set<number>>(() => defaultSelection(account));
  const [cursor, setCursor] = useState(0);
  const [dialog, setDialog] = useState<UnitAction | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const cashGivenRef = useRef<HTMLInputElement>(null);
  const firstAmountRef = useRef<HTMLInputElement>(null);

  const lineIds = selectedIds(account, selected);
  const totals = selectionTotals(account, selected);
  const owner = detail?.occupants.find((o) => o.role === 'owner')?.name;
  const form = useCollectForm({
    account,
    lineIds,
    totals,
    defaultPayer: detail?.payer?.name ?? owner ?? hitOwner ?? '',
    onPosted,
    onShiftLost,
  });

  // F4: where the cashier types next — the cash handed over, or the first amount without cash.
  const focusTenders = () => {
    const target = cashGivenRef.current && !cashGivenRef.current.disabled ? cashGivenRef.current : firstAmountRef.current;
    target?.focus();
    target?.select();
  };
  useEffect(() => {
    if (flatLines(account).length > 0) focusTenders();
    // Once, when the unit opens.
  }, []);

  const guarded = (fn: () => void) => (event: KeyboardEvent) => {
    if (!inDialog(event) && dialog === null) fn();
  };
  useHotkeys(
    [
      ['F3', guarded(() => tableRef.current?.focus())],
      ['F4', guarded(focusTenders)],
      ['F6', guarded(() => can('payment.collect') && setDialog('deposit'))],
      ['F7', guarded(() => can('charge.oneoff') && setDialog('oneOff'))],
      ['F8', guarded(() => void form.submit())],
      ['mod+Enter', guarded(() => void form.submit())],
    ],
    [],
  );

  const allowed = (action: UnitAction): boolean =>
    ({
      deposit: can('payment.collect'),
      oneOff: can('charge.oneoff'),
      prepay: can('payment.collect'),
      waive: can('waiver.apply') && flatLines(account).length > 0,
      refund: can('refund.request'),
      recent: true,
    })[action];

  const closeDialog = (message?: string) => {
    setDialog(null);
    if (message) notifications.show({ color: 'teal', message });
    void reload();
  };
  const addToSelection = (ids: number[], message: string) => {
    setDialog(null);
    notifications.show({ color: 'teal', message });
    void reload().then(() => setSelected((s) => new Set([...s, ...ids])));
  };
  const deposited = (result: CollectResult, warning: string | null) => {
    setDialog(null);
    if (warning) notifications.show({ color: 'orange', message: warning });
    onPosted({ result, lineIds: [], waived: false });
  };

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <UnitSummary account={account} detail={detail} can={allowed} onAction={setDialog} />
      <div style={{ display: 'flex', gap: 'var(--mantine-spacing-sm)', flex: 1, minHeight: 0 }}>
        <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
          <BillTable
            account={account}
            selected={selected}
            onSelected={setSelected}
            cursor={cursor}
            onCursor={setCursor}
            tableRef={tableRef}
            onDone={focusTenders}
          />
        </div>
        {/* The payment keeps its width; on a short screen it scrolls on its own. */}
        <div style={{ width: 440, flexShrink: 0, overflowY: 'auto', minHeight: 0 }}>
          <CollectPanel form={form} totals={totals} canWaive={can('waiver.apply')} cashGivenRef={cashGivenRef} firstAmountRef={firstAmountRef} />
        </div>
      </div>
      <UnitDialogs
        dialog={dialog}
        account={account}
        detail={detail}
        cursorLine={flatLines(account)[cursor] ?? null}
        defaultPayer={form.payerName}
        onClose={closeDialog}
        onAddLines={addToSelection}
        onDeposited={deposited}
      />
    </Stack>
  );
}
