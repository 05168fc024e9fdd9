/**
 * The reader's calendar day of `date` (YYYY-MM-DD, in the machine's time zone, as SQLite's 'localtime'):
 * what "opened on two different days" counts, since a day is the reader's, not UTC's.
 */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
