import { Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CollectResult } from '../../../src-shared/api/calls/collection';
import { formatYuan } from '../../../src-shared/domain/money';
import type { Account, BillLine } from './billSelection';
import { DepositPrepaidDialog } from './dialogs/DepositPrepaidDialog';
import { OneOffChargeDialog } from './dialogs/OneOffChargeDialog';
import { PrepayAheadDialog } from './dialogs/PrepayAheadDialog';
import { RecentPaymentsDialog } from './dialogs/RecentPaymentsDialog';
import { RefundRequestDialog } from './dialogs/RefundRequestDialog';
import { WaiveLineDialog } from './dialogs/WaiveLineDialog';
import type { UnitAction } from './UnitSummary';
import type { UnitDetail } from './useUnitAccount';

/** The unit panel's small dialogs, one at a time. */
export function UnitDialogs({
  dialog,
  account,
  detail,
  cursorLine,
  defaultPayer,
  onClose,
  onAddLines,
  onDeposited,
}: {
  dialog: UnitAction | null;
  account: Account;
  detail: UnitDetail | null;
  cursorLine: BillLine | null;
  defaultPayer: string;
  /** Closes; with a message, tells the cashier what happened and reads the account again. */
  onClose: (message?: string) => void;
  /** New bills (one-off charge, paying ahead) to add to the selection. */
  onAddLines: (lineIds: number[], message: string) => void;
  onDeposited: (result: CollectResult, warning: string | null) => void;
}) {
  const { t } = useTranslation();
  const close = () => onClose();
  switch (dialog) {
    case 'deposit':
      return <DepositPrepaidDialog account={account} defaultPayer={defaultPayer} onClose={close} onDeposited={onDeposited} />;
    case 'oneOff':
      return (
        <OneOffChargeDialog
          account={account}
          onClose={close}
          onAdded={(lineId, amountFen) => onAddLines([lineId], t('desk.dialogs.oneOff.done', { amount: formatYuan(amountFen) }))}
        />
      );
    case 'prepay':
      return (
        <PrepayAheadDialog
          account={account}
          detail={detail}
          onClose={close}
          onBilled={(lineIds) => onAddLines(lineIds, t('desk.dialogs.prepay.done', { count: lineIds.length }))}
        />
      );
    case 'waive': {
      const item = cursorLine && account.groups.find((g) => g.lines.some((l) => l.lineId === cursorLine.lineId));
      if (!cursorLine || !item) {
        return (
          <Modal opened onClose={close} title={t('desk.actions.waive')}>
            <Text>{t('desk.dialogs.waive.noLine')}</Text>
          </Modal>
        );
      }
      return <WaiveLineDialog line={cursorLine} itemName={item.feeItemName} onClose={close} onDone={onClose} />;
    }
    case 'refund':
      return <RefundRequestDialog account={account} onClose={close} onDone={onClose} />;
    case 'recent':
      return <RecentPaymentsDialog account={account} onClose={close} />;
    default:
      return null;
  }
}
