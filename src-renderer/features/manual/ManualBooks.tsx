import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RegisterBookForm } from './RegisterBookForm';
import type { ManualBook } from './useManualBooks';

/** 收回: the unused numbers are voided, so none can surface later as a valid receipt. */
function TakeBackModal({ book, onClose, onDone }: { book: ManualBook | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!book || pending) return;
    setPending(true);
    const result = await call('shifts.returnManualBook', { code: book.code, reason: reason.trim() });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    notifications.show({ color: 'teal', message: t('manual.books.takenBack', { code: book.code, count: result.value.voided.length }) });
    close();
    onDone();
  };
  return (
    <Modal opened={book !== null} onClose={close} title={book ? t('manual.books.takeBackTitle', { code: book.code }) : ''} data-testid="book-take-back-modal">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('manual.books.takeBackBody', { count: book?.unusedCount ?? 0 })}</Text>
          <TextInput label={t('manual.books.takeBackReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} data-autofocus />
          <ErrorAlert message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('manual.switch.cancel')}
            </Button>
            <Button type="submit" color="red" loading={pending} data-testid="book-take-back-confirm">
              {t('manual.books.takeBackConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The registered books: supervisors see all and register or take back; a cashier sees their own. */
export function ManualBooks({ books, canManage, error, onChanged }: { books: ManualBook[]; canManage: boolean; error: string | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const [takingBack, setTakingBack] = useState<ManualBook | null>(null);
  return (
    <Stack gap="md">
      {canManage ? (
        <Paper withBorder p="md">
          <RegisterBookForm onRegistered={onChanged} />
        </Paper>
      ) : (
        <Text size="sm" c="dimmed">
          {t('manual.books.mineOnly')}
        </Text>
      )}
      <ErrorAlert message={error} />
      {books.length === 0 ? (
        <Text c="dimmed" data-testid="books-empty">
          {t('manual.books.none')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={6} data-testid="books-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('manual.books.code')}</Table.Th>
              <Table.Th>{t('manual.books.range')}</Table.Th>
              <Table.Th>{t('manual.books.holder')}</Table.Th>
              <Table.Th ta="right">{t('manual.books.used')}</Table.Th>
              <Table.Th ta="right">{t('manual.books.voided')}</Table.Th>
              <Table.Th ta="right">{t('manual.books.unused')}</Table.Th>
              <Table.Th>{t('manual.books.status')}</Table.Th>
              {canManage && <Table.Th>{t('manual.books.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {books.map((b) => (
              <Table.Tr key={b.id} data-testid="book-row" data-code={b.code}>
                <Table.Td fw={600}>{b.code}</Table.Td>
                <Table.Td>
                  {b.firstNo} – {b.lastNo}
                </Table.Td>
                <Table.Td>{b.cashierName}</Table.Td>
                <Table.Td ta="right">{b.usedCount}</Table.Td>
                <Table.Td ta="right">{b.voidedCount}</Table.Td>
                <Table.Td ta="right">{b.unusedCount}</Table.Td>
                <Table.Td>
                  <Badge color={b.status === 'active' ? 'teal' : 'gray'} variant="light">
                    {t(`manual.books.${b.status}`)}
                  </Badge>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    {b.status === 'active' && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        leftSection={<IconArrowBackUp size={14} />}
                        onClick={() => setTakingBack(b)}
                        data-testid="book-take-back"
                      >
                        {t('manual.books.takeBack')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <TakeBackModal book={takingBack} onClose={() => setTakingBack(null)} onDone={onChanged} />
    </Stack>
  );
}
