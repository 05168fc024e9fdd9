/** How every request answers: a value, or an error value with a code the UI can explain. Errors are values. */

export const ERROR_CODES = [
  'bad-request',
  'unknown-request',
  'not-found',
  'forbidden',
  'unavailable',
  'read-only',
  'disk-full',
  'internal',
  /** Superseded by a newer request (a search for the next keystroke): nothing to show or explain. */
  'cancelled',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };
