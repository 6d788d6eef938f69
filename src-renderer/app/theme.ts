import { Badge, createTheme } from '@mantine/core';

/** Fonts a front-desk PC is likely to have, CJK first so Chinese never falls back to a bitmap face. */
const FONT_STACK = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** One calm, professional look: teal, small radii, readable sizes for long shifts at the desk. */
export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 7 keeps white text on filled buttons above WCAG AA contrast.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: FONT_STACK,
  fontFamilyMonospace: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  headings: { fontFamily: FONT_STACK, fontWeight: '600' },
  cursorType: 'pointer',
  components: {
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Button: { defaultProps: { size: 'md' } },
    // Upper-casing suits Latin labels only; role names and states read better as written.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
  },
});
