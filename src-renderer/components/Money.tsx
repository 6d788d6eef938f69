import { Text, type TextProps } from '@mantine/core';
import { formatYuan } from '../../src-shared/domain/money';

/**
 * An amount as the desk shows every amount: ¥ with two decimals and thousands separators, in
 * tabular figures so columns of amounts line up, right-aligned unless the caller says otherwise.
 */
export function Money({ fen, ...props }: { fen: number } & TextProps & { 'data-testid'?: string }) {
  return (
    <Text component="span" ta="right" ff="monospace" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} {...props}>
      {formatYuan(fen)}
    </Text>
  );
}
