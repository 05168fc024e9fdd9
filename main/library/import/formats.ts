import { extname } from 'node:path';
import { ARTICLE_FORMATS, FORMAT_EXTENSIONS } from '../../../common/formats.ts';
import type { Format } from '../model.ts';

/** Its own module so the folder scan (and its thread) need not load the importers; the endings are common/formats.ts's. */
const FORMATS = new Map<string, Format>(
  ARTICLE_FORMATS.flatMap((format) => FORMAT_EXTENSIONS[format].map((ext) => [ext, format] as const)),
);

export function formatOf(path: string): Format | null {
  return FORMATS.get(extname(path).toLowerCase()) ?? null;
}
