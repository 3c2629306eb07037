// The app's look shared by its plain first screen (styles.css) and antd's theme (antd-scope.tsx).

/**
 * Latin fonts first, so that English text and punctuation (’ “ ”) are not drawn full-width by a CJK font.
 * styles.css gives the shell the same list (test/unit/first-screen-styles.test.ts holds them equal).
 */
export const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** The seed tokens of antd's theme (antd-scope.tsx); styles.css draws the first screen with what antd derives from them. */
export const THEME_TOKEN = { fontFamily: FONT_FAMILY, borderRadius: 4, colorPrimary: '#1f4e9c' } as const;

/** The preset colours antd's palettes give a filled `<Tag color>` (each drawn by styles.css). */
export const TAG_PRESETS = [
  'blue',
  'cyan',
  'geekblue',
  'gold',
  'green',
  'lime',
  'magenta',
  'orange',
  'purple',
  'red',
  'volcano',
  'yellow',
] as const;
/** antd's status colours of `<Tag color>`. */
export const TAG_STATUSES = ['success', 'processing', 'error', 'warning'] as const;
export type TagColor = (typeof TAG_PRESETS)[number] | (typeof TAG_STATUSES)[number] | 'default';
