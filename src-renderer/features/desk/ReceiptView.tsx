import { Alert, Button, Grid, Group, Kbd, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../src-shared/domain/money';
import { isDesktop } from '../../app/api';
import { downloadFile } from '../../app/files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { inDialog } from './format';
import type { Posted } from './useCollectForm';
import { useReceiptDocs } from './useReceiptDocs';
import { useWaiverFollowUp } from './useWaiverFollowUp';

/**
 * A double Enter must not also skip the receipt: keys that arrive this soon after the payment are
 * the tail of the confirming keystroke, not the cashier asking for the next customer.
 */
const SETTLE_MS = 500;

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Group>
  );
}

/** After posting: receipt number, change due in big type, the receipt preview and 打印. */
export function ReceiptView({ posted, unitId, onNext }: { posted: Posted; unitId: number; onNext: () => void }) {
  const { t } = useTranslation();
  const r = posted.result;
  const docs = useReceiptDocs(r.receiptId, t('desk.receipt.pdfFailed'));
  const waiver = useWaiverFollowUp(posted, unitId);
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<string | null>(null);
  const shownAt = useRef(performance.now());
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => rootRef.current?.focus(), []);

  const print = async () => {
    if (printing) return;
    setPrinting(true);
    const outcome = await docs.print();
    setPrinting(false);
    setPrintError(outcome.ok ? null : outcome.message);
    if (outcome.ok && isDesktop) notifications.show({ color: 'teal', message: outcome.message ?? t('desk.receipt.printed') });
  };
  const settled = (event: KeyboardEvent) => !event.repeat && !inDialog(event) && performance.now() - shownAt.current > SETTLE_MS;
  useHotkeys([
    ['Enter', (e) => settled(e) && onNext()],
    ['Escape', (e) => settled(e) && onNext()],
    ['p', (e) => settled(e) && void print()],
    ['F9', (e) => settled(e) && void print()],
  ]);

  return (
    <Grid gap="md" data-testid="desk-receipt">
      <Grid.Col span={5}>
        <Paper withBorder p="lg" ref={rootRef} tabIndex={-1} style={{ outline: 'none' }}>
          <Stack gap="sm">
            <Group gap="xs">
              <IconCircleCheck size={28} color="var(--mantine-color-teal-7)" aria-hidden />
              <Title order={2} size="h3">
                {t('desk.receipt.title')}
              </Title>
            </Group>
            <Line label={t('desk.receipt.receiptNo')}>
              <Text fw={700} size="xl" ff="monospace" data-testid="desk-receipt-no">
                {r.receiptNo}
              </Text>
            </Line>
            <Stack gap={0} align="center" py="sm" bg="teal.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
              <Text size="md" c="teal.9">
                {r.changeFen > 0 ? t('desk.receipt.change') : t('desk.receipt.noChange')}
              </Text>
              <Money fen={r.changeFen} fw={800} size="48px" c="teal.9" ta="center" data-testid="desk-receipt-change" />
            </Stack>
            <Line label={t('desk.receipt.tendered')}>
              <Money fen={r.tenderedFen} fw={600} />
            </Line>
            <Line label={t('desk.receipt.allocated')}>
              <Money fen={r.allocatedFen} />
            </Line>
            {r.prepaidUsedFen > 0 && (
              <Line label={t('desk.receipt.prepaidUsed')}>
                <Money fen={r.prepaidUsedFen} />
              </Line>
            )}
            {r.toPrepaidFen > 0 && (
              <Line label={t('desk.receipt.toPrepaid')}>
                <Money fen={r.toPrepaidFen} />
              </Line>
            )}
            {docs.detail && (
              <>
                <Line label={t('desk.receipt.methods')}>
                  <Text size="sm" ta="right">
                    {docs.detail.tenders.map((x) => `${x.methodName} ${formatYuan(x.amountFen)}`).join('，')}
                  </Text>
                </Line>
                <Line label={t('desk.receipt.words')}>
                  <Text size="sm">{docs.detail.totalWords}</Text>
                </Line>
              </>
            )}
            {r.replayed && <Alert color="gray" p="xs">{t('desk.receipt.replayed')}</Alert>}
            {waiver && waiver.approvedFen > 0 && (
              <Alert color="teal" p="xs" data-testid="desk-waiver-approved">
                {t('desk.receipt.waiverApproved', { amount: formatYuan(waiver.approvedFen) })}
              </Alert>
            )}
            {waiver && waiver.pendingFen > 0 && (
              <Alert color="orange" p="xs" data-testid="desk-waiver-pending">
                {t('desk.receipt.waiverPending', { amount: formatYuan(waiver.pendingFen) })}
              </Alert>
            )}
            <ErrorAlert message={printError} testId="desk-print-error" />
            <Group grow gap="sm" mt="xs">
              <Button
                variant="default"
                leftSection={<IconPrinter size={18} />}
                rightSection={<Kbd size="xs">{t('desk.receipt.printKeys')}</Kbd>}
                loading={printing}
                disabled={!docs.file && !isDesktop}
                onClick={() => void print()}
                data-testid="desk-print"
              >
                {t('desk.receipt.print')}
              </Button>
              <Button rightSection={<Kbd size="xs">{t('desk.receipt.nextKeys')}</Kbd>} onClick={onNext} data-testid="desk-next">
                {t('desk.receipt.next')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={7}>
        <Paper withBorder p="xs" h="100%">
          <Stack gap={6} h="100%">
            <Text size="sm" fw={500} px={4}>
              {t('desk.receipt.preview')}
            </Text>
            <ErrorAlert message={docs.error} testId="desk-preview-error" />
            {isDesktop ? (
              <Stack gap="xs" p="sm">
                <Text size="sm" c="dimmed">
                  {t('desk.receipt.previewDesktop')}
                </Text>
                <Button variant="default" disabled={!docs.file} onClick={() => docs.file && void downloadFile(docs.file, t('desk.receipt.pdfFailed'))}>
                  {t('desk.receipt.savePdf')}
                </Button>
              </Stack>
            ) : docs.previewUrl ? (
              <iframe
                // Chromium's viewer: page at full width, no thumbnail pane; its toolbar still prints.
                src={`${docs.previewUrl}#navpanes=0&view=FitH`}
                title={t('desk.receipt.preview')}
                style={{ border: 0, width: '100%', flex: 1, minHeight: 520 }}
                data-testid="desk-receipt-preview"
              />
            ) : (
              !docs.error && (
                <Group gap="xs" p="sm">
                  <Loader size="sm" />
                  <Text size="sm" c="dimmed">
                    {t('desk.receipt.previewLoading')}
                  </Text>
                </Group>
              )
            )}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
