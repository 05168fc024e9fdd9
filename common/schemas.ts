/**
 * Every request's input as a zod schema, checked at run time by main's dispatch; the TypeScript types of
 * those inputs (common/contract.ts) are inferred from these schemas, so the check and the type cannot
 * drift. Only main imports this module's values: the renderer takes types from it (`import type`), and
 * its build fails if zod ends up in the bundle (renderer/vite.config.ts).
 */
import { z } from 'zod';
import { ARTICLE_FORMATS } from './formats.ts';
import { FONT_FAMILIES, FONT_SIZE, LIBRARY_SECTIONS, LINE_HEIGHT, LINE_WIDTH, PANE_WIDTH, THEMES } from './settings.ts';

const id = z.string().min(1).max(64);
const shortText = z.string().max(10_000);
const empty = z.strictObject({});
const folderPath = z.string().min(1).max(4096);

export const searchSortSchema = z.enum(['relevance', 'date']);
export const librarySortSchema = z.enum(['title', 'date']);

const blockIndex = z.number().int().min(0).max(1e7);
const textOffset = z.number().int().min(0).max(1e9);

/** A point in an article: a block, and an offset in that block's text (common/blocks.ts blockText). */
export const blockPointSchema = z.strictObject({ block: blockIndex, offset: textOffset });

/** A place in an article that survives reflow and re-import: block, offset in its text, and a quote to re-find it. */
export const textAnchorSchema = z.strictObject({ block: blockIndex, offset: textOffset, quote: z.string().max(500) });

export const settingsSchema = z.strictObject({
  theme: z.enum(THEMES),
  fontSize: z.number().min(FONT_SIZE.min).max(FONT_SIZE.max),
  lineHeight: z.number().min(LINE_HEIGHT.min).max(LINE_HEIGHT.max),
  fontFamily: z.enum(FONT_FAMILIES),
  lineWidth: z.number().int().min(LINE_WIDTH.min).max(LINE_WIDTH.max),
  /** Text set flush on both sides, hyphenated in the article's language. */
  justify: z.boolean(),
  paneWidth: z.number().min(PANE_WIDTH.min).max(PANE_WIDTH.max),
  /** The library and search sidebar hidden, for the reader alone (focus mode hides it for the moment only). */
  isLibraryHidden: z.boolean(),
  collapsedSections: z.array(z.enum(LIBRARY_SECTIONS)).max(LIBRARY_SECTIONS.length),
  lastArticle: id.nullable(),
});

export const highlightExportFormatSchema = z.enum(['markdown', 'json']);

export const requestSchemas = {
  'search.query': z.strictObject({
    q: shortText,
    limit: z.number().int().min(0).max(200).optional(),
    offset: z.number().int().min(0).max(1e7).optional(),
    sort: searchSortSchema.optional(),
    /** Search exactly as typed, without corrections ("Search instead for …"). */
    exact: z.boolean().optional(),
  }),
  'article.get': z.strictObject({
    id,
    query: shortText.optional(),
    exact: z.boolean().optional(),
    /** Send only the blocks it opens at (common/blocks.ts openingWindow); article.blocks sends the rest. */
    window: z.boolean().optional(),
  }),
  'article.blocks': z.strictObject({ id, from: z.number().int().min(0).max(1e7), to: z.number().int().min(0).max(1e7) }),
  'article.find': z.strictObject({ id, text: z.string().max(1000) }),
  'article.resolveLink': z.strictObject({ id, href: z.string().max(4096) }),
  'library.list': z.strictObject({
    sort: librarySortSchema,
    offset: z.number().int().min(0).max(1e7),
    limit: z.number().int().min(1).max(1000),
    folder: folderPath.optional(),
    /** Only the articles from files of this format. */
    format: z.enum(ARTICLE_FORMATS).optional(),
  }),
  'library.continue': empty,
  /** Takes an article off the Continue reading shelf until it is read again (main/library/db/positions.ts). */
  'library.dismissContinue': z.strictObject({ id }),
  /** Undoes library.dismissContinue. */
  'library.restoreContinue': z.strictObject({ id }),
  'folders.list': empty,
  'folders.add': z.strictObject({ path: folderPath }),
  'folders.remove': z.strictObject({ key: folderPath }),
  'folders.rescan': empty,
  'import.problems': empty,
  'index.status': empty,
  'position.get': z.strictObject({ id }),
  'position.set': z.strictObject({
    id,
    anchor: textAnchorSchema,
    progress: z.number().min(0).max(1),
    /** In this visit the reader has scrolled a screen or more from where the article opened: it is being read, not only opened. */
    pastFirstScreen: z.boolean().optional(),
  }),
  'highlights.list': z.strictObject({ id: id.optional() }),
  /** From `start` to `end`, which may be in different blocks. */
  'highlights.add': z.strictObject({ id, start: blockPointSchema, end: blockPointSchema, note: z.string().max(10_000).optional() }),
  'highlights.update': z.strictObject({ hid: id, note: z.string().max(10_000) }),
  /** Moves the highlight to the trash, from where highlights.restore brings it back (undo). */
  'highlights.remove': z.strictObject({ hid: id }),
  'highlights.restore': z.strictObject({ hid: id }),
  'highlights.search': z.strictObject({ q: z.string().max(1000) }),
  'highlights.export': z.strictObject({ format: highlightExportFormatSchema }),
  'settings.get': empty,
  'settings.set': settingsSchema.partial(),
  'link.open': z.strictObject({ url: z.string().min(1).max(8192) }),
  /** Files (copied into the library folder) and folders (watched), dropped or picked: each path is checked in main. */
  'files.add': z.strictObject({ paths: z.array(folderPath).min(1).max(1000) }),
  /** Opens the desktop app's file dialog and adds what was picked, as files.add. */
  'files.choose': empty,
  /** Opens the article's source file with the system's default app (the desktop app; by id, never by path). */
  'article.openOriginal': z.strictObject({ id }),
} as const;

export type RequestSchemas = typeof requestSchemas;
export type Settings = z.infer<typeof settingsSchema>;
export type TextAnchor = z.infer<typeof textAnchorSchema>;
export type BlockPoint = z.infer<typeof blockPointSchema>;
export type SearchSort = z.infer<typeof searchSortSchema>;
export type LibrarySort = z.infer<typeof librarySortSchema>;
export type HighlightExportFormat = z.infer<typeof highlightExportFormatSchema>;

/** Turns a failed parse into one sentence naming the field and what was expected. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}
