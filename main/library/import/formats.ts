import { extname } from 'node:path';
import type { Format } from '../model.ts';

/** Its own module so the folder scan (and its thread) need not load the importers. */
const FORMATS: Record<string, Format> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.epub': 'epub',
  '.pdf': 'pdf',
};

export function formatOf(path: string): Format | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}
