import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuanToFen } from '../../src-shared/domain/money';

/** Parses what a cashier types ('120', '120.5', '1,200.00') into fen; null when empty or invalid. */
export function yuanTextToFen(text: string): number | null {
  if (text.trim() === '') return null;
  try {
    return parseYuanToFen(text);
  } catch {
    return null;
  }
}

/**
 * An amount field in yuan that reports integer fen. Negative amounts and more than two decimals
 * are refused with a message under the field; the value stays what the cashier typed.
 */
export function YuanInput({
  valueFen,
  onChangeFen,
  allowZero = false,
  ...props
}: { valueFen: number | null; onChangeFen: (fen: number | null) => void; allowZero?: boolean } & Omit<TextInputProps, 'value' | 'onChange'> & {
    'data-testid'?: string;
  }) {
  const { t } = useTranslation();
  const [text, setText] = useState(valueFen === null ? '' : (valueFen / 100).toFixed(2));
  const [shownFen, setShownFen] = useState(valueFen);
  // The parent may set the amount (e.g. "pay the total"): follow it unless it is what we reported.
  if (valueFen !== shownFen) {
    setShownFen(valueFen);
    setText(valueFen === null ? '' : (valueFen / 100).toFixed(2));
  }
  const fen = yuanTextToFen(text);
  const invalid = text.trim() !== '' && (fen === null || fen < 0 || (!allowZero && fen === 0));
  return (
    <TextInput
      inputMode="decimal"
      leftSection="¥"
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      {...props}
      value={text}
      error={invalid ? t('money.invalid') : props.error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const parsed = yuanTextToFen(next);
        const ok = parsed !== null && parsed >= 0 && (allowZero || parsed > 0);
        setShownFen(ok ? parsed : null);
        onChangeFen(ok ? parsed : null);
      }}
    />
  );
}
