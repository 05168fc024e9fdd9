import { z } from 'zod';
import type { RequestName, Requests } from '../../preload/contract.ts';

/** Every request's input, checked at runtime; the mapped type ties each schema to the contract at compile time. */
const id = z.string().min(1).max(64);
const shortText = z.string().max(10_000);
const empty = z.strictObject({});
const anchor = z.strictObject({
  block: z.number().int().min(0).max(1e7),
  offset: z.number().int().min(0).max(1e9),
  quote: z.string().max(500),
});

export const schemas = {
  'search.query': z.strictObject({
    q: shortText,
    limit: z.number().int().min(0).max(200).optional(),
    offset: z.number().int().min(0).max(1e7).optional(),
    sort: z.enum(['relevance', 'date']).optional(),
  }),
  'article.get': z.strictObject({ id, query: shortText.optional() }),
  'article.find': z.strictObject({ id, text: z.string().max(1000) }),
  'article.resolveLink': z.strictObject({ id, href: z.string().max(4096) }),
  'library.list': z.strictObject({
    sort: z.enum(['title', 'date']),
    offset: z.number().int().min(0).max(1e7),
    limit: z.number().int().min(1).max(1000),
    folder: z.string().max(4096).optional(),
  }),
  'library.continue': empty,
  'folders.list': empty,
  'folders.add': z.strictObject({ path: z.string().min(1).max(4096) }),
  'folders.remove': z.strictObject({ key: z.string().min(1).max(4096) }),
  'folders.rescan': empty,
  'import.problems': empty,
  'index.status': empty,
  'position.get': z.strictObject({ id }),
  'position.set': z.strictObject({ id, anchor, progress: z.number().min(0).max(1) }),
  'highlights.list': z.strictObject({ id: id.optional() }),
  'highlights.add': z.strictObject({
    id,
    block: z.number().int().min(0).max(1e7),
    start: z.number().int().min(0).max(1e9),
    end: z.number().int().min(0).max(1e9),
    note: z.string().max(10_000).optional(),
  }),
  'highlights.update': z.strictObject({ hid: id, note: z.string().max(10_000) }),
  'highlights.remove': z.strictObject({ hid: id }),
  'highlights.search': z.strictObject({ q: z.string().max(1000) }),
  'highlights.export': z.strictObject({ format: z.enum(['markdown', 'json']) }),
  'settings.get': empty,
  'settings.set': z.strictObject({
    theme: z.enum(['system', 'light', 'sepia', 'dark']).optional(),
    fontSize: z.number().min(12).max(32).optional(),
    lineHeight: z.number().min(1.2).max(2.4).optional(),
    fontFamily: z.enum(['serif', 'sans']).optional(),
    paneWidth: z.number().min(240).max(1200).optional(),
    lastArticle: id.nullable().optional(),
  }),
  'link.open': z.strictObject({ url: z.string().min(1).max(8192) }),
} satisfies { [K in RequestName]: z.ZodType<Requests[K]['in']> };

/** Turns a failed parse into one sentence naming the field and what was expected. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}
