import { Alert, Badge, Button, Checkbox, Grid, Group, Loader, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFilePlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TENDER_METHODS } from '../../../src-shared/api/calls/collection';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { tendersFor, useDeskMode } from './deskMode';
import { EntryBills, type EntryLine } from './EntryBills';
import { EntryTenders, newTender, type TenderDraft } from './EntryTenders';
import { newRequestKey } from './format';
import { UnitPicker, type UnitHit } from './UnitPicker';
import type { ManualBook } from './useManualBooks';
import { useNumberCheck } from './useNumberCheck';

const VERDICT_COLOR = { ok: 'teal', used: 'red', out_of_range: 'red', not_your_book: 'red', returned: 'red', unknown_book: 'red' } as const;

/**
 * 补录 one paper receipt: its book and number (checked as typed), when it was written, the unit,
 * the bills it paid and its tenders. The entry lands in the cashier's open shift, flagged 补录.
 */
export function ManualEntryForm({ books, today, shiftOpen, onEntered }: { books: ManualBook[]; today: string; shiftOpen: boolean; onEntered: () => void }) {
  const { t } = useTranslation();
  const mode = useDeskMode();
  const methods = tendersFor(mode, TENDER_METHODS);
  const active = books.filter((b) => b.status === 'active');
  const [bookCode, setBookCode] = useState<string | null>(active[0]?.code ?? null);
  const [numberText, setNumberText] = useState('');
  const [date, setDate] = useState(today);
  const [time, setTime] = useState('');
  const [unit, setUnit] = useState<UnitHit | null>(null);
  const [payer, setPayer] = useState('');
  const [lines, setLines] = useState<EntryLine[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [tenders, setTenders] = useState<TenderDraft[]>([newTender('cash')]);
  const [toPrepaid, setToPrepaid] = useState(false);
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const { check, checking } = useNumberCheck(bookCode, numberText);

  if (bookCode === null && active[0]) setBookCode(active[0].code);
  if (active.length === 0) return <Alert color="orange" data-testid="entry-no-book">{t('manual.entry.noBook')}</Alert>;

  const dueFen = lines.filter((l) => selected.has(l.lineId)).reduce((s, l) => s + l.outstandingFen + l.lateFeeFen, 0);
  const tenderFen = tenders.reduce((s, d) => s + (d.amountFen ?? 0), 0);
  const extraFen = tenderFen - dueFen;
  const offlineBreach = tenders.some((d) => !methods.includes(d.method));
  const tendersOk = tenders.every((d) => d.amountFen !== null && d.amountFen > 0 && (d.method === 'cash' || d.reference.trim() !== ''));
  const ready =
    shiftOpen && check?.verdict === 'ok' && date !== '' && /^\d{2}:\d{2}$/.test(time) && unit !== null && payer.trim() !== '' && tendersOk && !offlineBreach && (extraFen <= 0 || toPrepaid);

  const pickUnit = (hit: UnitHit | null) => {
    // The picker repeats its choice when its options refresh; the ticked bills must survive that.
    if (hit?.unitId === unit?.unitId) return;
    setUnit(hit);
    setPayer(hit?.ownerName ?? '');
    setLines([]);
    setSelected(new Set());
  };

  const submit = async () => {
    if (pending || !ready || !unit || !bookCode) return;
    setPending(true);
    const result = await call('shifts.enterManualReceipt', {
      idempotencyKey: requestKey,
      bookCode,
      number: Number(numberText),
      originalDate: date,
      originalTime: time,
      unitId: unit.unitId,
      payerName: payer.trim(),
      lineIds: lines.filter((l) => selected.has(l.lineId)).map((l) => l.lineId),
      tenders: tenders.map((d) => ({ method: d.method, amountFen: d.amountFen ?? 0, reference: d.reference.trim() })),
      ...(extraFen > 0 && toPrepaid ? { overpayTo: 'prepaid' as const } : {}),
    });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    notifications.show({ color: 'teal', message: t('manual.entry.saved', { number: result.value.receiptNo }) });
    setLast(t('manual.entry.lastSaved', { number: result.value.receiptNo, unit: unit.unitCode }));
    // The next paper receipt is usually the next number of the same book, written the same day.
    setNumberText(String(Number(numberText) + 1));
    pickUnit(null);
    setTenders([newTender('cash')]);
    setToPrepaid(false);
    setRequestKey(newRequestKey());
    onEntered();
    numberRef.current?.focus();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={getHotkeyHandler([
        ['mod+Enter', () => void submit()],
        ['alt+N', () => setTenders((ts) => (ts.length < 5 ? [...ts, newTender(methods.find((m) => !ts.some((x) => x.method === m)) ?? 'cash')] : ts))],
      ])}
      data-testid="entry-form"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('manual.entry.intro')}
        </Text>
        {!shiftOpen && <Alert color="orange" data-testid="entry-no-shift">{t('manual.shift.none')}</Alert>}
        <Grid gap="lg">
          <Grid.Col span={5}>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Group grow align="flex-start">
                  <Select
                    size="md"
                    label={t('manual.entry.book')}
                    data={active.map((b) => ({ value: b.code, label: b.code }))}
                    value={bookCode}
                    onChange={setBookCode}
                    allowDeselect={false}
                    data-testid="entry-book"
                  />
                  <TextInput
                    ref={numberRef}
                    label={t('manual.entry.number')}
                    value={numberText}
                    onChange={(e) => setNumberText(e.currentTarget.value.replace(/\D/g, ''))}
                    inputMode="numeric"
                    maxLength={9}
                    required
                    rightSectionWidth={86}
                    rightSection={
                      checking ? (
                        <Loader size="xs" aria-label={t('manual.entry.numberChecking')} />
                      ) : check ? (
                        <Badge color={VERDICT_COLOR[check.verdict]} variant="light" data-testid="entry-number-verdict" data-verdict={check.verdict}>
                          {t(`manual.entry.verdicts.${check.verdict}`)}
                        </Badge>
                      ) : null
                    }
                    error={check && check.verdict !== 'ok' ? check.message : undefined}
                    data-testid="entry-number"
                  />
                </Group>
                <Group grow align="flex-start">
                  <TextInput type="date" label={t('manual.entry.originalDate')} value={date} max={today} onChange={(e) => setDate(e.currentTarget.value)} required data-testid="entry-date" />
                  <TextInput type="time" label={t('manual.entry.originalTime')} value={time} onChange={(e) => setTime(e.currentTarget.value)} required data-testid="entry-time" />
                </Group>
                <UnitPicker value={unit} onChange={pickUnit} />
                <TextInput label={t('manual.entry.payer')} value={payer} onChange={(e) => setPayer(e.currentTarget.value)} maxLength={50} required data-testid="entry-payer" />
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={7}>
            <Stack gap="md">
              {unit && date !== '' && (
                <EntryBills
                  unitId={unit.unitId}
                  asOf={date}
                  selected={selected}
                  onChange={(all, sel) => {
                    setLines(all);
                    setSelected(sel);
                  }}
                />
              )}
              <EntryTenders tenders={tenders} methods={methods} onChange={setTenders} />
              {offlineBreach && <Alert color="orange">{t('manual.entry.offlineOnly')}</Alert>}
              <Group justify="space-between">
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    {t('manual.entry.selectedTotal')}
                  </Text>
                  <Money fen={dueFen} data-testid="entry-due" />
                </Group>
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    {t('manual.entry.tenderTotal')}
                  </Text>
                  <Money fen={tenderFen} fw={700} data-testid="entry-tendered" />
                </Group>
              </Group>
              {extraFen > 0 && (
                <Checkbox label={t('manual.entry.toPrepaid')} checked={toPrepaid} onChange={(e) => setToPrepaid(e.currentTarget.checked)} data-testid="entry-to-prepaid" />
              )}
              {extraFen < 0 && tenderFen > 0 && (
                <Text size="xs" c="dimmed">
                  {t('manual.entry.short')}
                </Text>
              )}
              <ErrorAlert message={error} testId="entry-error" />
              <Group justify="space-between">
                <Text size="sm" c="dimmed" data-testid="entry-last">
                  {last}
                </Text>
                <Button type="submit" leftSection={<IconFilePlus size={16} />} loading={pending} disabled={!ready} data-testid="entry-submit">
                  {t('manual.entry.submit')}
                </Button>
              </Group>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </form>
  );
}
