import { describe, expect, it } from 'vitest';
import { requestSchemas, settingsSchema } from './schemas.ts';
import { DEFAULT_SETTINGS, FONT_FAMILIES, FONT_SIZE, LINE_HEIGHT, PANE_WIDTH, THEMES, themeLabel } from './settings.ts';

const set = requestSchemas['settings.set'];

describe('the settings main checks are the settings the UI offers', () => {
  it('accepts every theme and typeface of the lists, and nothing else', () => {
    for (const theme of THEMES) expect(set.safeParse({ theme }).success).toBe(true);
    for (const fontFamily of FONT_FAMILIES) expect(set.safeParse({ fontFamily }).success).toBe(true);
    expect(set.safeParse({ theme: 'neon' }).success).toBe(false);
    expect(set.safeParse({ fontFamily: 'comic' }).success).toBe(false);
  });

  it('takes the limits the controls step within, at both ends', () => {
    for (const [key, limits] of [
      ['fontSize', FONT_SIZE],
      ['lineHeight', LINE_HEIGHT],
      ['paneWidth', PANE_WIDTH],
    ] as const) {
      expect(set.safeParse({ [key]: limits.min }).success, `${key} ${limits.min}`).toBe(true);
      expect(set.safeParse({ [key]: limits.max }).success, `${key} ${limits.max}`).toBe(true);
      expect(set.safeParse({ [key]: limits.min - 0.01 }).success, `${key} below`).toBe(false);
      expect(set.safeParse({ [key]: limits.max + 0.01 }).success, `${key} above`).toBe(false);
    }
  });

  it('has defaults that pass its own check', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses keys it does not know', () => {
    expect(set.safeParse({ theme: 'dark', colour: 'red' }).success).toBe(false);
  });

  it('names each theme for the UI', () => {
    expect(THEMES.map(themeLabel)).toEqual(['Light', 'Sepia', 'Dark', 'System']);
  });
});
