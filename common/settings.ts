/**
 * The reading settings' choices, limits and defaults: main checks against them (common/schemas.ts builds
 * its zod schema from these arrays) and the settings UI offers exactly them, so a theme added here is a
 * valid value, a checked value and a new option at once.
 */
import type { Settings } from './schemas.ts';

export const THEMES = ['light', 'sepia', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

/** A theme's name in the UI: its value, capitalized ("sepia" → "Sepia"). */
export const themeLabel = (theme: Theme): string => theme.charAt(0).toUpperCase() + theme.slice(1);

/** `dyslexic` is OpenDyslexic, bundled with the app (renderer/src/fonts.css), so it reads the same offline everywhere. */
export const FONT_FAMILIES = ['serif', 'sans', 'dyslexic'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];
export const FONT_FAMILY_LABELS: Record<FontFamily, string> = { serif: 'Serif', sans: 'Sans-serif', dyslexic: 'OpenDyslexic' };

export const FONT_SIZE = { min: 12, max: 32, step: 1 } as const;
export const LINE_HEIGHT = { min: 1.2, max: 2.4, step: 0.1 } as const;
/** The measure, in characters of the reading font: 45–75 is the classic range; a little either side for those who want it. */
export const LINE_WIDTH = { min: 40, max: 100, step: 5 } as const;
/** The library pane's sections that fold away (their heading stays). */
export const LIBRARY_SECTIONS = ['continue', 'folders'] as const;
export type LibrarySection = (typeof LIBRARY_SECTIONS)[number];

/** The library pane; `readerMin` is the room the reader keeps beside it. */
export const PANE_WIDTH = { min: 260, max: 1200, step: 16, readerMin: 420 } as const;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: 18,
  lineHeight: 1.6,
  fontFamily: 'serif',
  lineWidth: 65,
  justify: false,
  paneWidth: 400,
  isLibraryHidden: false,
  // Folders are set up once and then looked at rarely; the article list gets their room.
  collapsedSections: ['folders'],
  lastArticle: null,
};
