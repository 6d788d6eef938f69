import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { YuanInput } from '../../components/YuanInput';
import { countLines, lineProblem, mustCount, overShort, sheetTotals, toCountInput, type CountLine, type ShiftView } from './countMath';

/**
 * 交班清点: per tender method the system total beside the amount the cashier counts, over and short
 * live, a note wherever they differ. Enter walks the fields, Ctrl+Enter submits; a last check
 * asks before the shift stops taking payments.
 */
export function CountForm({ shift, onCounted }: { shift: ShiftView; onCounted: (counted: ShiftView) => void }) {
  const { t } = useTranslation();
  const [lines, setLines] = useState<CountLine[]>(() => countLines(shift));
  const [note, setNote] = useState('');
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const amounts = useRef<Array<HTMLInputElement | null>>([]);
  const notes = useRef<Array<HTMLInputElement | null>>([]);
  const submitRef = useRef<HTMLButtonElement>(null);

  useEffect(() => amounts.current[0]?.focus(), []);

  const problems = lines.map(lineProblem);
  const ready = problems.every((p) => p === null) && lines.some((l) => l.countedFen !== null);
  const totals = sheetTotals(lines);
  const set = (i: number, patch: Partial<CountLine>) => setLines((ls) => ls.map((l, k) => (k === i ? { ...l, ...patch } : l)));

  /** Enter moves on: to this line's note when it needs one, else to the next amount, at the end to submit. */
  const next = (i: number, from: 'amount' | 'note') => {
    if (from === 'amount' && problems[i] === 'noteNeeded') return notes.current[i]?.focus();
    const following = amounts.current[i + 1];
    if (following) return following.focus();
    submitRef.current?.focus();
  };

  const submit = async () => {
    if (!ready || pending) return;
    setPending(true);
    const r = await call('shifts.count', toCountInput(lines, note));
    setPending(false);
    setAsking(false);
    if (!r.ok) return setError(r.error.message);
    onCounted(r.value);
  };

  const ctrlEnter = getHotkeyHandler([['mod+Enter', () => ready && setAsking(true)]]);

  return (
    <Stack gap="sm" onKeyDown={ctrlEnter} data-testid="count-form">
      <Table verticalSpacing={6} horizontalSpacing="sm" withTableBorder style={{ tableLayout: 'fixed' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('dayClose.count.method')}</Table.Th>
            <Table.Th w={150} ta="right">
              {t('dayClose.count.system')}
            </Table.Th>
            <Table.Th w={170} ta="right">
              {t('dayClose.count.counted')}
            </Table.Th>
            <Table.Th w={120} ta="right">
              {t('dayClose.count.over')}
            </Table.Th>
            <Table.Th w={120} ta="right">
              {t('dayClose.count.short')}
            </Table.Th>
            <Table.Th>{t('dayClose.count.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, i) => {
            const diff = line.countedFen === null ? null : overShort(line.systemFen, line.countedFen);
            return (
              <Table.Tr key={line.method} data-testid={`count-row-${line.method}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`dayClose.methods.${line.method}`)}
                    {mustCount(line) && <Text span c="red"> *</Text>}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Money fen={line.systemFen} data-testid={`count-system-${line.method}`} />
                  {line.method === 'cash' && shift.floatFen > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('dayClose.count.withFloat')} <Money fen={shift.floatFen} size="xs" c="dimmed" />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <YuanInput
                    size="sm"
                    allowZero
                    valueFen={line.countedFen}
                    onChangeFen={(fen) => set(i, { countedFen: fen })}
                    ref={(el) => {
                      amounts.current[i] = el;
                    }}
                    aria-label={t('dayClose.count.countedOf', { method: t(`dayClose.methods.${line.method}`) })}
                    onKeyDown={(e) => e.key === 'Enter' && !e.ctrlKey && !e.metaKey && next(i, 'amount')}
                    data-testid={`count-input-${line.method}`}
                  />
                </Table.Td>
                <Table.Td ta="right">{diff && diff.overFen > 0 && <Money fen={diff.overFen} c="teal.8" fw={600} data-testid={`count-over-${line.method}`} />}</Table.Td>
                <Table.Td ta="right">{diff && diff.shortFen > 0 && <Money fen={diff.shortFen} c="red.7" fw={600} data-testid={`count-short-${line.method}`} />}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="sm"
                    value={line.note}
                    maxLength={200}
                    placeholder={problems[i] === 'noteNeeded' ? t('dayClose.count.noteNeeded') : ''}
                    error={problems[i] === 'noteNeeded'}
                    onChange={(e) => set(i, { note: e.currentTarget.value })}
                    ref={(el) => {
                      notes.current[i] = el;
                    }}
                    onKeyDown={(e) => e.key === 'Enter' && !e.ctrlKey && !e.metaKey && next(i, 'note')}
                    data-testid={`count-note-${line.method}`}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td colSpan={3}>
              <Text size="sm" fw={600}>
                {t('dayClose.count.totals')}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Money fen={totals.overFen} fw={600} data-testid="count-over-total" />
            </Table.Td>
            <Table.Td ta="right">
              <Money fen={totals.shortFen} fw={600} data-testid="count-short-total" />
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <TextInput size="sm" label={t('dayClose.count.shiftNote')} value={note} maxLength={200} onChange={(e) => setNote(e.currentTarget.value)} data-testid="count-shift-note" />
      <ErrorAlert message={error} testId="count-error" />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {ready ? t('dayClose.count.readyHint') : problems.includes('noteNeeded') ? t('dayClose.count.notesMissing') : t('dayClose.count.amountsMissing')}
        </Text>
        <Button ref={submitRef} disabled={!ready} onClick={() => setAsking(true)} data-testid="count-submit">
          {t('dayClose.count.submit')}
        </Button>
      </Group>
      <Modal opened={asking} onClose={() => !pending && setAsking(false)} title={t('dayClose.count.confirmTitle')} data-testid="count-confirm">
        <Stack gap="sm">
          <Text size="sm">{t('dayClose.count.confirmText')}</Text>
          <Group gap="lg">
            <Text size="sm">
              {t('dayClose.count.over')} <Money fen={totals.overFen} fw={600} />
            </Text>
            <Text size="sm">
              {t('dayClose.count.short')} <Money fen={totals.shortFen} fw={600} />
            </Text>
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)} disabled={pending}>
              {t('dayClose.count.back')}
            </Button>
            <Button data-autofocus onClick={() => void submit()} loading={pending} data-testid="count-confirm-submit">
              {t('dayClose.count.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
