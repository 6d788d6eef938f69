import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import type { CollectResult } from '../../../src-shared/api/calls/collection';
import { formatYuan } from '../../../src-shared/domain/money';
import { call } from '../../app/api';
import type { Account, SelectionTotals } from './billSelection';
import { newRequestKey } from './format';
import { newTender, tenderSums, tendersToSend, type TenderDraft } from './tenders';

type Quote = CallOutput<'collection.quote'>;

export interface Posted {
  result: CollectResult;
  /** The bills paid and whether their late fees were waived: the receipt view follows the waiver up. */
  lineIds: number[];
  waived: boolean;
}

interface Params {
  account: Account;
  lineIds: number[];
  totals: SelectionTotals;
  defaultPayer: string;
  onPosted: (posted: Posted) => void;
  onShiftLost: () => void;
}

/**
 * The payment form's state and its one submission. The request key is made once per form, so a
 * second Enter, a retry or a lost answer never posts twice (collect answers a repeat with the
 * first result); a pending submission also ignores further Enters outright.
 */
export function useCollectForm({ account, lineIds, totals, defaultPayer, onPosted, onShiftLost }: Params) {
  const { t } = useTranslation();
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [tenders, setTenders] = useState<TenderDraft[]>(() => [newTender('cash', true)]);
  const [cashGivenFen, setCashGivenFen] = useState<number | null>(null);
  const [waive, setWaive] = useState(false);
  const [waiveReason, setWaiveReason] = useState('');
  const [usePrepaid, setUsePrepaid] = useState(false);
  const [overpay, setOverpay] = useState(false);
  const [payer, setPayer] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  // Only a unit with prepaid money needs the ledger's word on what the offset may take.
  const hasPrepaid = account.prepaid.some((p) => p.balanceFen > 0);
  const quoteFor = `${lineIds.join(',')}|${waive}`;
  const [quote, setQuote] = useState<{ for: string; value: Quote } | null>(null);
  useEffect(() => {
    if (!hasPrepaid || lineIds.length === 0) return;
    let live = true;
    void call('collection.quote', { unitId: account.unit.id, lineIds, waiveLateFees: waive }).then((r) => {
      if (live && r.ok) setQuote({ for: quoteFor, value: r.value });
    });
    return () => {
      live = false;
    };
    // quoteFor stands for lineIds and waive.
  }, [hasPrepaid, account.unit.id, quoteFor]);

  const currentQuote = quote?.for === quoteFor ? quote.value : null;
  const dueFen = totals.principalFen + (waive ? 0 : totals.lateFeeFen);
  const prepaidUsableFen = currentQuote?.prepaidUsableFen ?? 0;
  const prepaidCoversAll = prepaidUsableFen > 0 && prepaidUsableFen >= dueFen;
  const prepaidUsedFen = usePrepaid && currentQuote && !prepaidCoversAll ? prepaidUsableFen : 0;
  const toPayFen = dueFen - prepaidUsedFen;
  const sums = tenderSums(tenders, toPayFen, cashGivenFen);
  const payerName = payer ?? defaultPayer;

  function problem(): string | null {
    if (lineIds.length === 0) return t('desk.collect.errors.noLines');
    if (waive && waiveReason.trim().length < 2) return t('desk.collect.errors.waiveReason');
    if (usePrepaid && !currentQuote) return t('desk.collect.errors.quote');
    if (payerName.trim() === '') return t('desk.collect.errors.noPayer');
    const send = tendersToSend(tenders, toPayFen);
    if (send.length === 0) return t('desk.collect.errors.noTender');
    const noRef = send.find((x) => x.method !== 'cash' && x.reference === '');
    if (noRef) return t('desk.collect.errors.reference', { method: t(`desk.collect.methods.${noRef.method}`) });
    if (sums.changeFen !== null && sums.changeFen < 0) {
      return t('desk.collect.errors.cashGiven', { given: formatYuan(cashGivenFen ?? 0), cash: formatYuan(sums.cashFen) });
    }
    if (sums.differenceFen > 0 && usePrepaid) return t('desk.collect.overNoPrepaid');
    if (sums.differenceFen > 0 && !overpay) return t('desk.collect.errors.over', { amount: formatYuan(sums.differenceFen) });
    return null;
  }

  async function submit() {
    if (inFlight.current) return;
    const why = problem();
    if (why) return setError(why);
    inFlight.current = true;
    setPending(true);
    setError(null);
    const result = await call('collection.collect', {
      idempotencyKey: requestKey,
      unitId: account.unit.id,
      payerName: payerName.trim(),
      lineIds,
      tenders: tendersToSend(tenders, toPayFen),
      ...(sums.cashFen > 0 && cashGivenFen !== null ? { cashGivenFen } : {}),
      ...(sums.differenceFen > 0 && overpay ? { overpayTo: 'prepaid' as const } : {}),
      usePrepaidFen: prepaidUsedFen,
      waiveLateFees: waive,
      waiveReason: waive ? waiveReason.trim() : '',
    });
    inFlight.current = false;
    setPending(false);
    if (result.ok) return onPosted({ result: result.value, lineIds, waived: waive });
    if (result.error.code === 'SHIFT_NOT_OPEN') onShiftLost();
    // The key was spent on a different payment: this form's next try is a new request.
    if (result.error.code === 'CONFLICT') setRequestKey(newRequestKey());
    setError(result.error.message);
  }

  return {
    tenders,
    setTenders,
    cashGivenFen,
    setCashGivenFen,
    waive,
    setWaive,
    waiveReason,
    setWaiveReason,
    usePrepaid,
    setUsePrepaid,
    overpay,
    setOverpay,
    payerName,
    setPayer,
    pending,
    error,
    hasPrepaid,
    quote: currentQuote,
    prepaidCoversAll,
    prepaidUsedFen,
    dueFen,
    toPayFen,
    sums,
    submit,
  };
}

export type CollectForm = ReturnType<typeof useCollectForm>;
