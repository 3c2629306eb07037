// The first screen (the shell and the dashboard) is drawn with plain elements and styles.css before antd's
// JavaScript and stylesheet load (renderer/src/antd-scope.tsx, components/plain.tsx). What it draws must match
// antd's look with the app's theme: the tag colours against antd's palettes and tokens, the text and link
// colours against its tokens, the font list against the theme's. An antd upgrade that changes one fails here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, TAG_PRESETS, TAG_STATUSES, THEME_TOKEN } from '../../renderer/src/theme';

const CSS = readFileSync(join(__dirname, '../../renderer/src/styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
// Loaded untyped: antd's types would bring React's DOM types into the Node test program.
const require = createRequire(import.meta.url);
const antd = require('antd') as {
  theme: { getDesignToken: (config?: { token: object }) => Record<string, string | number> };
};
/** antd's default tokens (the tags' and texts' colours do not follow the theme's primary colour) … */
const TOKEN = antd.theme.getDesignToken() as Record<string, string>;
/** … and the app's theme (the primary colour's buttons and focus rings do). */
const THEMED = antd.theme.getDesignToken({ token: THEME_TOKEN });

/** The declarations of the one rule whose selector list holds exactly `selector`. */
function rule(selector: string): Record<string, string> {
  const found = [...CSS.matchAll(/([^{}]+)\{([^{}]*)\}/g)].filter((m) =>
    (m[1] ?? '')
      .split(',')
      .map((one) => one.trim())
      .includes(selector),
  );
  expect(found, `one rule for ${selector} in styles.css`).toHaveLength(1);
  return Object.fromEntries(
    (found[0]?.[2] ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const at = d.indexOf(':');
        return [d.slice(0, at).trim(), d.slice(at + 1).trim()];
      }),
  );
}

const colour = (value: string | undefined) => (value ?? '').replace(/\s+/g, '').toLowerCase();

/** A translucent black (antd's fills) as the solid colour it makes on white. */
function onWhite(rgba: string | undefined): string {
  const m = /^rgba\(0,0,0,([\d.]+)\)$/.exec(colour(rgba));
  if (!m) throw new Error(`not a translucent black: ${rgba}`);
  const v = Math.round(255 * (1 - Number(m[1])));
  return `#${v.toString(16).padStart(2, '0').repeat(3)}`;
}

describe('the first screen’s styles are antd’s', () => {
  it.each(TAG_PRESETS)('tag %s is antd’s filled preset: text in shade 7 on shade 1', (color) => {
    const declared = rule(`.tag-chip-${color}`);
    expect(colour(declared.color)).toBe(colour(TOKEN[`${color}7`]));
    expect(colour(declared.background)).toBe(colour(TOKEN[`${color}1`]));
  });

  const STATUS_TOKEN = { success: 'Success', processing: 'Info', error: 'Error', warning: 'Warning' } as const;
  it.each(TAG_STATUSES)('tag %s is antd’s status colour on its background', (status) => {
    const declared = rule(`.tag-chip-${status}`);
    expect(colour(declared.color)).toBe(colour(TOKEN[`color${STATUS_TOKEN[status]}`]));
    expect(colour(declared.background)).toBe(colour(TOKEN[`color${STATUS_TOKEN[status]}Bg`]));
  });

  it('an uncoloured tag is antd’s default', () => {
    const declared = rule('.tag-chip');
    expect(colour(declared.background)).toBe(onWhite(TOKEN.colorFillTertiary));
    expect(colour(declared.color)).toBe(colour(TOKEN.colorText));
  });

  it.each([
    ['secondary', 'colorTextDescription'],
    ['danger', 'colorError'],
    ['warning', 'colorWarning'],
    ['success', 'colorSuccess'],
  ] as const)('text of type %s is antd’s %s', (type, token) => {
    expect(colour(rule(`.plain-text-${type}`).color)).toBe(colour(TOKEN[token]));
  });

  it('the primary button is the theme’s: its colour, hover and pressed shades, radius', () => {
    expect(colour(rule('.plain-button-primary').background)).toBe(colour(String(THEMED.colorPrimary)));
    expect(colour(rule('.plain-button-primary:not(:disabled):hover').background)).toBe(
      colour(String(THEMED.colorPrimaryHover)),
    );
    expect(colour(rule('.plain-button-primary:not(:disabled):active').background)).toBe(
      colour(String(THEMED.colorPrimaryActive)),
    );
    expect(colour(rule('.plain-button:not(:disabled):hover').color)).toBe(colour(String(THEMED.colorPrimaryHover)));
    expect(rule('.plain-button')['border-radius']).toBe(`${THEMED.borderRadius}px`);
    expect(rule('.plain-button').height).toBe(`${THEMED.controlHeight}px`);
  });

  it('the shell’s fonts are the theme’s', () => {
    expect(rule('.shell')['font-family']).toBe(FONT_FAMILY);
  });

  it('links are drawn with antd’s global rule, in the colours of its tokens', () => {
    const root = rule(':root');
    expect(colour(root['--ant-color-link'])).toBe(colour(TOKEN.colorLink));
    expect(colour(root['--ant-color-link-hover'])).toBe(colour(TOKEN.colorLinkHover));
    expect(colour(root['--ant-color-link-active'])).toBe(colour(TOKEN.colorLinkActive));
    expect(colour(root['--ant-color-text-disabled'])).toBe(colour(TOKEN.colorTextDisabled));
    expect(colour(root['--ant-color-primary-border'])).toBe(colour(String(THEMED.colorPrimaryBorder)));
    expect(root['--ant-line-width-focus']).toBe(`${THEMED.lineWidthFocus}px`);
    expect(rule('a').color).toBe('var(--ant-color-link)');
    // antd's stylesheet styles `a` with these same variables: they must exist outside its scope too.
    const antdCss = readFileSync(require.resolve('antd/dist/antd.css'), 'utf8');
    const globalA = /(?:^|\})a\{([^}]*)\}/.exec(antdCss)?.[1] ?? '';
    expect(globalA).toContain('var(--ant-color-link)');
    for (const used of globalA.match(/--ant-[a-z-]+/g) ?? []) expect(root[used], used).toBeDefined();
  });
});
