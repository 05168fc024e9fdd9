import { createHash } from 'node:crypto';

/** Opaque, stable across runs, unique across folders. */
export function documentId(folderKey: string, relpath: string): string {
  return createHash('sha256').update(`${folderKey}\0${relpath}`).digest('base64url').slice(0, 16);
}
