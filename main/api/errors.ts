import type { ErrorCode } from '../../common/contract.ts';

/** SQLite's own codes for a full disk or a read-only file, mapped to what the UI can explain. */
export function storageErrorCode(err: unknown): ErrorCode | null {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL') return 'disk-full';
  if (
    code === 'SQLITE_READONLY' ||
    code.startsWith('SQLITE_READONLY_') ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'EROFS' ||
    code === 'EACCES'
  )
    return 'read-only';
  return null;
}
