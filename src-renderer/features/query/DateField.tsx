import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIsoDate } from './format';

/** A date typed as YYYY-MM-DD, reporting the ISO date or '' (empty or not yet valid). */
export function DateField({ value, onChange, ...props }: { value: string; onChange: (iso: string) => void } & Omit<TextInputProps, 'value' | 'onChange'> & { 'data-testid'?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The parent may set the date (a default range, 清空): follow it unless it is what we reported.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const invalid = text.trim() !== '' && parseIsoDate(text) === null;
  return (
    <TextInput
      placeholder="YYYY-MM-DD"
      maxLength={10}
      autoComplete="off"
      {...props}
      value={text}
      error={invalid ? t('query.filters.badDate') : props.error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const iso = parseIsoDate(next) ?? '';
        setShown(iso);
        onChange(iso);
      }}
      onBlur={(e) => {
        const iso = parseIsoDate(text);
        if (iso) setText(iso);
        props.onBlur?.(e);
      }}
    />
  );
}
