import type { ErrorCode } from '../../common/result.ts';

/** An expected failure of a library operation, with the code the UI explains; dispatch turns it into an error value. */
export class OffprintError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
