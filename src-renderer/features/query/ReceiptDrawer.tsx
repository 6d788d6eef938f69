import { Button, Divider, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconPrinter, IconTrash } from '@tabler/icons-react';
import { useWindowEvent } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';
import { openPdf } from '../../app/files';
import { useSignedIn } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CorrectionModal, type Correction } from './CorrectionModal';
import { detailState, type ReceiptDetail } from './format';
import { InvoiceForm } from './InvoiceForm';
import { ReceiptDetailView } from './ReceiptDetailView';

interface Loaded {
  receipt: ReceiptDetail;
  shift: CallOutput<'shifts.ofPayment'> | null;
  /** Whether the signed-in user has a shift open, where a 红冲 would land. */
  ownShiftOpen: boolean;
}

async function load(receiptId: number, hasOwnShift: boolean): Promise<Loaded | string> {
  const receipt = await call('collection.receipt', { receiptId });
  if (!receipt.ok) return receipt.error.message;
  const [shift, current] = await Promise.all([
    call('shifts.ofPayment', { paymentId: receipt.value.paymentId }),
    hasOwnShift ? call('shifts.current', {}) : Promise.resolve(null),
  ]);
  return { receipt: receipt.value, shift: shift.ok ? shift.value : null, ownShiftOpen: current?.ok === true && current.value.shift !== null };
}

/** One receipt: what it says, and 补打, 发票号, 作废 or 红冲 for those who may. */
export function ReceiptDrawer({ receiptId, onClose, onChanged }: { receiptId: number | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const can = (p: string) => session.user.permissions.includes(p);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [correction, setCorrection] = useState<Correction | null>(null);
  const [printing, setPrinting] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  // Esc closes the drawer when pressed in it (or with focus nowhere, as after a dialog over it
  // closed): dialogs over it (作废, the supervisor's approval) take their own Esc, which Mantine
  // would otherwise pass to every open layer.
  useWindowEvent('keydown', (e) => {
    const target = e.target as Node;
    if (e.key === 'Escape' && receiptId !== null && (target === document.body || root.current?.contains(target))) onClose();
  });

  // Reloads when another receipt opens; the permissions it reads do not change while signed in.
  const reload = useCallback(async () => {
    if (receiptId === null) return;
    const r = await load(receiptId, can('shift.own'));
    if (typeof r === 'string') setError(r);
    else setData(r);
  }, [receiptId]);

  useEffect(() => {
    setData(null);
    setError(null);
    void reload();
  }, [reload]);

  const reprint = async () => {
    if (!data || printing) return;
    setPrinting(true);
    const counted = await call('collection.reprint', { receiptId: data.receipt.receiptId });
    const pdf = counted.ok ? await call('documents.receiptPdf', { receiptId: data.receipt.receiptId }) : null;
    const handed = pdf?.ok ? await openPdf(pdf.value.file, t('query.actions.pdfFailed')) : null;
    setPrinting(false);
    if (!counted.ok) return setError(counted.error.message);
    if (pdf && !pdf.ok) setError(pdf.error.message);
    else if (handed && !handed.ok) setError(handed.message);
    else notifications.show({ color: 'teal', message: t('query.actions.reprinted', { n: counted.value.reprintCount }) });
    await reload();
    onChanged();
  };

  const state = data ? detailState(data.receipt) : null;
  const correctable = data !== null && state === 'normal' && data.receipt.kind === 'collection' && (can('payment.collect') || can('payment.void'));
  const voidable = data?.shift?.status === 'open';
  const reverseBlocked = !voidable && data !== null && !data.ownShiftOpen;

  return (
    <Drawer
      ref={root}
      opened={receiptId !== null}
      onClose={onClose}
      closeOnEscape={false}
      // The page puts focus back itself (on the list); Mantine's late return would undo a quick F2.
      returnFocus={false}
      position="right"
      size={720}
      title={<Text fw={600}>{t('query.detail.title')}</Text>}
      data-testid="receipt-drawer"
    >
      <Stack gap="md">
        <ErrorAlert message={error} testId="receipt-error" />
        {!data && !error && <Loader size="sm" />}
        {data && (
          <>
            <ReceiptDetailView d={data.receipt} />
            <Divider />
            <Group gap="sm">
              {can('payment.collect') && state !== 'voided' && (
                <Button leftSection={<IconPrinter size={18} />} variant="light" onClick={() => void reprint()} loading={printing} data-testid="receipt-reprint">
                  {t('query.actions.reprint')}
                </Button>
              )}
              {correctable && voidable && (
                <Button color="red" variant="light" leftSection={<IconTrash size={18} />} onClick={() => setCorrection('void')} data-testid="receipt-void">
                  {t('query.actions.void')}
                </Button>
              )}
              {correctable && !voidable && (
                <Button
                  color="orange"
                  variant="light"
                  leftSection={<IconArrowBackUp size={18} />}
                  onClick={() => setCorrection('reverse')}
                  disabled={reverseBlocked}
                  data-testid="receipt-reverse"
                >
                  {t('query.actions.reverse')}
                </Button>
              )}
            </Group>
            {correctable && !voidable && (
              <Text size="xs" c="dimmed">
                {t(reverseBlocked ? 'query.actions.reverseNeedsShift' : 'query.actions.shiftClosed')}
              </Text>
            )}
            {can('payment.collect') && state !== 'voided' && (
              <InvoiceForm
                key={`${data.receipt.receiptId}-${data.receipt.invoiceNo ?? ''}`}
                receiptId={data.receipt.receiptId}
                current={data.receipt.invoiceNo}
                onError={setError}
                onSaved={() => {
                  notifications.show({ color: 'teal', message: t('query.invoice.saved') });
                  void reload();
                  onChanged();
                }}
              />
            )}
            <CorrectionModal
              kind={correction}
              receipt={data.receipt}
              onClose={() => setCorrection(null)}
              onDone={(message) => {
                setCorrection(null);
                notifications.show({ color: 'teal', message });
                void reload();
                onChanged();
              }}
            />
          </>
        )}
      </Stack>
    </Drawer>
  );
}
