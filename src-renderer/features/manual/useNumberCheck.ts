import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';

export type NumberCheck = CallOutput<'shifts.checkManualNumber'>;

const asNumber = (text: string) => (/^\d{1,9}$/.test(text) && Number(text) >= 1 ? Number(text) : null);

/**
 * Checks a paper receipt's number against its book while it is typed (可用 / 已用 / 不在范围 …):
 * asked once the typing pauses; a verdict is shown only for the book and number now in the form.
 */
export function useNumberCheck(bookCode: string | null, numberText: string): { check: NumberCheck | null; checking: boolean } {
  const [typed] = useDebouncedValue(numberText.trim(), 150);
  const [answer, setAnswer] = useState<{ key: string; check: NumberCheck } | null>(null);

  useEffect(() => {
    let live = true;
    const number = asNumber(typed);
    if (bookCode === null || number === null) return;
    const key = `${bookCode}:${typed}`;
    void call('shifts.checkManualNumber', { code: bookCode, number }).then((r) => {
      if (live) setAnswer({ key, check: r.ok ? r.value : { verdict: 'unknown_book', receiptNo: null, message: r.error.message } });
    });
    return () => {
      live = false;
    };
  }, [bookCode, typed]);

  const now = numberText.trim();
  const check = answer !== null && answer.key === `${bookCode}:${now}` ? answer.check : null;
  return { check, checking: check === null && bookCode !== null && asNumber(now) !== null };
}
