import { parseDateLine } from './dates.ts';

export interface SingleFileFacts {
  /** The address the page was saved from. */
  url: string | null;
  /** The day it was saved, YYYY-MM-DD, as the saver's clock read it. */
  savedDate: string | null;
}

/** The comment's first line; older versions (1.x) wrote the second. */
const HEADERS = ['Page saved with SingleFile', 'Archive processed by SingleFile'];

/**
 * What SingleFile's comment says, or null when the comment is not SingleFile's. SingleFile writes it
 * first in `<html>`, one field a line after its header line: ` url: <address> ` then, unless told not
 * to, ` saved date: <date>` in JavaScript's `Date.prototype.toString` form ("Tue Sep 22 2026 11:39:42
 * GMT+0900 (…)"), then an optional ` info: …`.
 */
export function savedBySingleFile(comment: string): SingleFileFacts | null {
  const lines = comment
    .slice(0, 8192)
    .split('\n')
    .map((line) => line.trim());
  const first = lines.findIndex((line) => line !== '');
  if (first < 0 || !HEADERS.includes(lines[first]!)) return null;
  let url: string | null = null;
  let savedDate: string | null = null;
  for (const line of lines.slice(first + 1)) {
    const field = /^(url|saved date):\s*(.*)$/u.exec(line);
    if (!field) continue;
    if (field[1] === 'url') url ??= field[2]!.trim() || null;
    else savedDate ??= dayOf(field[2]!);
  }
  return { url, savedDate };
}

/** "Tue Sep 22 2026 11:39:42 GMT+0900 (…)" → 2026-09-22: the date as written, not moved to UTC. */
function dayOf(value: string): string | null {
  const written = /^(?:[a-z]{3}\s+)?([a-z]{3})\s+(\d{1,2})\s+(\d{4})\b/iu.exec(value.trim());
  if (written) return parseDateLine(`${written[1]} ${written[2]} ${written[3]}`);
  return parseDateLine(value.trim().slice(0, 10));
}
