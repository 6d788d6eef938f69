import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import type { ReceiptDetail } from './format';

export type Correction = 'void' | 'reverse';

const MIN_REASON = 2;

/**
 * 作废 (the payment's shift still open) or 红冲 (it has closed) with a reason. Both need a
 * supervisor: the central approval dialog opens on the call and retries it; the screen only waits.
 */
export function CorrectionModal({
  kind,
  receipt,
  onClose,
  onDone,
}: {
  kind: Correction | null;
  receipt: ReceiptDetail;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = reason.trim().length >= MIN_REASON && !pending;

  const close = () => {
    if (pending) return;
    setReason('');
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!ready || kind === null) return;
    setPending(true);
    const input = { paymentId: receipt.paymentId, reason: reason.trim() };
    const r = kind === 'void' ? await call('collection.void', input) : await call('collection.reverse', input);
    setPending(false);
    if (!r.ok) return setError(r.error.message);
    setReason('');
    setError(null);
    onDone(
      kind === 'void'
        ? t('query.correct.voided', { number: receipt.number })
        : t('query.correct.reversed', { number: receipt.number, reversal: r.value.receiptNo }),
    );
  };

  return (
    <Modal opened={kind !== null} onClose={close} title={t(kind === 'reverse' ? 'query.correct.reverseTitle' : 'query.correct.voidTitle')} size="md" data-testid="correction-modal">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text ff="monospace">{receipt.number}</Text>
          <Money fen={receipt.totalFen} fw={600} />
        </Group>
        <Alert color={kind === 'reverse' ? 'orange' : 'red'} variant="light">
          {t(kind === 'reverse' ? 'query.correct.reverseHint' : 'query.correct.voidHint')}
        </Alert>
        <TextInput
          label={t('query.correct.reason')}
          placeholder={t('query.correct.reasonHint')}
          value={reason}
          data-autofocus
          maxLength={200}
          onChange={(e) => setReason(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void submit();
            }
          }}
          data-testid="correction-reason"
        />
        <ErrorAlert message={error} testId="correction-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={pending}>
            {t('query.correct.cancel')}
          </Button>
          <Button color={kind === 'reverse' ? 'orange' : 'red'} onClick={() => void submit()} disabled={!ready} loading={pending} data-testid="correction-submit">
            {t(kind === 'reverse' ? 'query.correct.reverseSubmit' : 'query.correct.voidSubmit')}
          </Button>
        </Group>
        {reason.trim().length < MIN_REASON && (
          <Text size="xs" c="dimmed">
            {t('query.correct.reasonNeeded')}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
