import { readSync, writeSync } from 'node:fs';

/**
 * Where the parser process says which file it is on, in a small file both processes keep open: the
 * writer reads it when it checks the budget, so it always sees the parser's present file even when its
 * own event loop lags behind the parser's messages (during a long commit). Four float64s: a tag, the
 * file's sequence number, its phase (PARSING, or DONE once a slice is through), the tag again.
 */
export const STATUS_BYTES = 32;
export const PARSING = 1;
export const DONE = 2;

export interface ParseStatus {
  seq: number;
  phase: number;
}

export function statusWriter(fd: number): (seq: number, phase: number) => void {
  const values = new Float64Array(4);
  const bytes = new Uint8Array(values.buffer);
  return (seq, phase) => {
    const tag = values[0]! + 1;
    values[0] = tag;
    values[1] = seq;
    values[2] = phase;
    values[3] = tag;
    writeSync(fd, bytes, 0, STATUS_BYTES, 0);
  };
}

/** The last status written, or null before the first; a torn read (the tags differ) is retried. */
export function readStatus(fd: number): ParseStatus | null {
  const values = new Float64Array(4);
  const bytes = new Uint8Array(values.buffer);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (readSync(fd, bytes, 0, STATUS_BYTES, 0) !== STATUS_BYTES) return null;
    if (values[0] === values[3] && values[0]! > 0) return { seq: values[1]!, phase: values[2]! };
  }
  return null;
}
